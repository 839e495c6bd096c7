package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.simpul.shared.web.ClientLimiter;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A client past its limit is refused until the window ends, and the operators are alerted once per window. */
@ExtendWith(OutputCaptureExtension.class)
class ClientLimiterTests {

	@Test
	void refusesPastTheLimitAndAlertsOnce(CapturedOutput output) {
		TestClock clock = new TestClock();
		ClientLimiter limiter = new ClientLimiter("test-limit", 3, Duration.ofMinutes(15), clock);
		for (int i = 0; i < 3; i++) {
			limiter.attempt("10.1.1.1");
		}
		assertThatThrownBy(() -> limiter.attempt("10.1.1.1")).isInstanceOf(TooManyRequestsException.class)
			.satisfies(ex -> assertThat(((TooManyRequestsException) ex).retryAfter())
				.isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15)));
		assertThatThrownBy(() -> limiter.attempt("10.1.1.1")).isInstanceOf(TooManyRequestsException.class);
		limiter.attempt("10.1.1.2"); // another client is not touched
		assertThat(output.getOut().lines().filter(l -> l.contains("ALERT automated-access limit=test-limit client=10.1.1.1")))
			.hasSize(1);

		clock.advance(Duration.ofMinutes(15));
		limiter.attempt("10.1.1.1");
	}

	@Test
	void countsFailuresAndChecksBeforeTheNextTry(CapturedOutput output) {
		TestClock clock = new TestClock();
		ClientLimiter limiter = new ClientLimiter("test-failures", 2, Duration.ofMinutes(15), clock);
		limiter.check("10.2.2.2");
		limiter.count("10.2.2.2", true);
		limiter.check("10.2.2.2");
		limiter.count("10.2.2.2", true);
		assertThatThrownBy(() -> limiter.check("10.2.2.2")).isInstanceOf(TooManyRequestsException.class);
		assertThat(output.getOut()).containsOnlyOnce("ALERT automated-access limit=test-failures client=10.2.2.2");
	}
}
