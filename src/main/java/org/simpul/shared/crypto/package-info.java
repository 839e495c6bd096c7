/**
 * Personal data at rest: AES-256-GCM field encryption with rotating keys ({@code FieldCipher},
 * {@code FieldRotation} over every declared {@code EncryptedColumn}) and the keyed blind index that finds an
 * encrypted identifier by exact match ({@code BlindIndex}). docs/security.md, "Encryption at rest".
 */
package org.simpul.shared.crypto;
