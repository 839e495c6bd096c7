package org.simpul.complaint;

import java.time.Clock;
import java.time.Duration;

import org.simpul.shared.web.ClientLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code simpul.tracking.attempts} tracking look-ups per client address in each window of
 * {@code simpul.tracking.window} (default 10 per 15 minutes), counted in this instance's memory. With a
 * 50-bit tracking code that leaves a guesser one chance in 10^15 per try (docs/security notes in the README).
 */
@Component
class TrackingLimiter {

	private final ClientLimiter limiter;

	TrackingLimiter(Clock clock, @Value("${simpul.tracking.attempts:10}") int attempts,
			@Value("${simpul.tracking.window:15m}") Duration window) {
		this.limiter = new ClientLimiter("tracking", attempts, window, clock);
	}

	/** Counts one attempt of {@code client}; refuses it (429) past the limit. */
	void attempt(String client) {
		limiter.attempt(client);
	}
}
