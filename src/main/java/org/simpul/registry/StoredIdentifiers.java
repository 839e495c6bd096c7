package org.simpul.registry;

import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.BlindIndex.Kind;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.stereotype.Component;

/**
 * NIK and KK numbers as the database holds them: a ciphertext to show them and a blind index to find them
 * ({@code RegistryEncryption}). Every query by NIK or KK number binds {@link #nikIndex} or {@link #kkIndex}
 * and every identifier read is {@link #open opened} before {@code RegistryAccess.show} masks it by role.
 */
@Component
class StoredIdentifiers {

	private final FieldCipher cipher;

	private final BlindIndex index;

	StoredIdentifiers(FieldCipher cipher, BlindIndex index) {
		this.cipher = cipher;
		this.index = index;
	}

	/** The blind index of a NIK as typed (spaces and dots dropped). */
	String nikIndex(String nik) {
		return nik == null ? null : index.of(Kind.NIK, Identifiers.digitsOnly(nik));
	}

	/** The blind index of a KK number as typed. */
	String kkIndex(String kk) {
		return kk == null ? null : index.of(Kind.KK, Identifiers.digitsOnly(kk));
	}

	/** The ciphertext of an identifier's digits. */
	String seal(String digits) {
		return cipher.encrypt(digits);
	}

	/** The identifier a ciphertext holds. */
	String open(String stored) {
		return cipher.decrypt(stored);
	}
}
