package org.simpul.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.events.ReferralEvent.ReferralAccepted;
import org.simpul.shared.events.ReferralEvent.ReferralCancelled;
import org.simpul.shared.events.ReferralEvent.ReferralCompleted;
import org.simpul.shared.events.ReferralEvent.ReferralDeclined;
import org.simpul.shared.events.ReferralEvent.ReferralDueDateChanged;
import org.simpul.shared.events.ReferralEvent.ReferralRecommended;
import org.simpul.shared.events.ReferralEvent.ReferralRejected;
import org.simpul.shared.events.ReferralEvent.ReferralSent;
import org.simpul.shared.workflow.AggregateRoot;
import org.simpul.shared.workflow.Transitions;

/**
 * A complaint's case sent to a provider: the aggregate whose methods are the referral's workflow. Each checks
 * the status table and its own rules (a refusal is a 409 naming the status), changes the referral, notes the
 * step for its timeline and registers the past-tense event. Who may call which method (the access policy)
 * and which referral a user sees (territory, agency) are the service's concern, before it loads one.
 */
public final class Referral extends AggregateRoot {

	/**
	 * Where a referral stands, and where it may go from there: the one table of its workflow. The back office
	 * recommends; a supervisor or manager sends or declines; the agency accepts or rejects what was sent and
	 * completes what it accepted; the sender may withdraw an open one. Declined, rejected, completed and
	 * cancelled referrals are done.
	 */
	public enum Status {
		RECOMMENDED, DECLINED, SENT, ACCEPTED, REJECTED, COMPLETED, CANCELLED;

		private static final Transitions<Status> MOVES = Transitions.of(Status.class)
			.allow(RECOMMENDED, SENT, DECLINED, CANCELLED)
			.allow(SENT, ACCEPTED, REJECTED, CANCELLED)
			.allow(ACCEPTED, COMPLETED, CANCELLED);

		/** Whether a referral standing here may move to {@code next}. */
		public boolean mayMoveTo(Status next) {
			return MOVES.allows(this, next);
		}

		/** Not done yet: it may still move (and its due date with it). */
		public boolean open() {
			return !MOVES.isFinal(this);
		}

		/** Where a referral standing here may go. */
		public Set<Status> next() {
			return MOVES.from(this);
		}
	}

	/** A step of the referral's timeline, as it is written: the status reached (or kept), when, by whom, why. */
	record Step(Status status, Instant at, UUID by, String note) {
	}

	private final UUID id;

	private final UUID complaintId;

	private final UUID providerId;

	private final UUID agencyId;

	private final String villageCode;

	private final String reason;

	private final int version;

	private final boolean recorded;

	private Status status;

	private LocalDate dueDate;

	private String outcome;

	private String rejectionReason;

	private String declineReason;

	private String verificationCode;

	private UUID sentBy;

	private Instant sentAt;

	private UUID recommendedBy;

	private Instant recommendedAt;

	private final List<Step> steps = new ArrayList<>();

	/** A referral as it is stored (loaded under its row lock to change it). */
	Referral(UUID id, UUID complaintId, UUID providerId, UUID agencyId, String villageCode, Status status,
			String reason, LocalDate dueDate, String outcome, String rejectionReason, String declineReason,
			String verificationCode, int version) {
		this.id = id;
		this.complaintId = complaintId;
		this.providerId = providerId;
		this.agencyId = agencyId;
		this.villageCode = villageCode;
		this.status = status;
		this.reason = reason;
		this.dueDate = dueDate;
		this.outcome = outcome;
		this.rejectionReason = rejectionReason;
		this.declineReason = declineReason;
		this.verificationCode = verificationCode;
		this.version = version;
		this.recorded = true;
	}

	private Referral(UUID id, UUID complaintId, UUID providerId, UUID agencyId, String villageCode, String reason,
			LocalDate dueDate, UUID by, Instant at) {
		this.id = id;
		this.complaintId = complaintId;
		this.providerId = providerId;
		this.agencyId = agencyId;
		this.villageCode = villageCode;
		this.reason = reason;
		this.dueDate = dueDate;
		this.status = Status.RECOMMENDED;
		this.recommendedBy = by;
		this.recommendedAt = at;
		this.version = 0;
		this.recorded = false;
	}

	/**
	 * A new referral of a complaint's case to a provider, recommended (awaiting a decision). The timeline's
	 * "recommended" step is the caller's to note ({@link #noteRecommended}): a decider's referral is sent at once
	 * and shows only that.
	 */
	static Referral recommend(UUID id, UUID complaintId, UUID providerId, UUID agencyId, String villageCode,
			String reason, LocalDate dueDate, UUID by, Instant at) {
		Referral referral = new Referral(id, complaintId, providerId, agencyId, villageCode, reason, dueDate, by, at);
		referral.register(new ReferralRecommended(id, complaintId, providerId, by, at));
		return referral;
	}

	/** Shows the recommendation on the timeline: it waits for a supervisor's or manager's decision. */
	void noteRecommended() {
		steps.add(new Step(Status.RECOMMENDED, recommendedAt, recommendedBy, null));
	}

	/** The decision: sent to the agency, due on {@code due}, with the letter's verification code. */
	void send(UUID by, Instant at, LocalDate due, String letterCode) {
		move(Status.SENT, "REFERRAL_NOT_RECOMMENDED");
		this.dueDate = due;
		this.verificationCode = letterCode;
		this.sentBy = by;
		this.sentAt = at;
		steps.add(new Step(Status.SENT, at, by, null));
		register(new ReferralSent(id, complaintId, agencyId, due, by, at));
	}

	/** A supervisor or manager declines the recommendation, with a reason. */
	void decline(UUID by, Instant at, String why) {
		move(Status.DECLINED, "REFERRAL_NOT_RECOMMENDED");
		this.declineReason = why;
		steps.add(new Step(Status.DECLINED, at, by, why));
		register(new ReferralDeclined(id, complaintId, by, at));
	}

	/** The agency takes the case. */
	void accept(UUID by, Instant at) {
		move(Status.ACCEPTED, "REFERRAL_NOT_SENT");
		steps.add(new Step(Status.ACCEPTED, at, by, null));
		register(new ReferralAccepted(id, complaintId, by, at));
	}

	/** The agency refuses the case, with a reason. */
	void reject(UUID by, Instant at, String why) {
		move(Status.REJECTED, "REFERRAL_NOT_SENT");
		this.rejectionReason = why;
		steps.add(new Step(Status.REJECTED, at, by, why));
		register(new ReferralRejected(id, complaintId, by, at));
	}

	/** The agency did what it was asked: {@code result} is what the citizen reads. */
	void complete(UUID by, Instant at, String result) {
		move(Status.COMPLETED, "REFERRAL_NOT_ACCEPTED");
		this.outcome = result;
		steps.add(new Step(Status.COMPLETED, at, by, result));
		register(new ReferralCompleted(id, complaintId, result, by, at));
	}

	/** The sender withdraws a referral still open, with a reason (on the timeline; the outcome stays). */
	void cancel(UUID by, Instant at, String why) {
		move(Status.CANCELLED, "REFERRAL_NOT_OPEN");
		steps.add(new Step(Status.CANCELLED, at, by, why));
		register(new ReferralCancelled(id, complaintId, by, at));
	}

	/** The sender moves the due date of a referral still open; the same date again changes nothing. */
	void moveDueDate(UUID by, Instant at, LocalDate due) {
		if (!status.open()) {
			throw refused("REFERRAL_NOT_OPEN");
		}
		if (due.equals(dueDate)) {
			return;
		}
		LocalDate before = dueDate;
		this.dueDate = due;
		steps.add(new Step(status, at, by, "dueDate " + before + " → " + due));
		register(new ReferralDueDateChanged(id, complaintId, before, due, by, at));
	}

	private void move(Status next, String refusal) {
		if (!status.mayMoveTo(next)) {
			throw refused(refusal);
		}
		status = next;
	}

	private static ConflictException refused(String code) {
		return new ConflictException(FieldProblem.of("status", code));
	}

	/** Whether this referral changed since it was loaded (or is new): something to save. */
	boolean changed() {
		return !recorded || !steps.isEmpty();
	}

	/** The steps noted since it was loaded, in order; the aggregate forgets them once they are written. */
	List<Step> takeSteps() {
		List<Step> taken = List.copyOf(steps);
		steps.clear();
		return taken;
	}

	UUID id() {
		return id;
	}

	UUID complaintId() {
		return complaintId;
	}

	UUID providerId() {
		return providerId;
	}

	UUID agencyId() {
		return agencyId;
	}

	String villageCode() {
		return villageCode;
	}

	Status status() {
		return status;
	}

	String reason() {
		return reason;
	}

	LocalDate dueDate() {
		return dueDate;
	}

	String outcome() {
		return outcome;
	}

	String rejectionReason() {
		return rejectionReason;
	}

	String declineReason() {
		return declineReason;
	}

	String verificationCode() {
		return verificationCode;
	}

	UUID sentBy() {
		return sentBy;
	}

	Instant sentAt() {
		return sentAt;
	}

	UUID recommendedBy() {
		return recommendedBy;
	}

	Instant recommendedAt() {
		return recommendedAt;
	}

	int version() {
		return version;
	}

	boolean recorded() {
		return recorded;
	}
}
