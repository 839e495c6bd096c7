package org.simpul.shared.crypto;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a blind index key other than the one the database's indexes were computed with: a
 * lost key file replaced by a new one, or a second instance with another key, would find no NIK or KK number
 * and let duplicates in without a word. The first start records the key's fingerprint; every later start
 * compares, after the migrations and before the web server opens.
 */
@Component
class KeyFingerprint implements InitializingBean {

	private final JdbcClient jdbc;

	private final BlindIndex index;

	private final Clock clock;

	KeyFingerprint(JdbcClient jdbc, BlindIndex index, Clock clock) {
		this.jdbc = jdbc;
		this.index = index;
		this.clock = clock;
	}

	@Override
	public void afterPropertiesSet() {
		String mine = index.fingerprint();
		jdbc.sql("""
				insert into key_fingerprint (name, fingerprint, recorded_at) values ('blind-index', :fingerprint, :now)
				on conflict (name) do nothing""")
			.param("fingerprint", mine)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		Optional<String> recorded = jdbc.sql("select fingerprint from key_fingerprint where name = 'blind-index'")
			.query(String.class)
			.optional();
		if (!recorded.map(mine::equals).orElse(false)) {
			throw new IllegalStateException("The blind index key (SIMPUL_CRYPTO_INDEX_KEY or <data dir>/keys/index-key)"
					+ " is not the one this database was indexed with: restore the key, or re-index (docs/security.md)");
		}
	}
}
