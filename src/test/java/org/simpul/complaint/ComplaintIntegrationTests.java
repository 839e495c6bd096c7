package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Complaint intake and public tracking as the API states them, and every bad input refused without a write. */
@SimpulIntegrationTest
class ComplaintIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult post(String user, String body) {
		return mvc.post().uri("/api/v1/complaints").header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult track(String client, String ticket, String code) {
		return mvc.post().uri("/api/v1/public/tracking").with(request -> {
			request.setRemoteAddr(client);
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"ticketNumber": "%s", "trackingCode": "%s"}""".formatted(ticket, code)).exchange();
	}

	private static String complaint(String subject) {
		return """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
				 "description": "PBI-JK anaknya dinonaktifkan, <script>alert(1)</script> butuh berobat.",
				 "ppksCodes": ["24"], %s, "reporter": {"name": "Ibu Warsini", "phone": "0812-3456-7890"}}"""
			.formatted(subject);
	}

	@Test
	void registersAComplaintAboutARegistryPersonAndTheCitizenTracksIt() throws Exception {
		String personId = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sukinah");
		MvcTestResult created = post("fo.procot", complaint("\"subjectPersonId\": \"" + personId + "\""));
		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Cache-Control", "no-store");
		String body = created.getResponse().getContentAsString();
		String id = JsonPath.read(body, "$.id");
		String ticket = JsonPath.read(body, "$.ticketNumber");
		String code = JsonPath.read(body, "$.trackingCode");
		assertThat(ticket).matches("3328101008-\\d{2}-\\d{5}");
		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
		assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("RECEIVED");
		// only the hash of the code is stored
		assertThat(jdbc.sql("select tracking_code_hash from complaint where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single()).hasSize(64).doesNotContain(code);

		// the citizen, without login: the status and its steps, nothing personal; typed in lower case with a dash
		String typed = code.substring(0, 5).toLowerCase() + "-" + code.substring(5).toLowerCase();
		MvcTestResult tracked = track("10.0.0.1", ticket, typed);
		assertThat(tracked).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.ticketNumber").isEqualTo(ticket);
			assertThat(json).extractingPath("$.status").isEqualTo("RECEIVED");
			assertThat(json).extractingPath("$.statusLabel").isEqualTo("Diterima");
			assertThat(json).extractingPath("$.steps.length()").isEqualTo(1);
		});
		assertThat(tracked.getResponse().getContentAsString()).doesNotContain("Sukinah", "Warsini", "PBI-JK", "0812",
				"33.28", personId);
		// a wrong code and a wrong ticket answer alike
		String other = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
		MvcTestResult wrongCode = track("10.0.0.1", ticket, other);
		MvcTestResult wrongTicket = track("10.0.0.1", "3328101008-26-99999", code);
		assertThat(wrongCode).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(wrongTicket).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(JsonPath.<String>read(wrongCode.getResponse().getContentAsString(), "$.detail"))
			.isEqualTo(JsonPath.<String>read(wrongTicket.getResponse().getContentAsString(), "$.detail"));

		// the desk sees it whole; another village's facilitator does not see it at all
		assertThat(mvc.get().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "psm.procot")).exchange())
			.hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.description").asString().contains("<script>");
				assertThat(json).extractingPath("$.subject.inRegistry").isEqualTo(true);
				assertThat(json).extractingPath("$.ppksCodes[0]").isEqualTo("24");
				assertThat(json).extractingPath("$.reporter.phone").isEqualTo("081234567890");
			});
		assertThat(mvc.get().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "psm.pedeslohor")).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		// ticket numbers of one village and year follow each other
		MvcTestResult next = post("psm.procot", complaint("\"subject\": {\"name\": \"Tanpa NIK\"}"));
		String nextTicket = JsonPath.read(next.getResponse().getContentAsString(), "$.ticketNumber");
		assertThat(Integer.parseInt(nextTicket.substring(14))).isGreaterThan(Integer.parseInt(ticket.substring(14)));
	}

	@Test
	void aPersonCapturedOnTheSpotIsLinkedWhenTheRegistryKnowsTheNik() throws Exception {
		String newcomer = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 4, 4), Sex.F);
		MvcTestResult unknown = post("fo.procot", complaint("""
				"subject": {"nik": "%s", "name": "Orang Baru", "birthDate": "1990-04-04", "sex": "F"}""".formatted(newcomer)));
		assertThat(unknown).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(unknown.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot")).exchange())
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.subject.inRegistry").isEqualTo(false);
				assertThat(json).extractingPath("$.subject.nik").isEqualTo(newcomer);
			});
		// the supervisor sees the NIK masked
		assertThat(mvc.get().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "tksk.slawi")).exchange())
			.bodyJson().extractingPath("$.subject.nik").isEqualTo(newcomer.substring(0, 4) + "••••••••" + newcomer.substring(12));
	}

	private MvcTestResult put(String user, String id, String ifMatch, String body) {
		var request = mvc.put().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.exchange();
	}

	@Test
	void theDeskCorrectsAComplaintWithIfMatchAndAStaleEditIsRefused() throws Exception {
		MvcTestResult created = post("fo.procot", complaint("\"subject\": {\"name\": \"Koreksi Data\"}"));
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		String ticket = JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNumber");
		assertThat(mvc.get().uri("/api/v1/complaints/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot")).exchange()).hasHeader("ETag", "\"0\"");
		// status and ticket number sent along are not the desk's to change: they are ignored
		String edit = """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
				 "description": "Ternyata soal bantuan sosial, bukan kesehatan.", "ppksCodes": ["24", "23"],
				 "reporter": {"name": "Ibu Warsini", "phone": "081234567890"},
				 "status": "CLOSED", "ticketNumber": "HACKED-1"}""";
		assertThat(put("psm.procot", id, "\"0\"", edit)).hasStatusOk().hasHeader("ETag", "\"1\"").bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.category").isEqualTo("SOCIAL");
				assertThat(json).extractingPath("$.ppksCodes").asArray().containsExactly("23", "24");
				assertThat(json).extractingPath("$.status").isEqualTo("RECEIVED");
				assertThat(json).extractingPath("$.ticketNumber").isEqualTo(ticket);
			});
		// the same edit from a page opened before it: refused, nothing overwritten
		assertThat(put("fo.procot", id, "\"0\"", edit.replace("SOCIAL", "ECONOMY"))).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(put("fo.procot", id, null, edit)).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		assertThat(put("fo.procot", id, "\"1\"", edit.replace("\"description\": \"Ternyata", "\"description\": \"")
			.replace("soal bantuan sosial, bukan kesehatan.", ""))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(put("psm.pedeslohor", id, "\"1\"", edit)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put("fo.procot", id, "\"1\"", edit.replace("33.28.10.1008", "33.28.11.2001")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select category || '/' || version from complaint where id = cast(:id as uuid)")
			.param("id", id).query(String.class).single()).isEqualTo("SOCIAL/1");
	}

	@Test
	void refusesBadInputNamingTheFieldAndWritesNothing() {
		long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();
		assertThat(post("fo.procot", complaint("\"subject\": {\"name\": \"X\"}").replace("WALK_IN", "FAX")))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("fo.procot", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "  ",
				 "ppksCodes": ["99", "6"], "subject": {"nik": "3328107205800003", "name": ""},
				 "reporter": {"phone": "12"}}""")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[*].field").asArray()
			.contains("description", "ppksCodes[0]", "consentNote", "subject.name", "subject.nik", "reporter.phone");
		assertThat(post("fo.procot", complaint("\"subject\": {\"name\": \"X\"}").replace("PBI-JK anaknya",
				"x".repeat(20_000)))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("DESCRIPTION_TOO_LONG");
		// a village outside the territory does not exist for the caller
		assertThat(post("fo.procot", complaint("\"subject\": {\"name\": \"X\"}").replace("33.28.10.1008", "33.28.11.2001")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("fo.procot", complaint("\"subject\": {\"name\": \"X\"}").replace("33.28.10.1008", "33.28.10")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("VILLAGE_REQUIRED");
		// a registry programme manager takes no complaints
		assertThat(post("program.dinkes", complaint("\"subject\": {\"name\": \"X\"}"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aReplayedIdempotencyKeyGivesTheSameTicketAndAnotherBodyIsRefused() {
		String body = complaint("\"subject\": {\"name\": \"Sekali Saja\"}");
		String token = DemoLogins.token(mvc, "fo.procot");
		String key = UUID.randomUUID().toString();
		MvcTestResult first = mvc.post().uri("/api/v1/complaints").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		MvcTestResult again = mvc.post().uri("/api/v1/complaints").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(first).hasStatus(HttpStatus.CREATED);
		assertThat(again).hasStatus(HttpStatus.CREATED);
		assertThat(again.getResponse().getContentAsByteArray()).isEqualTo(first.getResponse().getContentAsByteArray());
		assertThat(jdbc.sql("select count(*) from complaint where subject_name = 'Sekali Saja'").query(Long.class).single())
			.isEqualTo(1);
		assertThat(mvc.post().uri("/api/v1/complaints").header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key).contentType(MediaType.APPLICATION_JSON)
			.content(body.replace("Sekali Saja", "Lain Lagi")).exchange()).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
	}

	@Test
	void trackingGuessesAreCutOffAfterTenTries() {
		for (int i = 0; i < 10; i++) {
			assertThat(track("10.66.0.1", "3328101008-26-00001", "ABCDEFGHJK")).hasStatus(HttpStatus.NOT_FOUND);
		}
		MvcTestResult refused = track("10.66.0.1", "3328101008-26-00001", "ABCDEFGHJK");
		assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasHeader("Content-Type", "application/problem+json");
		assertThat(Long.parseLong(refused.getResponse().getHeader("Retry-After"))).isPositive();
		// another client is not affected
		assertThat(track("10.66.0.2", "3328101008-26-00001", "ABCDEFGHJK")).hasStatus(HttpStatus.NOT_FOUND);
	}
}
