package org.simpul.shared.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The blind index of an identifier kept encrypted: HMAC-SHA256 under a key of its own, of the kind
 * of identifier and its digits, cut to 128 bits and written as 32 hex digits. Equal identifiers give equal
 * indexes, so exact search, uniqueness and joins work on the index while the database holds no NIK or KK
 * number; without the key nobody can compute the index of a guessed NIK (16 digits with a known structure
 * are few enough to try them all against a plain hash).
 *
 * <p>The key comes from {@code SIMPUL_CRYPTO_INDEX_KEY} (Base64 of 32 bytes), else from the data directory's
 * {@code keys/index-key}, generated on first start. Unlike the field keys it is not rotated by a restart:
 * a new index key means computing every index again from the decrypted values (docs/security.md).
 */
@Component
public class BlindIndex {

	/** The kinds of identifier indexed; each its own domain, so that a NIK never matches a KK number. */
	public enum Kind {
		NIK, KK
	}

	private final Mac prototype;

	BlindIndex(@Value("${simpul.crypto.index-key:}") String configured,
			@Value("${simpul.data-dir:./data}") Path dataDir) {
		String text = configured.isBlank()
				? KeyFiles.readOrCreate(dataDir.resolve("keys/index-key"), "", "blind index key")
				: configured;
		byte[] key = Base64.getDecoder().decode(text.strip());
		if (key.length != 32) {
			throw new IllegalStateException("The blind index key must be Base64 of 32 bytes");
		}
		try {
			prototype = Mac.getInstance("HmacSHA256");
			prototype.init(new SecretKeySpec(key, "HmacSHA256"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The index of a data directory's generated key file, for tools that read its database (the load world). */
	public static BlindIndex ofDataDirectory(Path dataDir) {
		return new BlindIndex("", dataDir);
	}

	/** A keyed hash of a fixed text: tells two keys apart without revealing either (KeyFingerprint). */
	String fingerprint() {
		return of(Kind.NIK, "simpul-blind-index-key-check");
	}

	/** The index of {@code digits} (already reduced to digits); null stays null. */
	public String of(Kind kind, String digits) {
		if (digits == null) {
			return null;
		}
		Mac mac;
		try {
			mac = (Mac) prototype.clone();
		}
		catch (CloneNotSupportedException ex) {
			throw new IllegalStateException(ex);
		}
		mac.update(kind.name().getBytes(StandardCharsets.US_ASCII));
		mac.update((byte) ':');
		byte[] hash = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
		return HexFormat.of().formatHex(hash, 0, 16);
	}
}
