package org.simpul.audit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seals the audit trail: the rows not sealed yet, in the order of their ids, each given the next place in
 * the chain and its hash. Recording stays one plain insert (no lock on the request's path); one instance at
 * a time seals, under an advisory lock. A row whose insert commits late is simply sealed in a later round.
 */
@Service
class AuditSealer {

	private static final long LOCK = 0x5e_a0d17_0001L;

	private static final int BATCH = 5_000;

	static final RowMapper<AuditChain.Row> ROW = AuditSealer::row;

	static final String COLUMNS = "id, at, user_id, username, role, action, object_type, object_id, subject_ids, purpose";

	private final JdbcClient jdbc;

	private final org.springframework.jdbc.core.JdbcTemplate batch;

	AuditSealer(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	@Scheduled(initialDelayString = "${simpul.audit.seal-every:PT5S}", fixedDelayString = "${simpul.audit.seal-every:PT5S}")
	void scheduled() {
		while (seal() == BATCH) {
			// more waiting
		}
	}

	/** Seals up to one batch; answers how many rows it sealed (0 also when another instance is sealing). */
	@Transactional
	int seal() {
		if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
			return 0;
		}
		List<AuditChain.Row> rows = jdbc.sql("select " + COLUMNS + " from audit_event where chain_seq is null"
				+ " order by id limit " + BATCH)
			.query(ROW)
			.list();
		if (rows.isEmpty()) {
			return 0;
		}
		record Head(long seq, byte[] hash) {
		}
		Head head = jdbc.sql("select chain_seq, hash from audit_event where chain_seq is not null"
				+ " order by chain_seq desc limit 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
			.optional()
			.orElse(new Head(0, AuditChain.GENESIS));
		long seq = head.seq();
		byte[] hash = head.hash();
		List<Object[]> seals = new ArrayList<>(rows.size());
		for (AuditChain.Row row : rows) {
			seq++;
			hash = AuditChain.next(hash, row);
			seals.add(new Object[] { seq, hash, row.id() });
		}
		batch.batchUpdate("update audit_event set chain_seq = ?, hash = ? where id = ?", seals);
		return rows.size();
	}

	private static AuditChain.Row row(ResultSet rs, int n) throws SQLException {
		Array subjects = rs.getArray("subject_ids");
		return new AuditChain.Row(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getObject("user_id", UUID.class),
				rs.getString("username"), rs.getString("role"), rs.getString("action"), rs.getString("object_type"),
				rs.getObject("object_id", UUID.class), (UUID[]) subjects.getArray(), rs.getString("purpose"));
	}
}
