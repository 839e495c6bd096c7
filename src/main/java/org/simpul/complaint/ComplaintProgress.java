package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.simpul.shared.events.CaseEvent.AssessmentRecorded;
import org.simpul.shared.events.CaseEvent.CaseClosed;
import org.simpul.shared.events.CaseEvent.CaseReopened;
import org.simpul.shared.events.ReferralEvent.ReferralAccepted;
import org.simpul.shared.events.ReferralEvent.ReferralCompleted;
import org.simpul.shared.events.ReferralEvent.ReferralSent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a complaint forward as its case does (assessed, referred, in progress, resolved, closed), by listening
 * to what the modules that do the work publish, in the transaction of their change: a step on its timeline,
 * the status the citizen tracks, and a status message through the outbox. Never backwards, but for a closed
 * case reopened: a complaint already further along stays where it is.
 */
@Service
class ComplaintProgress {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ComplaintProgress(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** An assessment was recorded: the complaint is ASSESSED (if it was not further along). */
	@EventListener
	void on(AssessmentRecorded assessed) {
		advance(assessed.complaintId(), ComplaintStatus.ASSESSED, assessed.by());
	}

	/** The case was closed: the complaint is CLOSED, with the case's outcome. */
	@EventListener
	void on(CaseClosed closed) {
		advance(closed.complaintId(), ComplaintStatus.CLOSED, closed.by());
		outcome(closed.complaintId(), closed.outcome());
	}

	/** The case was reopened: a closed complaint goes back into work. */
	@EventListener
	void on(CaseReopened reopened) {
		reopen(reopened.complaintId(), reopened.by());
	}

	/** A referral was sent: the complaint is REFERRED. */
	@EventListener
	void on(ReferralSent sent) {
		advance(sent.complaintId(), ComplaintStatus.REFERRED, sent.by());
	}

	/** The agency accepted the referral: the complaint is IN_PROGRESS. */
	@EventListener
	void on(ReferralAccepted accepted) {
		advance(accepted.complaintId(), ComplaintStatus.IN_PROGRESS, accepted.by());
	}

	/** The agency completed the referral: the complaint is RESOLVED, with the agency's outcome. */
	@EventListener
	void on(ReferralCompleted completed) {
		advance(completed.complaintId(), ComplaintStatus.RESOLVED, completed.by());
		outcome(completed.complaintId(), completed.outcome());
	}

	/**
	 * Takes a closed complaint back into work (IN_PROGRESS) when its case is reopened, in the caller's
	 * transaction; false when it was not closed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean reopen(UUID complaintId, UUID byUser) {
		String current = jdbc.sql("select status from complaint where id = :id for update")
			.param("id", complaintId)
			.query(String.class)
			.single();
		if (!ComplaintStatus.valueOf(current).reopens()) {
			return false;
		}
		move(complaintId, ComplaintStatus.IN_PROGRESS, byUser);
		return true;
	}

	/** Advances the complaint to {@code status} in the caller's transaction; false when it was there already. */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean advance(UUID complaintId, ComplaintStatus status, UUID byUser) {
		String current = jdbc.sql("select status from complaint where id = :id for update")
			.param("id", complaintId)
			.query(String.class)
			.single();
		if (!ComplaintStatus.valueOf(current).advancesTo(status)) {
			return false;
		}
		move(complaintId, status, byUser);
		return true;
	}

	/**
	 * Records the outcome the citizen reads on the tracking page (an agency's on completing a referral, the
	 * case's on closing), in the caller's transaction; the latest counts.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void outcome(UUID complaintId, String text) {
		jdbc.sql("update complaint set outcome = :outcome where id = :id").param("outcome", text).param("id", complaintId)
			.update();
	}

	private void move(UUID complaintId, ComplaintStatus status, UUID byUser) {
		Instant now = clock.instant();
		String ticket = jdbc.sql("""
				update complaint set status = :status, version = version + 1, updated_at = :now where id = :id
				returning ticket_number""")
			.param("status", status.name())
			.param("now", Timestamp.from(now))
			.param("id", complaintId)
			.query(String.class)
			.single();
		jdbc.sql("insert into complaint_step (complaint_id, status, at, by_user) values (:id, :status, :now, :by)")
			.param("id", complaintId).param("status", status.name()).param("now", Timestamp.from(now))
			.param("by", byUser).update();
		events.publishEvent(new ComplaintStatusChanged(UUID.randomUUID(), complaintId, ticket, status, now));
	}
}
