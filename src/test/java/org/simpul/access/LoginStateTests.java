package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginStateTests {

	private final Instant t0 = Instant.parse("2026-11-22T08:00:00Z");

	@Test
	void locksForFifteenMinutesOnTheFifthFailure() {
		LoginState state = LoginState.CLEAN;
		for (int i = 1; i <= 4; i++) {
			state = state.failed(t0.plusSeconds(i));
			assertThat(state.isLocked(t0.plusSeconds(i))).isFalse();
		}
		state = state.failed(t0.plusSeconds(5));
		assertThat(state.isLocked(t0.plusSeconds(5))).isTrue();
		assertThat(state.isLocked(t0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
		assertThat(state.isLocked(t0.plusSeconds(5).plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void countsAfreshOnceALockHasExpired() {
		LoginState locked = new LoginState(5, t0);
		LoginState next = locked.failed(t0.plusSeconds(1));
		assertThat(next.failures()).isEqualTo(1);
		assertThat(next.isLocked(t0.plusSeconds(1))).isFalse();
	}
}
