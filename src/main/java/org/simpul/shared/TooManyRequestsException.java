package org.simpul.shared;

import java.time.Duration;

/** A client asked too often (a rate limit): answered 429 with {@code Retry-After}. */
public class TooManyRequestsException extends RuntimeException {

	private final Duration retryAfter;

	public TooManyRequestsException(Duration retryAfter) {
		super("Too many requests");
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
