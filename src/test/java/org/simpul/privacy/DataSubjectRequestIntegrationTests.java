package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A person asks the DPO to correct their data (UU PDP Pasal 30): the request is due 72 hours later, shows as
 * overdue once that passes, and is closed with what was done; bad requests are refused naming the field, and
 * a closed one cannot be closed again.
 */
@SimpulIntegrationTest
class DataSubjectRequestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	@Test
	void aCorrectionRequestRunsOnTheLawsClock() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Rasminah Koreksi");
		String officer = Officers.create(mvc, jdbc, "33.28");
		String uri = "/api/v1/data-subjects/" + person + "/requests";

		assertThat(call(officer, "POST", uri, "{\"kind\": \"DELETE_ALL\"}")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("kind");
		assertThat(call("manajer.tegal", "POST", uri, "{\"kind\": \"CORRECTION\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call(officer, "POST", "/api/v1/data-subjects/" + UUID.randomUUID() + "/requests",
				"{\"kind\": \"CORRECTION\"}")).hasStatus(HttpStatus.NOT_FOUND);

		MvcTestResult received = call(officer, "POST", uri,
				"{\"kind\": \"CORRECTION\", \"details\": \"Tanggal lahir tertulis 1980, seharusnya 1979\"}");
		assertThat(received).hasStatus(HttpStatus.CREATED);
		String body = received.getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		Instant at = Instant.parse(JsonPath.read(body, "$.receivedAt"));
		assertThat(Instant.parse(JsonPath.<String>read(body, "$.dueAt"))).isEqualTo(at.plus(Duration.ofHours(72)));
		assertThat(JsonPath.<Boolean>read(body, "$.overdue")).isFalse();

		try {
			clock.advance(Duration.ofHours(73));
			assertThat(call(officer, "GET", "/api/v1/data-subject-requests?open=true", null)).hasStatusOk().bodyJson()
				.extractingPath("$[?(@.id == '" + id + "')].overdue").asArray().containsExactly(true);
		}
		finally {
			clock.reset();
		}
		assertThat(call(officer, "POST", "/api/v1/data-subject-requests/" + id + "/close", "{\"status\": \"DONE\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
		assertThat(call(officer, "POST", "/api/v1/data-subject-requests/" + id + "/close",
				"{\"status\": \"DONE\", \"outcome\": \"Tanggal lahir diperbaiki di registri\"}")).hasStatusOk().bodyJson()
			.extractingPath("$.status").isEqualTo("DONE");
		assertThat(call(officer, "POST", "/api/v1/data-subject-requests/" + id + "/close",
				"{\"status\": \"REFUSED\", \"outcome\": \"x\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(call(officer, "GET", "/api/v1/data-subject-requests?open=true", null)).hasStatusOk().bodyJson()
			.extractingPath("$[*].id").asArray().doesNotContain(id);
		assertThat(call("fo.procot", "GET", "/api/v1/data-subject-requests", null)).hasStatus(HttpStatus.FORBIDDEN);
	}
}
