package org.simpul.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where cases are kept: a case loaded under its row lock to be changed (opened first if nobody has worked on
 * it yet), written back with its version one higher when its own columns changed, and its new timeline
 * entries.
 */
@Repository
class CaseStore {

	private final JdbcClient jdbc;

	CaseStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The case of a complaint, opened at {@code now} if it has none yet, locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	CaseFile openAndLock(UUID complaintId, Instant now) {
		jdbc.sql("""
				insert into case_file (complaint_id, opened_at, version) values (:id, :now, 0)
				on conflict (complaint_id) do nothing""")
			.param("id", complaintId).param("now", Timestamp.from(now)).update();
		return lock(complaintId).orElseThrow();
	}

	/** The case of a complaint if anyone has worked on it, locked until the transaction ends. */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<CaseFile> lock(UUID complaintId) {
		return jdbc.sql("""
				select complaint_id, assignee_id, closed_at, outcome, plan, version from case_file
				where complaint_id = :id for update""")
			.param("id", complaintId)
			.query((rs, n) -> new CaseFile(rs.getObject("complaint_id", UUID.class),
					rs.getObject("assignee_id", UUID.class),
					rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
					rs.getString("outcome"), rs.getString("plan"), rs.getInt("version")))
			.optional();
	}

	/** Writes what changed: the case's columns (version one up) if they did, and the new timeline entries. */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(CaseFile file) {
		boolean changed = file.stateChanged();
		List<CaseFile.Entry> entries = file.takeEntries();
		if (changed) {
			jdbc.sql("""
					update case_file set assignee_id = :assignee, closed_at = :closed, outcome = :outcome, plan = :plan,
					       version = version + 1
					where complaint_id = :id""")
				.param("assignee", file.assigneeId())
				.param("closed", file.closedAt() == null ? null : Timestamp.from(file.closedAt()))
				.param("outcome", file.outcome())
				.param("plan", file.plan())
				.param("id", file.complaintId())
				.update();
		}
		for (CaseFile.Entry entry : entries) {
			jdbc.sql("""
					insert into case_event (complaint_id, at, by_user, kind, detail, client_id, recorded_in_field_at)
					values (:id, :at, :by, :kind, :detail, :clientId, :recordedInField)""")
				.param("id", file.complaintId()).param("at", Timestamp.from(entry.at())).param("by", entry.by())
				.param("kind", entry.kind()).param("detail", entry.detail()).param("clientId", entry.clientId())
				.param("recordedInField", entry.recordedInField() == null ? null
						: Timestamp.from(entry.recordedInField()))
				.update();
		}
	}
}
