package org.simpul.referral;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/**
 * The referral form as typed, bound by Spring MVC with its {@code BindingResult}: the provider chosen, the
 * reason, and a due date if the sender sets one. Only the {@link #FIELDS} are bound.
 */
public class ReferralForm {

	/** The fields the page may bind. */
	static final String[] FIELDS = { "providerId", "reason", "dueDate" };

	/** A provider id that is not one names no provider the page offered. */
	static final Map<String, String> CODES = Map.of("providerId", "PROVIDER_UNKNOWN");

	private UUID providerId;

	private String reason;

	@DateTimeFormat(iso = ISO.DATE)
	private LocalDate dueDate;

	public UUID getProviderId() {
		return providerId;
	}

	public void setProviderId(UUID providerId) {
		this.providerId = providerId;
	}

	public String getReason() {
		return reason;
	}

	public void setReason(String reason) {
		this.reason = reason;
	}

	public LocalDate getDueDate() {
		return dueDate;
	}

	public void setDueDate(LocalDate dueDate) {
		this.dueDate = dueDate;
	}

	/** The referral to make of the complaint. */
	Referrals.NewReferral toNewReferral(UUID complaintId) {
		return new Referrals.NewReferral(null, complaintId, providerId, reason, dueDate);
	}
}
