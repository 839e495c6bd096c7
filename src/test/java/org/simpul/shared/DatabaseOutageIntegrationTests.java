package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.access.DemoLogins;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** When the database goes away, the API answers 503 with Retry-After and pages say so kindly; no stack trace. */
class DatabaseOutageIntegrationTests {

	@Test
	void answers503WithRetryAfterWhileTheDatabaseIsDown() throws Exception {
		EmbeddedPostgres database = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "outage").toFile())
			.setCleanDataDirectory(true)
			.start();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--server.port=0",
				// the keys of encryption at rest, generated beside this test's database (not in ./data)
				"--simpul.data-dir=" + Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "outage-keys"),
				"--spring.datasource.hikari.connection-timeout=1000",
				"--simpul.bootstrap.admin-username=outage.admin",
				"--simpul.bootstrap.admin-password=Outage-Admin-2026")) {
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			// exempt from the second factor like the demo users: the outage is this test's subject
			DemoLogins.exemptFromSecondFactor(
					app.getBean(org.springframework.jdbc.core.simple.JdbcClient.class), "outage.admin");
			String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"username\": \"outage.admin\", \"password\": \"Outage-Admin-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
			assertThat(get(http, base + "/api/v1/regions/33", null).statusCode()).isEqualTo(200);

			database.close();
			Instant stopped = Instant.now();

			for (String token1 : new String[] { null, token }) {
				// (a region by its code is kept in memory and still answers: the region list never changes)
				HttpResponse<String> down = get(http, base + (token1 == null ? "/api/v1/regions/33/children" : "/api/v1/users"),
						token1);
				assertThat(down.statusCode()).isEqualTo(503);
				assertThat(down.headers().firstValue("Retry-After")).hasValue("30");
				assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(
						type -> assertThat(type).startsWith("application/problem+json"));
				assertThat(down.body()).contains("\"status\":503").doesNotContain("Exception").doesNotContain("at org.");
			}
			long firstAnswers = Duration.between(stopped, Instant.now()).toMillis();
			// once the circuit knows, every answer is immediate: health and readiness DOWN, liveness UP
			Instant asked = Instant.now();
			HttpResponse<String> health = get(http, base + "/actuator/health", null);
			long healthMillis = Duration.between(asked, Instant.now()).toMillis();
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("DOWN");
			assertThat(get(http, base + "/actuator/health/readiness", null).statusCode()).isEqualTo(503);
			assertThat(get(http, base + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
			asked = Instant.now();
			assertThat(get(http, base + "/api/v1/users", token).statusCode()).isEqualTo(503);
			long apiMillis = Duration.between(asked, Instant.now()).toMillis();
			System.out.printf("OUTAGE external database: the first two answers took %d ms together, then health %d ms,"
					+ " an API call %d ms%n", firstAnswers, healthMillis, apiMillis);
			assertThat(healthMillis).isLessThan(1000);
			assertThat(apiMillis).isLessThan(1000);
		}
	}

	private static HttpResponse<String> get(HttpClient http, String url, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}
}
