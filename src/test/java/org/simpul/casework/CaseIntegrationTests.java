package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The supervisor assigns a Procot complaint to Procot's facilitator, who writes the visit on its timeline. */
@SimpulIntegrationTest
class CaseIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String status(String complaint) {
		return jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", complaint)
			.query(String.class).single();
	}

	private String user(String username) {
		return jdbc.sql("select cast(id as text) from app_user where username = :u").param("u", username)
			.query(String.class).single();
	}

	@Test
	void assignedToTheVillagesFacilitatorWhoWritesTheVisit() throws Exception {
		String complaint = JsonPath.read(call("manajer.tegal", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Lansia sendirian",
				 "ppksCodes": ["8"], "subject": {"name": "Mbah Kasus"}}""").getResponse().getContentAsString(), "$.id");
		String base = "/api/v1/complaints/" + complaint + "/case";
		assertThat(call("fo.procot", "GET", base, null)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.assignee").isNull();
			assertThat(json).extractingPath("$.events.length()").isEqualTo(0);
		});

		String assign = "{\"userId\": \"" + user("psm.procot") + "\"}";
		assertThat(call("tksk.slawi", "PUT", base + "/assignee", assign)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.assignee.username").isEqualTo("psm.procot");
			assertThat(json).extractingPath("$.events[*].kind").asArray().containsExactly("ASSIGNED");
		});
		// the same assignment again changes nothing
		assertThat(call("tksk.slawi", "PUT", base + "/assignee", assign)).hasStatusOk().bodyJson()
			.extractingPath("$.events.length()").isEqualTo(1);
		// only a facilitator or back-office officer whose territory holds the village
		for (String wrong : new String[] { "fo.procot", "psm.pedeslohor", "program.dinkes" }) {
			assertThat(call("tksk.slawi", "PUT", base + "/assignee", "{\"userId\": \"" + user(wrong) + "\"}"))
				.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("ASSIGNEE_INVALID");
		}
		assertThat(call("psm.procot", "PUT", base + "/assignee", assign)).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(call("psm.procot", "POST", base + "/notes", "{\"text\": \"Kunjungan rumah: tinggal sendiri, butuh ATENSI.\"}"))
			.hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.events[*].kind").asArray().containsExactly("ASSIGNED", "NOTE");
				assertThat(json).extractingPath("$.events[1].by.username").isEqualTo("psm.procot");
				assertThat(json).extractingPath("$.events[1].detail").isEqualTo("Kunjungan rumah: tinggal sendiri, butuh ATENSI.");
			});
		assertThat(call("psm.procot", "POST", base + "/notes", "{\"text\": \"  \"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("text");
		// closed with its outcome: the complaint closes; reopened with a reason: back in work
		assertThat(call("tksk.slawi", "POST", base + "/close", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
		assertThat(call("psm.procot", "POST", base + "/close", "{\"outcome\": \"x\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("tksk.slawi", "POST", base + "/close", "{\"outcome\": \"ATENSI diterima, lansia dirawat keluarga\"}"))
			.hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.outcome").isEqualTo("ATENSI diterima, lansia dirawat keluarga");
				assertThat(json).extractingPath("$.closedAt").isNotNull();
			});
		assertThat(status(complaint)).isEqualTo("CLOSED");
		assertThat(call("tksk.slawi", "POST", base + "/close", "{\"outcome\": \"lagi\"}")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("CASE_CLOSED");
		assertThat(call("tksk.slawi", "POST", base + "/reopen", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("tksk.slawi", "POST", base + "/reopen", "{\"reason\": \"Keluarga pindah, lansia sendiri lagi\"}"))
			.hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.closedAt").isNull();
				assertThat(json).extractingPath("$.events[*].kind").asArray()
					.containsExactly("ASSIGNED", "NOTE", "CLOSED", "REOPENED");
			});
		assertThat(status(complaint)).isEqualTo("IN_PROGRESS");
		assertThat(call("tksk.slawi", "POST", base + "/reopen", "{\"reason\": \"lagi\"}")).hasStatus(HttpStatus.CONFLICT);

		assertThat(call("manajer.temanggung", "GET", base, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.pedeslohor", "POST", base + "/notes", "{\"text\": \"x\"}")).hasStatus(HttpStatus.NOT_FOUND);
	}
}
