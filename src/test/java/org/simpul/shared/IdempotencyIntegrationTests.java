package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Idempotency-Key on creating POSTs: a retry replays, a reused key with another body answers 422. */
@SimpulIntegrationTest
class IdempotencyIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult createUser(String token, String key, String username, String password) {
		return mvc.post()
			.uri("/api/v1/users")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"username": "%s", "password": "%s", "displayName": "Idempotent",
					 "role": "FACILITATOR", "regionCode": "33.28.10.1008"}""".formatted(username, password))
			.exchange();
	}

	private long users(String username) {
		return jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class)
			.single();
	}

	@Test
	void aRetryWithTheSameKeyAndBodyReplaysTheFirstAnswer() throws Exception {
		String token = DemoLogins.token(mvc, "manajer.tegal");
		String key = UUID.randomUUID().toString();
		MvcTestResult first = createUser(token, key, "idem.one", "Idempotent-One-2026");
		MvcTestResult second = createUser(token, key, "idem.one", "Idempotent-One-2026");
		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(second).hasStatus(HttpStatus.CREATED);
		assertThat(second.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
		assertThat(second.getResponse().getHeader("Location")).isEqualTo(first.getResponse().getHeader("Location"));
		assertThat(second.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
		assertThat(users("idem.one")).isEqualTo(1);
	}

	@Test
	void theSameKeyWithAnotherBodyAnswers422() {
		String token = DemoLogins.token(mvc, "manajer.tegal");
		String key = UUID.randomUUID().toString();
		assertThat(createUser(token, key, "idem.two", "Idempotent-Two-2026")).hasStatus(HttpStatus.CREATED);
		assertThat(createUser(token, key, "idem.three", "Idempotent-Two-2026")).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(users("idem.three")).isZero();
	}

	@Test
	void aFailedRequestIsNotRememberedSoTheCorrectedOneGoesThrough() {
		String token = DemoLogins.token(mvc, "manajer.tegal");
		String key = UUID.randomUUID().toString();
		assertThat(createUser(token, key, "idem.four", "short")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(createUser(token, key, "idem.four", "Idempotent-Four-2026")).hasStatus(HttpStatus.CREATED);
		assertThat(users("idem.four")).isEqualTo(1);
	}

	@Test
	void keysAreKeptPerCaller() {
		String key = UUID.randomUUID().toString();
		assertThat(createUser(DemoLogins.token(mvc, "manajer.tegal"), key, "idem.five", "Idempotent-Five-2026"))
			.hasStatus(HttpStatus.CREATED);
		assertThat(createUser(DemoLogins.token(mvc, "admin"), key, "idem.six", "Idempotent-Six-2026"))
			.hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aMalformedKeyAnswers400() {
		assertThat(createUser(DemoLogins.token(mvc, "manajer.tegal"), "not-a-uuid", "idem.seven", "Idempotent-Seven-2026"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("Idempotency-Key");
		assertThat(users("idem.seven")).isZero();
	}
}
