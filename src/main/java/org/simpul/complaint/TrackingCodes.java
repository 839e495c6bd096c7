package org.simpul.complaint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Tracking codes: 10 characters of Crockford's base 32 (no I, L, O or U, so nothing reads as another
 * character), 50 random bits from {@link SecureRandom}. Only a SHA-256 hash is stored; the code itself is
 * shown once, on the receipt. Typed back, it is read case-insensitively, with spaces and dashes ignored and
 * the look-alikes I, L (one) and O (zero) forgiven.
 */
final class TrackingCodes {

	static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	static String generate() {
		char[] code = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(32));
		}
		return new String(code);
	}

	/** The code as typed, in its canonical form; empty when it cannot be a tracking code. */
	static String canonical(String typed) {
		if (typed == null) {
			return "";
		}
		String code = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace('I', '1')
			.replace('L', '1').replace('O', '0');
		if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return "";
		}
		return code;
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
