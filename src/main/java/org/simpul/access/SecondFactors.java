package org.simpul.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.simpul.shared.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The second factor of {@code ADMIN}, {@code MANAGER} and {@code DPO} accounts: whether a user must enrol
 * (such a role, not enrolled, not a demo account), whether they are enrolled, enrolment confirmed by a first
 * code, and each later code checked once.
 */
@Service
class SecondFactors {

	record State(Role role, String secret, boolean exempt) {

		boolean enrolled() {
			return secret != null;
		}

		/** Must enrol before anything else: a privileged role, not enrolled, not exempt. */
		boolean mustEnrol() {
			return Action.SIGN_IN_WITH_SECOND_FACTOR.allows(role) && secret == null && !exempt;
		}
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecondFactors.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	/** The secret is stored encrypted (AES-GCM, like every secret at rest). */
	private final FieldCipher cipher;

	private final LoginStates loginStates;

	SecondFactors(JdbcClient jdbc, Clock clock, FieldCipher cipher, LoginStates loginStates) {
		this.loginStates = loginStates;
		this.jdbc = jdbc;
		this.clock = clock;
		this.cipher = cipher;
	}

	State state(UUID userId) {
		State stored = jdbc.sql("select role, totp_secret as secret, second_factor_exempt as exempt from app_user"
				+ " where id = :id").param("id", userId).query(State.class).single();
		return new State(stored.role(), cipher.decrypt(stored.secret()), stored.exempt());
	}

	/** Enrols the user with {@code secret} if {@code code} is its current code; false otherwise. */
	boolean enrol(UUID userId, String secret, String code) {
		long step = Totp.matchingStep(secret, code, clock.instant());
		if (step < 0) {
			return false;
		}
		return jdbc.sql("""
				update app_user set totp_secret = :secret, totp_enrolled_at = :now, totp_last_step = :step
				where id = :id and totp_secret is null""")
			.param("secret", cipher.encrypt(secret)).param("now", Timestamp.from(clock.instant())).param("step", step)
			.param("id", userId).update() == 1;
	}

	/**
	 * Whether {@code code} is the enrolled user's current code, never used before (a replay is refused). Every
	 * code tried counts as a failed login until it proves right, as passwords do: five wrong in a row lock
	 * the account for fifteen minutes, so a million codes cannot be tried behind one right password.
	 */
	boolean verify(UUID userId, String code) {
		Instant now = clock.instant();
		LoginState before = loginStates.claimAttempt(userId, now);
		if (before.isLocked(now)) {
			log.info("SECURITY totp-refused account={} reason=locked", userId);
			return false;
		}
		if (matches(userId, code)) {
			loginStates.recordSuccess(userId, now);
			return true;
		}
		log.info("SECURITY totp-failed account={}", userId);
		return false;
	}

	/** Whether the account is locked now (after failed passwords or codes). */
	boolean locked(UUID userId) {
		return loginStates.of(userId).isLocked(clock.instant());
	}

	private boolean matches(UUID userId, String code) {
		State state = state(userId);
		if (!state.enrolled()) {
			return false;
		}
		long step = Totp.matchingStep(state.secret(), code, clock.instant());
		return step >= 0 && jdbc.sql("""
				update app_user set totp_last_step = :step
				where id = :id and (totp_last_step is null or totp_last_step < :step)""")
			.param("step", step).param("id", userId).update() == 1;
	}
}
