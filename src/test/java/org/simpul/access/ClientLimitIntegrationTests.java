package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A client trying passwords on many accounts is turned away after its failures (30 by default; the suite's
 * configuration allows more), through the token endpoint
 * and the login page alike, while other clients log in; the referral verification page stops a scraper; both
 * alert the operators in the log.
 */
@SimpulIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ClientLimitIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@org.springframework.beans.factory.annotation.Value("${simpul.login.client-failures}")
	int failures;

	private MvcTestResult token(String client, String username, String password) {
		return mvc.post().uri("/api/v1/auth/token").with(request -> {
			request.setRemoteAddr(client);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "%s", "password": "%s"}""".formatted(username, password)).exchange();
	}

	@Test
	void aClientSprayingPasswordsIsTurnedAway(CapturedOutput output) {
		String sprayer = "10.66.0.1";
		for (int i = 0; i < failures; i++) {
			assertThat(token(sprayer, "nobody" + i, "Salah-Sandi-2026")).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		// even the right password: not checked, refused with the time to wait
		MvcTestResult refused = token(sprayer, "fo.procot", DemoLogins.PASSWORD);
		assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).containsHeader("Retry-After");
		assertThat(mvc.post().uri("/masuk").with(request -> {
			request.setRemoteAddr(sprayer);
			return request;
		}).with(csrf()).param("username", "fo.procot").param("password", DemoLogins.PASSWORD))
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/masuk?terlalu-banyak");
		assertThat(mvc.get().uri("/masuk?terlalu-banyak")).hasStatusOk().bodyText()
			.contains("Terlalu banyak percobaan masuk yang gagal");
		// another client is not affected
		assertThat(token("10.66.0.2", "fo.procot", DemoLogins.PASSWORD)).hasStatusOk();
		assertThat(output.getOut()).containsOnlyOnce("ALERT automated-access limit=login-failures client=10.66.0.1");
	}

	@Test
	void theVerificationPageStopsAScraper(CapturedOutput output) {
		String scraper = "10.66.1.1";
		for (int i = 0; i < 120; i++) {
			assertThat(mvc.get().uri("/verifikasi/{code}", "ABCDEFGH" + (10 + i % 80)).with(request -> {
				request.setRemoteAddr(scraper);
				return request;
			})).hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(mvc.get().uri("/verifikasi/ABCDEFGH12").with(request -> {
			request.setRemoteAddr(scraper);
			return request;
		})).hasStatus(HttpStatus.TOO_MANY_REQUESTS).bodyText().contains("Terlalu banyak pemeriksaan");
		assertThat(output.getOut()).containsOnlyOnce("ALERT automated-access limit=verification client=10.66.1.1");
	}
}
