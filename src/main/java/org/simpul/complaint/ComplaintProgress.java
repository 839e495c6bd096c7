package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves a complaint forward as its case does (referred, in progress, resolved), for the modules that do the
 * work: a step on its timeline, the status the citizen tracks, and a status message through the outbox.
 * Never backwards, but for a closed case reopened: a complaint already further along stays where it is.
 */
@Service
public class ComplaintProgress {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ComplaintProgress(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Takes a closed complaint back into work (IN_PROGRESS) when its case is reopened, in the caller's
	 * transaction; false when it was not closed.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reopen(UUID complaintId, UUID byUser) {
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
	public boolean advance(UUID complaintId, ComplaintStatus status, UUID byUser) {
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
	public void outcome(UUID complaintId, String text) {
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
