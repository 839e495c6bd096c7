package org.simpul.shared.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What happened to a referral, published by the referral module in the transaction that made the change.
 * The complaint follows them (referred, in progress, resolved) by listening; {@code by} is the user who acted.
 */
public sealed interface ReferralEvent {

	UUID referralId();

	UUID complaintId();

	Instant at();

	/** The back office recommended a referral, awaiting a supervisor's or manager's decision. */
	record ReferralRecommended(UUID referralId, UUID complaintId, UUID providerId, UUID by, Instant at)
			implements ReferralEvent {
	}

	/** A referral was decided and sent to the receiving agency, due on {@code dueDate}. */
	record ReferralSent(UUID referralId, UUID complaintId, UUID agencyId, LocalDate dueDate, UUID by, Instant at)
			implements ReferralEvent {
	}

	/** A supervisor or manager declined a recommended referral. */
	record ReferralDeclined(UUID referralId, UUID complaintId, UUID by, Instant at) implements ReferralEvent {
	}

	/** The receiving agency accepted the referral: the case is in its hands. */
	record ReferralAccepted(UUID referralId, UUID complaintId, UUID by, Instant at) implements ReferralEvent {
	}

	/** The receiving agency rejected the referral with a reason. */
	record ReferralRejected(UUID referralId, UUID complaintId, UUID by, Instant at) implements ReferralEvent {
	}

	/** The receiving agency completed the referral; {@code outcome} is what it did, as the citizen reads it. */
	record ReferralCompleted(UUID referralId, UUID complaintId, String outcome, UUID by, Instant at)
			implements ReferralEvent {
	}

	/** A sender withdrew a referral still open. */
	record ReferralCancelled(UUID referralId, UUID complaintId, UUID by, Instant at) implements ReferralEvent {
	}

	/** A sender moved the due date of a referral still open. */
	record ReferralDueDateChanged(UUID referralId, UUID complaintId, LocalDate from, LocalDate to, UUID by,
			Instant at) implements ReferralEvent {
	}

	/**
	 * The overdue scan brought an open referral to the attention of {@code level} (SUPERVISOR or MANAGER); no
	 * user acted.
	 */
	record ReferralEscalated(UUID referralId, UUID complaintId, String level, Instant at) implements ReferralEvent {
	}
}
