package org.simpul.shared;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Random codes people read and type: Crockford's base 32 (no I, L, O or U, so nothing reads as another
 * character), 5 random bits per character from {@link SecureRandom}. Typed back, a code is read
 * case-insensitively, with spaces and dashes ignored and the look-alikes I, L (one) and O (zero) forgiven.
 * Tracking codes and referral-letter verification codes are made of them.
 */
public final class CrockfordCodes {

	public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private CrockfordCodes() {
	}

	public static String generate(int length) {
		char[] code = new char[length];
		for (int i = 0; i < length; i++) {
			code[i] = ALPHABET.charAt(RANDOM.nextInt(32));
		}
		return new String(code);
	}

	/** The code as typed, in its canonical form; empty when it cannot be a code of {@code length}. */
	public static String canonical(String typed, int length) {
		if (typed == null) {
			return "";
		}
		String code = typed.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("-", "").replace('I', '1')
			.replace('L', '1').replace('O', '0');
		if (code.length() != length || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			return "";
		}
		return code;
	}
}
