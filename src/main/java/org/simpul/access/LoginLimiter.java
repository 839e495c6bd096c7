package org.simpul.access;

import java.time.Clock;
import java.time.Duration;

import org.simpul.shared.web.ClientLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Failed logins per client address, across accounts (the per-account lock stops guessing one password; this
 * stops one client trying a password on many accounts): past {@code simpul.login.client-failures} failures
 * in {@code simpul.login.client-window} (default 30 in 15 minutes) the client's logins are refused, page and
 * token alike, until the window ends, and an alert is logged.
 */
@Component
class LoginLimiter {

	private final ClientLimiter failures;

	LoginLimiter(Clock clock, @Value("${simpul.login.client-failures:30}") int failures,
			@Value("${simpul.login.client-window:15m}") Duration window) {
		this.failures = new ClientLimiter("login-failures", failures, window, clock);
	}

	/** Refuses (429) a client past its failures. */
	void check(String client) {
		failures.check(client);
	}

	void failed(String client) {
		failures.count(client, true);
	}
}
