package org.simpul.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.referral.Referral.Status;
import org.simpul.referral.Referral.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where referrals are kept: a referral loaded under its row lock to be changed, written back with its version
 * one higher and the steps it noted on its timeline. Reads for pages, lists and reports stay in
 * {@link Referrals}, in SQL.
 */
@Repository
class ReferralStore {

	private final JdbcClient jdbc;

	ReferralStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The referral, locked until the transaction ends: no one else changes it meanwhile. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Referral> lock(UUID id) {
		return jdbc.sql("""
				select id, complaint_id, provider_id, agency_id, village_code, status, reason, due_date, outcome,
				       rejection_reason, decline_reason, verification_code, version
				from referral where id = :id for update""")
			.param("id", id)
			.query((rs, n) -> new Referral(rs.getObject("id", UUID.class), rs.getObject("complaint_id", UUID.class),
					rs.getObject("provider_id", UUID.class), rs.getObject("agency_id", UUID.class),
					rs.getString("village_code"), Status.valueOf(rs.getString("status")), rs.getString("reason"),
					rs.getObject("due_date", LocalDate.class), rs.getString("outcome"),
					rs.getString("rejection_reason"), rs.getString("decline_reason"), rs.getString("verification_code"),
					rs.getInt("version")))
			.optional();
	}

	/** Writes a new referral (recommended) at version 0, with the steps it noted. */
	@Transactional(propagation = Propagation.MANDATORY)
	void insert(Referral referral) {
		jdbc.sql("""
				insert into referral (id, version, complaint_id, provider_id, agency_id, village_code, status, reason,
				                      due_date, recommended_by, recommended_at, updated_at)
				values (:id, 0, :complaint, :provider, :agency, :village, :status, :reason, :due, :by, :now, :now)""")
			.param("id", referral.id())
			.param("complaint", referral.complaintId())
			.param("provider", referral.providerId())
			.param("agency", referral.agencyId())
			.param("village", referral.villageCode())
			.param("status", referral.status().name())
			.param("reason", referral.reason())
			.param("due", referral.dueDate() == null ? null : Date.valueOf(referral.dueDate()))
			.param("by", referral.recommendedBy())
			.param("now", Timestamp.from(referral.recommendedAt()))
			.update();
		writeSteps(referral.id(), referral.takeSteps());
	}

	/**
	 * Writes what changed since the referral was loaded: its state, its version one higher, and its new steps;
	 * nothing when nothing changed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Referral referral) {
		List<Step> steps = referral.takeSteps();
		if (steps.isEmpty()) {
			return;
		}
		Instant at = steps.getLast().at();
		jdbc.sql("""
				update referral set status = :status, due_date = :due, outcome = :outcome,
				       rejection_reason = :rejection, decline_reason = :decline, verification_code = :code,
				       sent_by = coalesce(:sentBy, sent_by), sent_at = coalesce(:sentAt, sent_at),
				       version = version + 1, updated_at = :now
				where id = :id""")
			.param("status", referral.status().name())
			.param("due", referral.dueDate() == null ? null : Date.valueOf(referral.dueDate()))
			.param("outcome", referral.outcome())
			.param("rejection", referral.rejectionReason())
			.param("decline", referral.declineReason())
			.param("code", referral.verificationCode())
			.param("sentBy", referral.sentBy())
			.param("sentAt", referral.sentAt() == null ? null : Timestamp.from(referral.sentAt()))
			.param("now", Timestamp.from(at))
			.param("id", referral.id())
			.update();
		writeSteps(referral.id(), steps);
	}

	private void writeSteps(UUID referral, List<Step> steps) {
		for (Step step : steps) {
			jdbc.sql("""
					insert into referral_step (referral_id, status, at, by_user, note)
					values (:referral, :status, :at, :by, :note)""")
				.param("referral", referral)
				.param("status", step.status().name())
				.param("at", Timestamp.from(step.at()))
				.param("by", step.by())
				.param("note", step.note())
				.update();
		}
	}
}
