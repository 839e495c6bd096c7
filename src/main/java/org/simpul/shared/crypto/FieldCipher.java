package org.simpul.shared.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encryption of personal data at rest: AES-256-GCM, a fresh 12-byte nonce per value, stored as
 * {@code v1:<key id>:<Base64 of nonce, ciphertext and tag>}. Keys come from configuration
 * ({@code SIMPUL_CRYPTO_KEYS} = {@code id=Base64,id=Base64}, the current one named by
 * {@code SIMPUL_CRYPTO_CURRENT}); without configuration, one key is generated on first start in the data
 * directory ({@code keys/field-keys}, owner-only), never in the repository. Old keys stay listed to read what
 * they wrote until {@link #isCurrent} says every value was rewritten (key rotation, docs/security.md).
 * A value without the prefix is plain text from before encryption and is read as it is.
 */
@Component
public class FieldCipher {

	private static final String PREFIX = "v1:";

	private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

	private final String current;

	FieldCipher(@Value("${simpul.crypto.keys:}") String configured,
			@Value("${simpul.crypto.current:}") String currentId,
			@Value("${simpul.data-dir:./data}") Path dataDir) {
		String text = configured.isBlank()
				? KeyFiles.readOrCreate(dataDir.resolve("keys/field-keys"), "k1=", "field encryption key")
				: configured;
		for (String entry : text.split("[,\\n]")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] parts = entry.strip().split("=", 2);
			byte[] key = Base64.getDecoder().decode(parts[1].strip());
			if (key.length != 32 || !parts[0].matches("[A-Za-z0-9_-]{1,20}")) {
				throw new IllegalStateException("A field key must be id=Base64 of 32 bytes");
			}
			keys.put(parts[0], new SecretKeySpec(key, "AES"));
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("No field encryption key");
		}
		this.current = currentId.isBlank() ? keys.keySet().stream().reduce((a, b) -> b).orElseThrow() : currentId;
		if (!keys.containsKey(current)) {
			throw new IllegalStateException("The current field key " + current + " is not configured");
		}
	}

	/** The cipher of a data directory's generated key file, for tools that read its database (the load world). */
	public static FieldCipher ofDataDirectory(Path dataDir) {
		return new FieldCipher("", "", dataDir);
	}

	/** The value encrypted with the current key; null stays null. */
	public String encrypt(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			byte[] nonce = new byte[12];
			KeyFiles.RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(current), new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return PREFIX + current + ":" + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The plain value of what {@link #encrypt} wrote with any configured key (plain text passes through). */
	public String decrypt(String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored;
		}
		String[] parts = stored.split(":", 3);
		SecretKeySpec key = keys.get(parts[1]);
		if (key == null) {
			throw new IllegalStateException("Field key " + parts[1] + " is no longer configured");
		}
		try {
			byte[] all = Base64.getDecoder().decode(parts[2]);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A field value does not decrypt (tampered, or the wrong key)", ex);
		}
	}

	/** Whether the stored value is encrypted with the current key (else a rewrite is due). */
	public boolean isCurrent(String stored) {
		return stored == null || stored.startsWith(PREFIX + current + ":");
	}

	/** The SQL {@code like} pattern of values encrypted with the current key. */
	public String currentPattern() {
		return PREFIX + current + ":%";
	}
}
