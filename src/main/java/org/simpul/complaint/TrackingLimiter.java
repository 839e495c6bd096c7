package org.simpul.complaint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.simpul.shared.TooManyRequestsException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * At most {@code simpul.tracking.attempts} tracking look-ups per client address in each window of
 * {@code simpul.tracking.window} (default 10 per 15 minutes), counted in this instance's memory. With a
 * 50-bit tracking code that leaves a guesser one chance in 10^15 per try (docs/security notes in the README).
 */
@Component
class TrackingLimiter {

	private record Window(Instant start, int attempts) {
	}

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private final Clock clock;

	private final int attempts;

	private final Duration window;

	TrackingLimiter(Clock clock, @Value("${simpul.tracking.attempts:10}") int attempts,
			@Value("${simpul.tracking.window:15m}") Duration window) {
		this.clock = clock;
		this.attempts = attempts;
		this.window = window;
	}

	/** Counts one attempt of {@code client}; refuses it (429) past the limit. */
	void attempt(String client) {
		Instant now = clock.instant();
		if (windows.size() > 100_000) {
			windows.values().removeIf(w -> w.start().plus(window).isBefore(now));
		}
		Window counted = windows.compute(client, (key, w) -> w == null || w.start().plus(window).isBefore(now)
				? new Window(now, 1) : new Window(w.start(), w.attempts() + 1));
		if (counted.attempts() > attempts) {
			throw new TooManyRequestsException(Duration.between(now, counted.start().plus(window)));
		}
	}
}
