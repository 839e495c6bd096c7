package org.simpul.access;

import java.util.List;
import java.util.UUID;

import org.simpul.shared.crypto.FieldCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** At every start, TOTP secrets not under the current field key are rewritten with it (key rotation). */
@Component
class SecretEncryption {

	private static final Logger log = LoggerFactory.getLogger(SecretEncryption.class);

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	SecretEncryption(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(5)
	void rewrite() {
		record Stored(UUID id, String secret) {
		}
		List<Stored> stale = jdbc.sql("""
				select id, totp_secret as secret from app_user
				where totp_secret is not null and totp_secret not like :current""")
			.param("current", cipher.currentPattern())
			.query(Stored.class)
			.list();
		for (Stored row : stale) {
			jdbc.sql("update app_user set totp_secret = :secret where id = :id and totp_secret = :old")
				.param("secret", cipher.encrypt(cipher.decrypt(row.secret())))
				.param("id", row.id())
				.param("old", row.secret())
				.update();
		}
		if (!stale.isEmpty()) {
			log.info("Encrypted {} TOTP secrets with the current key", stale.size());
		}
	}
}
