package org.simpul.complaint;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a complaint's progress is kept: loaded under its row lock, written back with its version one higher
 * for each move, its steps on the timeline and the outcome the citizen is told. The intake, the desk's edits
 * and every read stay in SQL ({@link ComplaintIntake}, {@link ComplaintQueries}).
 */
@Repository
class ComplaintStore {

	private final JdbcClient jdbc;

	ComplaintStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The complaint, locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Complaint> lock(UUID id) {
		return jdbc.sql("select id, ticket_number, status, outcome from complaint where id = :id for update")
			.param("id", id)
			.query((rs, n) -> new Complaint(rs.getObject("id", UUID.class), rs.getString("ticket_number"),
					ComplaintStatus.valueOf(rs.getString("status")), rs.getString("outcome")))
			.optional();
	}

	/** Writes what changed since the complaint was loaded: its status and steps, its outcome. */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Complaint complaint) {
		boolean outcomeChanged = complaint.outcomeChanged();
		List<Complaint.Step> steps = complaint.takeSteps();
		if (!steps.isEmpty()) {
			jdbc.sql("""
					update complaint set status = :status, version = version + :moves, updated_at = :now
					where id = :id""")
				.param("status", complaint.status().name())
				.param("moves", steps.size())
				.param("now", Timestamp.from(steps.getLast().at()))
				.param("id", complaint.id())
				.update();
			for (Complaint.Step step : steps) {
				jdbc.sql("insert into complaint_step (complaint_id, status, at, by_user) values (:id, :status, :at, :by)")
					.param("id", complaint.id())
					.param("status", step.status().name())
					.param("at", Timestamp.from(step.at()))
					.param("by", step.by())
					.update();
			}
		}
		if (outcomeChanged) {
			jdbc.sql("update complaint set outcome = :outcome where id = :id")
				.param("outcome", complaint.outcome())
				.param("id", complaint.id())
				.update();
		}
	}
}
