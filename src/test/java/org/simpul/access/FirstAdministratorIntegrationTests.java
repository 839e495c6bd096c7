package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.shared.database.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With an external database (here a separately started PostgreSQL) nothing is seeded and no embedded
 * server starts; the first administrator comes from SIMPUL_BOOTSTRAP_ADMIN_* once, and only once.
 */
class FirstAdministratorIntegrationTests {

	/** Where the keys of encryption at rest are generated for these external databases (not in ./data). */
	static final String KEYS = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"),
			"first-administrator-keys").toString();

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalDatabase() throws Exception {
		external = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "external")
				.toFile())
			.setCleanDataDirectory(true)
			.start();
	}

	@AfterAll
	static void stopExternalDatabase() throws Exception {
		external.close();
	}

	private ConfigurableApplicationContext start(String... properties) {
		String[] base = { "--spring.datasource.url=" + external.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0", "--simpul.data-dir=" + KEYS };
		String[] all = new String[base.length + properties.length];
		System.arraycopy(base, 0, all, 0, base.length);
		for (int i = 0; i < properties.length; i++) {
			all[base.length + i] = "--" + properties[i];
		}
		return new SpringApplicationBuilder(SimpulApplication.class).run(all);
	}

	@Test
	void createsTheFirstAdministratorOnceAndSeedsNothing() throws Exception {
		try (ConfigurableApplicationContext app = start("simpul.bootstrap.admin-username=Kepala.IT",
				"simpul.bootstrap.admin-password=Dinsos-Kepala-IT-2026")) {
			assertThat(app.getBeansOfType(EmbeddedDatabase.class)).isEmpty();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select username || ':' || role || ':' || coalesce(region_code, 'ID') from app_user")
				.query(String.class)
				.list()).containsExactly("kepala.it:ADMIN:ID");
			assertThat(jdbc.sql("select count(*) from demo_seed").query(Long.class).single()).isZero();
			assertThat(jdbc.sql("select count(*) from puskesos").query(Long.class).single()).isZero();
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			HttpResponse<String> token = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(
							"{\"username\": \"kepala.it\", \"password\": \"Dinsos-Kepala-IT-2026\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			// the password is right, but an administrator sets up the authenticator (at the first page login)
			// before the API gives a token
			assertThat(token.statusCode()).isEqualTo(401);
			assertThat(token.body()).contains("TOTP_ENROLMENT_REQUIRED").doesNotContain("access_token");
		}
		// a later start with other bootstrap values changes nothing: an administrator exists
		try (ConfigurableApplicationContext app = start("simpul.bootstrap.admin-username=another.admin",
				"simpul.bootstrap.admin-password=Another-Admin-2026")) {
			assertThat(app.getBean(JdbcClient.class).sql("select username from app_user").query(String.class).list())
				.containsExactly("kepala.it");
		}
	}

	@Test
	void refusesToStartWithAWeakBootstrapPassword() throws Exception {
		try (var db = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "weak").toFile())
			.setCleanDataDirectory(true)
			.start()) {
			assertThatThrownBy(() -> new SpringApplicationBuilder(SimpulApplication.class)
				.run("--spring.datasource.url=" + db.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--server.port=0", "--simpul.data-dir=" + KEYS,
						"--simpul.bootstrap.admin-username=admin", "--simpul.bootstrap.admin-password=password1234")
				.close()).hasStackTraceContaining("SIMPUL_BOOTSTRAP_ADMIN_PASSWORD is refused");
		}
	}
}
