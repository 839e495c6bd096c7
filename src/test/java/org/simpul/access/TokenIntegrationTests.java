package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** API tokens: issue, use, expiry after fifteen minutes, refusal at once after deactivation. */
@SimpulIntegrationTest
class TokenIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void issuesABearerTokenForFifteenMinutes() {
		assertThat(DemoLogins.requestToken(mvc, "manajer.tegal", DemoLogins.PASSWORD)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.token_type").isEqualTo("Bearer");
				assertThat(json).extractingPath("$.expires_in").isEqualTo(900);
				assertThat(json).extractingPath("$.access_token").asString().hasSizeGreaterThanOrEqualTo(40);
			});
	}

	/** A user of its own, whose tokens these tests may end without touching the demo users' cached ones. */
	private String freshUser() {
		String username = "psm.token" + System.nanoTime() % 1_000_000;
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "Token-Dicabut-2026", "displayName": "Token", "role": "FACILITATOR",
				 "regionCode": "33.28.10.1008"}""".formatted(username))).hasStatus(HttpStatus.CREATED);
		return username;
	}

	private String tokenOf(String username) throws Exception {
		return com.jayway.jsonpath.JsonPath.read(DemoLogins.requestToken(mvc, username, "Token-Dicabut-2026").getResponse()
			.getContentAsString(), "$.access_token");
	}

	@Test
	void aRevokedTokenAnswers401Everywhere() throws Exception {
		String username = freshUser();
		String token = tokenOf(username);
		String other = tokenOf(username);
		assertThat(mvc.get().uri("/api/v1/referrals").header("Authorization", "Bearer " + token)).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/auth/token/revoke").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/referrals").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/v1/auth/token/revoke").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		// only that one: the user's other token still works
		assertThat(mvc.get().uri("/api/v1/referrals").header("Authorization", "Bearer " + other)).hasStatusOk();
		assertThat(mvc.post().uri("/api/v1/auth/token/revoke")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void loggingOutOfThePagesEndsTheUsersTokens() throws Exception {
		String username = freshUser();
		String token = tokenOf(username);
		var login = mvc.post().uri("/masuk").with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf()).param("username", username).param("password", "Token-Dicabut-2026")
			.exchange();
		var session = (org.springframework.mock.web.MockHttpSession) login.getMvcResult().getRequest().getSession(false);
		assertThat(mvc.post().uri("/keluar").session(session).with(org.springframework.security.test.web.servlet.request
			.SecurityMockMvcRequestPostProcessors.csrf())).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/api/v1/referrals").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void refusesWrongCredentialsWith401() {
		assertThat(DemoLogins.requestToken(mvc, "manajer.tegal", "not-the-password")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyText()
			.doesNotContain("access_token");
		assertThat(DemoLogins.requestToken(mvc, "no.such.user", "not-the-password"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("{oops"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void protectedCallsNeedAToken() {
		assertThat(mvc.get().uri("/api/v1/users")).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer not-a-token"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(mvc.get().uri("/api/v1/anything-else")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aTokenWorksUntilItExpires() {
		String token = DemoLogins.token(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer " + token)).hasStatusOk();
		clock.advance(Duration.ofMinutes(14));
		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer " + token)).hasStatusOk();
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void aDeactivatedUsersTokenIsRefusedAtOnce() {
		String admin = "Bearer " + DemoLogins.token(mvc, "admin");
		String id = JsonBodies.id(mvc.post()
			.uri("/api/v1/users")
			.header("Authorization", admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "manajer.deactivate", "password": "Tegal-Manager-2026", "displayName": "Manajer Uji",
					 "role": "MANAGER", "regionCode": "33.28"}""")
			.exchange());
		// exempt from the second factor like the demo managers: deactivation is this test's subject
		DemoLogins.exemptFromSecondFactor(jdbc, "manajer.deactivate");
		String token = DemoLogins.token(mvc, "manajer.deactivate", "Tegal-Manager-2026");
		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer " + token)).hasStatusOk();

		assertThat(mvc.post().uri("/api/v1/users/{id}/deactivate", id).header("Authorization", admin)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.active")
			.isEqualTo(false);

		assertThat(mvc.get().uri("/api/v1/users").header("Authorization", "Bearer " + token))
			.hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(DemoLogins.requestToken(mvc, "manajer.deactivate", "Tegal-Manager-2026"))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}
}
