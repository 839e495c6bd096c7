package org.simpul.shared.crypto;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At every start, each {@link EncryptedColumn}'s values not encrypted with the current key are rewritten:
 * plain text from before encryption, and values of a key being rotated out. In batches of 1,000, each row its
 * own statement that changes it only if nobody changed it meanwhile; a crash halfway leaves every row
 * readable (old and new forms both decrypt), and the next start goes on.
 */
@Component
public class FieldRotation {

	private static final Logger log = LoggerFactory.getLogger(FieldRotation.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final List<EncryptedColumn> columns;

	FieldRotation(JdbcClient jdbc, FieldCipher cipher, List<EncryptedColumn> columns) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.columns = columns;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(5)
	public void rewrite() {
		for (EncryptedColumn column : columns) {
			int rewritten = rewrite(column);
			if (rewritten > 0) {
				log.info("Encrypted {} values of {}.{} with the current key", rewritten, column.table(), column.column());
			}
		}
	}

	private int rewrite(EncryptedColumn column) {
		record Stored(String row, String value) {
		}
		String table = column.table();
		String name = column.column();
		int total = 0;
		String after = "(0,0)";
		while (true) {
			// by physical row, in order: a value that cannot be rewritten (changed meanwhile) is not read again
			List<Stored> batch = jdbc.sql("select ctid::text as row, " + name + " as value from " + table
					+ " where " + name + " is not null and " + name + " not like :current and ctid > cast(:after as tid)"
					+ " order by ctid limit 1000")
				.param("current", cipher.currentPattern())
				.param("after", after)
				.query(Stored.class)
				.list();
			if (batch.isEmpty()) {
				return total;
			}
			for (Stored stored : batch) {
				String plain;
				try {
					plain = cipher.decrypt(stored.value());
				}
				catch (IllegalStateException unreadable) {
					// a value that looks encrypted but opens with no configured key (a key removed too early, or
					// plain text from before that happens to start like a ciphertext): left as it is, the start goes on
					log.warn("A value of {}.{} opens with no configured key; left as it is", table, name);
					continue;
				}
				total += jdbc.sql("update " + table + " set " + name + " = :value where ctid = cast(:row as tid) and "
						+ name + " = :old")
					.param("value", cipher.encrypt(plain))
					.param("row", stored.row())
					.param("old", stored.value())
					.update();
			}
			after = batch.getLast().row();
		}
	}
}
