package org.simpul.shared.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

import org.simpul.shared.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code attempts} counted attempts per client address in each window, in this instance's memory.
 * Past the limit an attempt is refused (429) and, once per client and window, an alert is logged for the
 * operators (Peraturan BSSN 4/2021: alerts on automated access), in a form a log watcher can match:
 * {@code ALERT automated-access limit=<name> client=<address>}.
 */
public final class ClientLimiter {

	private static final Logger log = LoggerFactory.getLogger(ClientLimiter.class);

	private record Window(Instant start, int attempts, boolean alerted) {
	}

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

	private final String name;

	private final int attempts;

	private final Duration window;

	private final Clock clock;

	public ClientLimiter(String name, int attempts, Duration window, Clock clock) {
		this.name = name;
		this.attempts = attempts;
		this.window = window;
		this.clock = clock;
	}

	/** Counts one attempt of {@code client}; refuses it (429) past the limit. */
	public void attempt(String client) {
		Window counted = count(client);
		if (counted.attempts() > attempts) {
			refuse(client, counted);
		}
	}

	/** Refuses (429) a client already past the limit, without counting this attempt. */
	public void check(String client) {
		Window current = windows.get(client);
		if (current != null && !expired(current, clock.instant()) && current.attempts() >= attempts) {
			refuse(client, current);
		}
	}

	/** Counts one attempt (a failed login, say) without refusing it: {@link #check} refuses the next ones. */
	public void count(String client, boolean alertPastLimit) {
		Window counted = count(client);
		if (alertPastLimit && counted.attempts() >= attempts) {
			alert(client, counted);
		}
	}

	private Window count(String client) {
		Instant now = clock.instant();
		if (windows.size() > 100_000) {
			windows.values().removeIf(w -> expired(w, now));
		}
		return windows.compute(client, (key, w) -> w == null || expired(w, now) ? new Window(now, 1, false)
				: new Window(w.start(), w.attempts() + 1, w.alerted()));
	}

	private void refuse(String client, Window current) {
		alert(client, current);
		throw new TooManyRequestsException(Duration.between(clock.instant(), current.start().plus(window)));
	}

	private void alert(String client, Window current) {
		boolean[] first = { false };
		windows.computeIfPresent(client, (key, w) -> {
			if (w.alerted()) {
				return w;
			}
			first[0] = true;
			return new Window(w.start(), w.attempts(), true);
		});
		if (first[0]) {
			log.warn("ALERT automated-access limit={} client={} attempts={} window={}", name, client, current.attempts(),
					window);
		}
	}

	private boolean expired(Window w, Instant now) {
		return !w.start().plus(window).isAfter(now);
	}
}
