package org.simpul.access;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed-login bookkeeping (BSSN 4/2021): five failures in a row lock the account for fifteen minutes;
 * while locked even the right password is refused; a success, or the end of a lock, starts the count anew.
 */
record LoginState(int failures, Instant lockedUntil) {

	static final int MAX_FAILURES = 5;

	static final Duration LOCK_DURATION = Duration.ofMinutes(15);

	static final LoginState CLEAN = new LoginState(0, null);

	boolean isLocked(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	LoginState failed(Instant now) {
		int count = (lockedUntil != null && !now.isBefore(lockedUntil)) ? 1 : failures + 1;
		return count >= MAX_FAILURES ? new LoginState(count, now.plus(LOCK_DURATION)) : new LoginState(count, null);
	}
}
