package org.simpul.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.simpul.shared.CrockfordCodes;

/**
 * Tracking codes: 10 characters of Crockford's base 32 (no I, L, O or U, so nothing reads as another
 * character), 50 random bits ({@link org.simpul.shared.CrockfordCodes}). Only a SHA-256 hash is stored; the code itself is
 * shown once, on the receipt. Typed back, it is read case-insensitively, with spaces and dashes ignored and
 * the look-alikes I, L (one) and O (zero) forgiven.
 */
final class TrackingCodes {

	static final String ALPHABET = CrockfordCodes.ALPHABET;

	static final int LENGTH = 10;

	private TrackingCodes() {
	}

	static String generate() {
		return CrockfordCodes.generate(LENGTH);
	}

	/** The code as typed, in its canonical form; empty when it cannot be a tracking code. */
	static String canonical(String typed) {
		return CrockfordCodes.canonical(typed, LENGTH);
	}

	static String hash(String canonicalCode) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(canonicalCode.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
