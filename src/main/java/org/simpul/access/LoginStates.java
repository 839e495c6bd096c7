package org.simpul.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads and writes {@code login_state}; each write is its own transaction, row-locked against parallel tries. */
@Repository
class LoginStates {

	private final JdbcClient jdbc;

	LoginStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	LoginState of(UUID userId) {
		return jdbc.sql("select failures, locked_until from login_state where user_id = :id")
			.param("id", userId)
			.query(LoginState.class)
			.optional()
			.orElse(LoginState.CLEAN);
	}

	/**
	 * Counts an attempt as failed before its password is checked, under a row lock, and answers the state
	 * it found: parallel guesses each take a place in the count, so no more than five are ever checked
	 * before the lock. A correct password then clears the count with {@link #recordSuccess}.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	LoginState claimAttempt(UUID userId, Instant now) {
		jdbc.sql("insert into login_state (user_id) values (:id) on conflict do nothing").param("id", userId).update();
		LoginState current = jdbc.sql("select failures, locked_until from login_state where user_id = :id for update")
			.param("id", userId)
			.query(LoginState.class)
			.single();
		if (current.isLocked(now)) {
			return current;
		}
		LoginState next = current.failed(now);
		jdbc.sql("update login_state set failures = :failures, locked_until = :lockedUntil, last_failure_at = :now"
				+ " where user_id = :id")
			.param("failures", next.failures())
			.param("lockedUntil", next.lockedUntil() == null ? null : Timestamp.from(next.lockedUntil()))
			.param("now", Timestamp.from(now))
			.param("id", userId)
			.update();
		return current;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void recordSuccess(UUID userId, Instant now) {
		jdbc.sql("""
				insert into login_state (user_id, failures, locked_until, last_login_at) values (:id, 0, null, :now)
				on conflict (user_id) do update set failures = 0, locked_until = null, last_login_at = :now
				""").param("id", userId).param("now", Timestamp.from(now)).update();
	}

	/**
	 * Gives back the place an attempt took in the count, for a right password of an account whose code is still
	 * owed: the password was no failure, and the count of wrong codes before it stands (logging in again does
	 * not start it anew). A lock only this attempt's place had set ends with it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void releaseAttempt(UUID userId) {
		jdbc.sql("""
				update login_state set failures = greatest(failures - 1, 0),
				       locked_until = case when failures - 1 < :max then null else locked_until end
				where user_id = :id""")
			.param("max", LoginState.MAX_FAILURES)
			.param("id", userId)
			.update();
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void unlock(UUID userId) {
		jdbc.sql("update login_state set failures = 0, locked_until = null where user_id = :id")
			.param("id", userId)
			.update();
	}
}
