package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Errors: problem+json for the API, a friendly Indonesian page for people, never a stack trace. */
@SimpulIntegrationTest
class ErrorIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@LocalServerPort
	int port;

	@Test
	void unknownApiPathsAnswerProblemJson() throws Exception {
		// over real HTTP, so that the servlet container's error dispatch is part of the test
		var client = HttpClient.newHttpClient();
		String token = DemoLogins.token(mvc, "admin");
		var response = client.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/api/v1/no-such-thing"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":404").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void anonymousVisitorsOfUnknownPagesGoToTheLoginPage() throws Exception {
		var client = HttpClient.newHttpClient();
		var response = client.send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + port + "/masuk/tidak-ada")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("anonymous visitors learn nothing: to the login page").isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/masuk"));
	}

	@Test
	void theErrorPageSpeaksIndonesianAndHidesInternals() throws Exception {
		var client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String base = "http://localhost:" + port;
		String loginPage = client.send(HttpRequest.newBuilder(URI.create(base + "/masuk")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		String csrfToken = loginPage.replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		client.send(HttpRequest.newBuilder(URI.create(base + "/masuk"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(
					"username=psm.procot&password=" + DemoLogins.PASSWORD + "&_csrf=" + csrfToken))
			.build(), HttpResponse.BodyHandlers.ofString());
		var missing = client.send(HttpRequest.newBuilder(URI.create(base + "/halaman-tidak-ada"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(missing.body()).contains("Halaman tidak ditemukan").doesNotContain("Exception").doesNotContain("Whitelabel");
		var unknownRegion = client.send(HttpRequest.newBuilder(URI.create(base + "/wilayah?kode=99.99"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(unknownRegion.statusCode()).isEqualTo(404);
		assertThat(unknownRegion.body()).contains("Halaman tidak ditemukan", "di luar wilayah kerja Anda");
		var forbidden = client.send(HttpRequest.newBuilder(URI.create(base + "/pengguna"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(forbidden.statusCode()).isEqualTo(403);
		assertThat(forbidden.body()).contains("Akses tidak diizinkan");
	}

	@Test
	void healthIsPublicAndMetricsAreNot() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "admin"))).hasStatusOk().bodyText().contains("jvm_");
	}

	@Test
	void apiAnswersAreNeverCached() {
		assertThat(mvc.get().uri("/api/v1/regions/33.28").accept(MediaType.APPLICATION_JSON).exchange()
			.getResponse()
			.getHeader("Cache-Control")).contains("no-store");
	}
}
