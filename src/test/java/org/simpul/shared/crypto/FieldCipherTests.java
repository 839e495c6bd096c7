package org.simpul.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM round trips, tampering found, a generated key file kept, and a key rotation read through. */
class FieldCipherTests {

	static String key(int seed) {
		byte[] bytes = new byte[32];
		Arrays.fill(bytes, (byte) seed);
		return Base64.getEncoder().encodeToString(bytes);
	}

	@Test
	void encryptsEachTimeDifferentlyAndReadsBack(@TempDir Path dir) {
		FieldCipher cipher = new FieldCipher("k1=" + key(1), "", dir);
		String first = cipher.encrypt("081234567890");
		String second = cipher.encrypt("081234567890");
		assertThat(first).startsWith("v1:k1:").doesNotContain("081234567890").isNotEqualTo(second);
		assertThat(cipher.decrypt(first)).isEqualTo("081234567890");
		assertThat(cipher.decrypt("081234567890")).isEqualTo("081234567890"); // plain text from before
		assertThat(cipher.decrypt(null)).isNull();
		// one bit of the ciphertext flipped (decoded, so Base64's padding bits cannot hide it)
		byte[] sealed = Base64.getDecoder().decode(first.substring("v1:k1:".length()));
		sealed[14] ^= 1;
		String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(sealed);
		assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void generatesItsKeyInTheDataDirectoryOnceAndOwnerOnly(@TempDir Path dir) throws Exception {
		String stored = new FieldCipher("", "", dir).encrypt("rahasia");
		Path file = dir.resolve("keys/field-keys");
		assertThat(Files.readString(file)).startsWith("k1=");
		assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
			.containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
		assertThat(new FieldCipher("", "", dir).decrypt(stored)).isEqualTo("rahasia");
	}

	@Test
	void aRotatedKeyStillReadsWhatTheOldOneWrote(@TempDir Path dir) {
		FieldCipher old = new FieldCipher("k1=" + key(1), "", dir);
		String written = old.encrypt("081111111111");
		FieldCipher rotated = new FieldCipher("k1=" + key(1) + ",k2=" + key(2), "k2", dir);
		assertThat(rotated.isCurrent(written)).isFalse();
		assertThat(rotated.decrypt(written)).isEqualTo("081111111111");
		String rewritten = rotated.encrypt(rotated.decrypt(written));
		assertThat(rotated.isCurrent(rewritten)).isTrue();
		assertThat(rewritten).startsWith("v1:k2:");
		// once k1 is gone, its values no longer read: rewrite everything before removing a key
		FieldCipher withoutOld = new FieldCipher("k2=" + key(2), "", dir);
		assertThat(withoutOld.decrypt(rewritten)).isEqualTo("081111111111");
		assertThatThrownBy(() -> withoutOld.decrypt(written)).hasMessageContaining("no longer configured");
		assertThatThrownBy(() -> new FieldCipher("k1=AAAA", "", dir)).isInstanceOf(IllegalStateException.class);
	}
}
