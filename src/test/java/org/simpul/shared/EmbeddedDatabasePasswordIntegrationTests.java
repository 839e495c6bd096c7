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
		String appPassword = Files.readString(database.directory().resolve("db-password-simpul_app")).strip();
		for (String[] role : new String[][] { { "postgres", database.password() }, { "simpul_app", appPassword } }) {
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(role[0]), as(role[0], null)).close())
				.as(role[0]).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(role[0]), as(role[0], "tebakan-salah"))
				.close()).as(role[0]).isInstanceOf(SQLException.class);
			try (var connection = DriverManager.getConnection(database.jdbcUrl(role[0]), as(role[0], role[1]))) {
				assertThat(connection.isValid(2)).as(role[0]).isTrue();
			}
		}
		// each role its own password: the application's credential is not the superuser's
		assertThat(appPassword).isNotEqualTo(database.password());
		assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl("postgres"), as("postgres", appPassword))
			.close()).isInstanceOf(SQLException.class);
		var file = database.directory().resolve("db-password");
		assertThat(Files.readString(file).strip()).isEqualTo(database.password());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}
}
