package org.simpul.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the API: 256 random bits, of which only a SHA-256 is stored. A token is valid
 * for at most fifteen minutes and only while its user is active, checked on every request, so a
 * deactivation takes effect at once.
 */
@Service
class ApiTokens {

	static final Duration LIFETIME = Duration.ofMinutes(15);

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record IssuedToken(String value, Duration lifetime) {
	}

	@Transactional
	IssuedToken issue(UUID userId) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("delete from api_token where expires_at < :now").param("now", Timestamp.from(now)).update();
		jdbc.sql("""
				insert into api_token (token_hash, user_id, issued_at, expires_at)
				values (:hash, :user, :now, :expires)""")
			.param("hash", hash(token))
			.param("user", userId)
			.param("now", Timestamp.from(now))
			.param("expires", Timestamp.from(now.plus(LIFETIME)))
			.update();
		return new IssuedToken(token, LIFETIME);
	}

	/** The user a token belongs to, if the token is known, unexpired and its user still active. */
	Optional<CurrentUser> resolve(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		// one round trip on every API request: the token and its active user together
		return jdbc.sql("""
				select u.id, u.username, u.display_name, u.role, u.region_code from api_token t
				join app_user u on u.id = t.user_id
				where t.token_hash = :hash and t.expires_at > :now and u.active""")
			.param("hash", hash(token))
			.param("now", Timestamp.from(clock.instant()))
			.query((rs, row) -> new CurrentUser(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getString("display_name"), Role.valueOf(rs.getString("role")),
					Territory.of(rs.getString("region_code"))))
			.optional();
	}

	/** Ends one token (its holder's own request, {@code POST /api/v1/auth/token/revoke}): it answers 401 from then on. */
	void revoke(String token) {
		jdbc.sql("delete from api_token where token_hash = :hash").param("hash", hash(token)).update();
	}

	void revokeAll(UUID userId) {
		jdbc.sql("delete from api_token where user_id = :user").param("user", userId).update();
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
