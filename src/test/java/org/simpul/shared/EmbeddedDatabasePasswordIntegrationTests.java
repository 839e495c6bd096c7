package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.database.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded PostgreSQL lets nobody in without the generated password, not even from this machine. */
@SimpulIntegrationTest
class EmbeddedDatabasePasswordIntegrationTests {

	@Autowired
	EmbeddedDatabase database;

	private static Properties as(String user, String password) {
		Properties properties = new Properties();
		properties.setProperty("user", user);
		if (password != null) {
			properties.setProperty("password", password);
		}
		return properties;
	}

	@Test
	void aLocalConnectionWithoutThePasswordIsRefused() throws Exception {
		for (String role : new String[] { "postgres", "simpul_app" }) {
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(role), as(role, null)).close())
				.as(role).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(role), as(role, "tebakan-salah")).close())
				.as(role).isInstanceOf(SQLException.class);
			try (var connection = DriverManager.getConnection(database.jdbcUrl(role), as(role, database.password()))) {
				assertThat(connection.isValid(2)).as(role).isTrue();
			}
		}
		var file = database.directory().resolve("db-password");
		assertThat(Files.readString(file).strip()).isEqualTo(database.password());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}
}
