package org.simpul.registry;

import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.function.Function;

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

		/**
		 * Each table's identifiers are read once, encrypted and indexed into a temporary file, copied into a
		 * temporary table and applied in one UPDATE: a million persons take a minute, not one statement each.
		 */
		@Override
		public void migrate(Context context) throws Exception {
			Connection connection = context.getConnection();
			try (Statement sql = connection.createStatement()) {
				sql.execute("create temp table household_identifier (id uuid, kk_index text, kk_cipher text) on commit drop");
				sql.execute("create temp table person_identifier (id uuid, nik_index text, nik_cipher text, kk_index text,"
						+ " kk_cipher text) on commit drop");
			}
			stage(connection, "select id, kk_number from household", "household_identifier",
					row -> row[0] + "," + index.of(Kind.KK, row[1]) + "," + cipher.encrypt(row[1]));
			stage(connection, "select id, nik, kk_number from person", "person_identifier",
					row -> row[0] + "," + index.of(Kind.NIK, row[1]) + "," + cipher.encrypt(row[1]) + ","
							+ index.of(Kind.KK, row[2]) + "," + cipher.encrypt(row[2]));
			try (Statement sql = connection.createStatement()) {
				sql.execute("update household h set kk_index = t.kk_index, kk_cipher = t.kk_cipher"
						+ " from household_identifier t where t.id = h.id");
				sql.execute("update person p set nik_index = t.nik_index, nik_cipher = t.nik_cipher,"
						+ " kk_index = t.kk_index, kk_cipher = t.kk_cipher from person_identifier t where t.id = p.id");
			}
		}

		private static void stage(Connection connection, String select, String table,
				Function<String[], String> line) throws Exception {
			Path file = Files.createTempFile("simpul-identifiers", ".csv");
			try {
				try (Statement read = connection.createStatement();
						Writer out = Files.newBufferedWriter(file)) {
					read.setFetchSize(10_000);
					try (ResultSet rows = read.executeQuery(select)) {
						int columns = rows.getMetaData().getColumnCount();
						while (rows.next()) {
							String[] row = new String[columns];
							for (int i = 0; i < columns; i++) {
								row[i] = rows.getString(i + 1);
							}
							out.write(line.apply(row));
							out.write('\n');
						}
					}
				}
				try (Reader in = Files.newBufferedReader(file)) {
					connection.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
						.copyIn("copy " + table + " from stdin (format csv)", in);
				}
			}
			finally {
				// ciphertexts and indexes only, but not left behind
				Files.deleteIfExists(file);
			}
		}
	}
}
