package org.simpul.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Checks the audit trail's chain from its first sealed row: every hash recomputed from the previous one and
 * the row as stored, every place in the chain present. A row changed, removed or inserted behind the
 * application's back is found at its place in the chain.
 */
@Service
public class AuditVerification {

	private static final int BATCH = 10_000;

	/**
	 * @param sealed rows checked
	 * @param pending rows recorded but not sealed yet
	 * @param brokenAt the first place in the chain that does not hold (null: the whole chain holds)
	 * @param head the hash of the last place checked (hexadecimal): kept outside the database, it shows later
	 *     whether the newest rows were removed or the chain rewritten
	 */
	public record Result(long sealed, long pending, Long brokenAt, String head) {

		public boolean intact() {
			return brokenAt == null;
		}
	}

	private final JdbcClient jdbc;

	private final AuditSealer sealer;

	AuditVerification(JdbcClient jdbc, AuditSealer sealer) {
		this.jdbc = jdbc;
		this.sealer = sealer;
	}

	/** For the data protection officer and administrators. */
	public Result verify(CurrentUser user) {
		if (!user.may(Action.AUDIT_VERIFY)) {
			throw new AccessDeniedException("The audit trail is verified by the DPO and administrators");
		}
		return verify();
	}

	/** Seals what is waiting, then checks the whole chain. */
	Result verify() {
		while (sealer.seal() > 0) {
			// seal everything recorded so far
		}
		byte[] hash = AuditChain.GENESIS;
		long expected = 1;
		long checked = 0;
		while (true) {
			record Sealed(AuditChain.Row row, long seq, byte[] hash) {
			}
			List<Sealed> rows = jdbc.sql("select " + AuditSealer.COLUMNS + ", chain_seq, hash from audit_event"
					+ " where chain_seq >= :from order by chain_seq limit " + BATCH)
				.param("from", expected)
				.query((rs, n) -> new Sealed(AuditSealer.ROW.mapRow(rs, n), rs.getLong("chain_seq"), rs.getBytes("hash")))
				.list();
			for (Sealed sealed : rows) {
				if (sealed.seq() != expected) {
					return new Result(checked, pending(), expected, hex(hash)); // a row is missing here
				}
				byte[] previous = hash;
				hash = AuditChain.next(hash, sealed.row());
				if (!Arrays.equals(hash, sealed.hash())) {
					return new Result(checked, pending(), expected, hex(previous));
				}
				checked++;
				expected++;
			}
			if (rows.size() < BATCH) {
				return new Result(checked, pending(), null, hex(hash));
			}
		}
	}

	private static String hex(byte[] hash) {
		return HexFormat.of().formatHex(hash);
	}

	private long pending() {
		return jdbc.sql("select count(*) from audit_event where chain_seq is null").query(Long.class).single();
	}
}
