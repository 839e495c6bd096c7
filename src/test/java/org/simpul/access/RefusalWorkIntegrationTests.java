package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A refused login costs the same work whatever the reason (an unknown name, a wrong password, a locked
 * account): one password hash each, so that how fast the answer comes tells nobody which accounts exist or
 * are locked. Counted, not timed: the hashes are what takes the time.
 */
@SimpulIntegrationTest
class RefusalWorkIntegrationTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	LoginStates loginStates;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	Clock clock;

	@Autowired
	SecondFactors factors;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLockedAccountIsRefusedAfterAsMuchWorkAsAnUnknownOne() {
		AtomicInteger hashes = new AtomicInteger();
		PasswordEncoder counting = new PasswordEncoder() {
			@Override
			public String encode(CharSequence raw) {
				return passwords.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				hashes.incrementAndGet();
				return passwords.matches(raw, encoded);
			}
		};
		AccountAuthenticator authenticator = new AccountAuthenticator(accounts, loginStates, counting, clock, factors);
		String username = "viewer.kunci";
		UserAccount account = accounts.findByUsername(username).orElseGet(() -> accounts.save(UserAccount.create(UUID.randomUUID(),
				username, "Kunci", passwords.encode("Kunci-Akun-Ini-2026"), Role.VIEWER, Territory.of("33.28"),
				clock.instant())));
		try {
			for (int i = 0; i < LoginState.MAX_FAILURES; i++) {
				loginStates.claimAttempt(account.id(), clock.instant());
			}
			hashes.set(0);
			assertThatThrownBy(() -> authenticator.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(username, "Salah-Sekali-2026")))
				.isInstanceOf(LockedException.class);
			assertThat(hashes).as("hashes for a locked account").hasValue(1);
			hashes.set(0);
			assertThatThrownBy(() -> authenticator.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated("tidak.ada.siapa", "Salah-Sekali-2026")))
				.isInstanceOf(BadCredentialsException.class);
			assertThat(hashes).as("hashes for an unknown account").hasValue(1);
		}
		finally {
			loginStates.unlock(account.id());
		}
	}
}
