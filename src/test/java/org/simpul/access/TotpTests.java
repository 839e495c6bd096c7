package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** RFC 6238's own test vectors (SHA-1), Base32 both ways, and the window of one step either side. */
class TotpTests {

	static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

	@Test
	void matchesTheRfcTestVectors() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)), 8)).isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)), 8)).isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)), 8)).isEqualTo("65353130");
	}

	@Test
	void acceptsOneStepEitherSideAndNothingElse() {
		String secret = Totp.newSecret();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(Totp.unbase32(secret)).hasSize(20);
		Instant now = Instant.parse("2026-11-23T04:00:10Z");
		long step = Totp.step(now);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step), now)).isEqualTo(step);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step - 1), now)).isEqualTo(step - 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 1), now)).isEqualTo(step + 1);
		assertThat(Totp.matchingStep(secret, Totp.code(secret, step + 2), now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, "12345", now)).isEqualTo(-1);
		assertThat(Totp.matchingStep(secret, null, now)).isEqualTo(-1);
		assertThat(Totp.uri(secret, "manajer.tegal")).startsWith("otpauth://totp/Simpul%3Amanajer.tegal?secret=" + secret);
	}
}
