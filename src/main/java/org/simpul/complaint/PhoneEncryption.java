package org.simpul.complaint;

import java.util.List;

import org.simpul.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * At every start, reporters' phone numbers not encrypted with the current key are rewritten: those stored in
 * plain text before encryption came, and those of a key being rotated out. In batches, each its own
 * statement; a crash halfway leaves every row readable (old and new forms both decrypt).
 */
@Component
class PhoneEncryption {

	private static final Logger log = LoggerFactory.getLogger(PhoneEncryption.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	PhoneEncryption(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(5)
	void rewrite() {
		record Stored(java.util.UUID id, String phone) {
		}
		int total = 0;
		while (true) {
			List<Stored> batch = jdbc.sql("""
					select id, reporter_phone as phone from complaint
					where reporter_phone is not null and reporter_phone not like :current limit 1000""")
				.param("current", cipher.currentPattern())
				.query(Stored.class)
				.list();
			if (batch.isEmpty()) {
				break;
			}
			for (Stored row : batch) {
				jdbc.sql("update complaint set reporter_phone = :phone where id = :id and reporter_phone = :old")
					.param("phone", cipher.encrypt(cipher.decrypt(row.phone())))
					.param("id", row.id())
					.param("old", row.phone())
					.update();
			}
			total += batch.size();
		}
		if (total > 0) {
			log.info("Encrypted {} reporters' phone numbers with the current key", total);
		}
	}
}
