package org.simpul.access;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): HMAC-SHA1, 30-second steps, 6 digits, the form
 * every authenticator app reads from an {@code otpauth://} address. Secrets are 20 random bytes in Base32.
 */
final class Totp {

	static final int STEP_SECONDS = 30;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Totp() {
	}

	static String newSecret() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		return base32(bytes);
	}

	static long step(Instant at) {
		return at.getEpochSecond() / STEP_SECONDS;
	}

	/** The code of {@code step}, {@code digits} long. */
	static String code(String secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(unbase32(secret), "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int modulus = (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", binary % modulus);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String code(String secret, long step) {
		return code(secret, step, 6);
	}

	/**
	 * The step whose code {@code typed} is, within one step either side of {@code now} (clock drift); -1 when
	 * none.
	 */
	static long matchingStep(String secret, String typed, Instant now) {
		String code = typed == null ? "" : typed.replace(" ", "").strip();
		if (!code.matches("\\d{6}")) {
			return -1;
		}
		long current = step(now);
		for (long step = current - 1; step <= current + 1; step++) {
			if (MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
				return step;
			}
		}
		return -1;
	}

	/** The address an authenticator app reads (from a QR code or typed). */
	static String uri(String secret, String account) {
		String label = URLEncoder.encode("Simpul:" + account, StandardCharsets.UTF_8)
			.replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Simpul&algorithm=SHA1&digits=6&period=30";
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

	static byte[] unbase32(String text) {
		String clean = text.replace("=", "").replace(" ", "").toUpperCase();
		ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (char c : clean.toCharArray()) {
			int value = BASE32.indexOf(c);
			if (value < 0) {
				throw new IllegalArgumentException("Not Base32");
			}
			buffer = (buffer << 5) | value;
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return Arrays.copyOf(out.array(), out.position());
	}
}
