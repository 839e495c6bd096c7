package org.simpul.shared.crypto;

/**
 * A column whose values {@link FieldCipher} encrypts, declared as a bean by the module that owns the table:
 * at every start {@link FieldRotation} rewrites its values not under the current key (plain text from before
 * encryption, or a key being rotated out).
 */
public record EncryptedColumn(String table, String column) {

	public EncryptedColumn {
		if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
			throw new IllegalArgumentException("Not a plain table or column name: " + table + "." + column);
		}
	}
}
