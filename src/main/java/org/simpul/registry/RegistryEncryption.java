package org.simpul.registry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.BlindIndex.Kind;
import org.simpul.shared.crypto.EncryptedColumn;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry's identifiers at rest: NIK and KK numbers as AES-GCM ciphertext ({@code nik_cipher},
 * {@code kk_cipher}) with a blind index ({@code nik_index}, {@code kk_index}) for exact search, uniqueness and
 * joins; the rejected rows of an import are encrypted whole. The ciphertexts are rewritten at start when the
 * field key rotates ({@code FieldRotation}); the migration that first encrypted the plain columns is here
 * because it needs the keys, which only the application holds.
 */
@Configuration(proxyBeanMethods = false)
class RegistryEncryption {

	@Bean
	EncryptedColumn personNik() {
		return new EncryptedColumn("person", "nik_cipher");
	}

	@Bean
	EncryptedColumn personKk() {
		return new EncryptedColumn("person", "kk_cipher");
	}

	@Bean
	EncryptedColumn householdKk() {
		return new EncryptedColumn("household", "kk_cipher");
	}

	@Bean
	EncryptedColumn rejectedRow() {
		return new EncryptedColumn("registry_import_rejection", "raw");
	}

	@Bean
	JavaMigration identifierEncryption(FieldCipher cipher, BlindIndex index) {
		return new IdentifierEncryption(cipher, index);
	}

	/** V202611261001: fills the ciphertext and index columns from the plain ones, in the migration's transaction. */
	static final class IdentifierEncryption implements JavaMigration {

		private final FieldCipher cipher;

		private final BlindIndex index;

		IdentifierEncryption(FieldCipher cipher, BlindIndex index) {
			this.cipher = cipher;
			this.index = index;
		}

		@Override
		public MigrationVersion getVersion() {
			return MigrationVersion.fromVersion("202611261001");
		}

		@Override
		public String getDescription() {
			return "identifier encryption";
		}

		@Override
		public Integer getChecksum() {
			return null;
		}

		@Override
		public boolean canExecuteInTransaction() {
			return true;
		}

		@Override
		public void migrate(Context context) throws Exception {
			Connection connection = context.getConnection();
			try (Statement read = connection.createStatement();
					PreparedStatement write = connection.prepareStatement(
							"update household set kk_index = ?, kk_cipher = ? where id = ?")) {
				read.setFetchSize(10_000);
				try (ResultSet rows = read.executeQuery("select id, kk_number from household")) {
					int pending = 0;
					while (rows.next()) {
						write.setString(1, index.of(Kind.KK, rows.getString(2)));
						write.setString(2, cipher.encrypt(rows.getString(2)));
						write.setObject(3, rows.getObject(1));
						write.addBatch();
						if (++pending % 1000 == 0) {
							write.executeBatch();
						}
					}
					write.executeBatch();
				}
			}
			try (Statement read = connection.createStatement();
					PreparedStatement write = connection.prepareStatement(
							"update person set nik_index = ?, nik_cipher = ?, kk_index = ?, kk_cipher = ? where id = ?")) {
				read.setFetchSize(10_000);
				try (ResultSet rows = read.executeQuery("select id, nik, kk_number from person")) {
					int pending = 0;
					while (rows.next()) {
						write.setString(1, index.of(Kind.NIK, rows.getString(2)));
						write.setString(2, cipher.encrypt(rows.getString(2)));
						write.setString(3, index.of(Kind.KK, rows.getString(3)));
						write.setString(4, cipher.encrypt(rows.getString(3)));
						write.setObject(5, rows.getObject(1));
						write.addBatch();
						if (++pending % 1000 == 0) {
							write.executeBatch();
						}
					}
					write.executeBatch();
				}
			}
		}
	}
}
