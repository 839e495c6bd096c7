package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Procot's facilitator assesses complaints with the national forms: answers checked against each form's
 * rules, the complaint moving to ASSESSED, a deep assessment's different house conditions recorded as
 * registry proposals; the Tegal manager publishes the district's own quick form; the case plan changes only
 * against the version read.
 */
@SimpulIntegrationTest
class AssessmentIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String complaint(String subject) throws Exception {
		return JsonPath.read(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Sakit",
				 "ppksCodes": ["24"], %s}""".formatted(subject)).getResponse().getContentAsString(), "$.id");
	}

	private String form(String kind, String region) throws Exception {
		MvcTestResult form = call("psm.procot", "GET", "/api/v1/assessment-forms?kind=" + kind + "&regionCode=" + region,
				null);
		assertThat(form).hasStatusOk();
		return JsonPath.read(form.getResponse().getContentAsString(), "$.id");
	}

	private String status(String complaint) {
		return jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", complaint)
			.query(String.class).single();
	}

	private long assessments(String complaint) {
		return jdbc.sql("select count(*) from assessment where complaint_id = cast(:id as uuid)").param("id", complaint)
			.query(Long.class).single();
	}

	static final String QUICK_ANSWERS = """
			{"urgency": "CEPAT", "safe": true, "sick": true, "sickDescription": "Ibu, diabetes, tidak berobat",
			 "needs": ["PENGOBATAN"], "householdSize": 4}""";

	@Test
	void aQuickAssessmentFollowsTheFormsRulesAndMarksTheComplaintAssessed() throws Exception {
		String complaint = complaint("\"subject\": {\"name\": \"Ibu Asesmen\"}");
		String form = form("QUICK", "33.28.10.1008");
		String uri = "/api/v1/complaints/" + complaint + "/assessments";

		// every rule broken at once: each question named
		MvcTestResult bad = call("psm.procot", "POST", uri, """
				{"formId": "%s", "answers": {"safe": true, "danger": ["BENCANA"], "sick": false, "needs": ["UANG"],
				 "householdSize": 99, "mood": "baik"}}""".formatted(form));
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		String body = bad.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(body, "$.errors[*].field")).containsExactlyInAnyOrder("answers.mood",
				"answers.urgency", "answers.danger", "answers.needs", "answers.householdSize");
		assertThat(JsonPath.<List<String>>read(body, "$.errors[*].code")).containsExactlyInAnyOrder("UNKNOWN_QUESTION",
				"REQUIRED", "NOT_APPLICABLE", "INVALID_CHOICE", "OUT_OF_RANGE");
		// a yes/no that is not one, a number that is text
		assertThat(call("psm.procot", "POST", uri, """
				{"formId": "%s", "answers": {"urgency": "BIASA", "safe": "ya", "sick": false, "needs": ["MAKANAN"],
				 "householdSize": "empat"}}""".formatted(form))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[*].field").asArray().containsExactlyInAnyOrder("answers.safe", "answers.householdSize");
		assertThat(assessments(complaint)).isZero();
		assertThat(status(complaint)).isEqualTo("RECEIVED");

		MvcTestResult stored = call("psm.procot", "POST", uri,
				"{\"formId\": \"" + form + "\", \"answers\": " + QUICK_ANSWERS + "}");
		assertThat(stored).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.kind").isEqualTo("QUICK");
			assertThat(json).extractingPath("$.formVersion").isEqualTo(1);
			assertThat(json).extractingPath("$.answers.sickDescription").isEqualTo("Ibu, diabetes, tidak berobat");
			assertThat(json).extractingPath("$.submittedBy.username").isEqualTo("psm.procot");
		});
		assertThat(status(complaint)).isEqualTo("ASSESSED");
		assertThat(call("fo.procot", "GET", "/api/v1/complaints/" + complaint + "/case", null)).hasStatusOk().bodyJson()
			.extractingPath("$.events[*].kind").asArray().containsExactly("ASSESSED");
		assertThat(call("bo.procot", "GET", uri, null)).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(1);

		// outside the territory the complaint does not exist; roles that do not assess are refused
		assertThat(call("psm.pedeslohor", "POST", uri, "{\"formId\": \"" + form + "\", \"answers\": " + QUICK_ANSWERS + "}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.pedeslohor", "GET", uri, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("program.dinkes", "POST", uri, "{\"formId\": \"" + form + "\", \"answers\": " + QUICK_ANSWERS + "}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aDeepAssessmentProposesWhatDiffersFromTheRegistryAndChangesNothing() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Warsini");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		String complaint = complaint("\"subjectPersonId\": \"" + person + "\"");
		String form = form("DEEP", "33.28.10.1008");
		// the registry says: tile roof, bamboo wall, earth floor, 36 m², PLN 450, no latrine, unprotected well
		MvcTestResult stored = call("psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "%s", "answers": {"visitDate": "2026-11-20", "metFamily": true, "roof": "TILE",
				 "wall": "BAMBOO", "floor": "CEMENT", "floorAreaM2": 36.0, "electricity": "PLN_NO_METER",
				 "latrine": "NONE", "drinkingWater": "UNPROTECTED_WELL", "headWork": "BURUH_TANI",
				 "monthlyIncome": 900000, "ownsLand": false, "chronicIllness": true, "jkn": "PBI_NONAKTIF",
				 "disability": false, "childrenOutOfSchool": 1, "rootCause": "Kepala keluarga sakit, PBI-JK dicabut",
				 "programs": ["PBI_JK", "PIP"]}}""".formatted(form));
		assertThat(stored).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.proposals[*].field").asArray()
				.containsExactlyInAnyOrder("floor", "electricity");
			assertThat(json).extractingPath("$.proposals[?(@.field == 'floor')].currentValue").asArray()
				.containsExactly("EARTH");
			assertThat(json).extractingPath("$.proposals[?(@.field == 'floor')].proposedValue").asArray()
				.containsExactly("CEMENT");
		});
		// the registry is unchanged
		assertThat(jdbc.sql("select floor || ' ' || electricity from household where id = cast(:id as uuid)")
			.param("id", household).query(String.class).single()).isEqualTo("EARTH PLN_450");
		assertThat(call("psm.procot", "GET", "/api/v1/registry-proposals?status=PROPOSED&size=100", null)).hasStatusOk()
			.bodyJson().extractingPath("$.content[?(@.householdId == '" + household + "')].field").asArray()
			.containsExactlyInAnyOrder("floor", "electricity");
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/registry-proposals?size=100", null)).hasStatusOk().bodyJson()
			.extractingPath("$.content[?(@.householdId == '" + household + "')]").asArray().isEmpty();
		assertThat(call("program.dinkes", "GET", "/api/v1/registry-proposals", null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("psm.procot", "GET", "/api/v1/registry-proposals?status=MAYBE", null))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	static final String TEGAL_QUICK = """
			{"kind": "QUICK", "regencyCode": "33.28", "title": "Asesmen cepat Kabupaten Tegal",
			 "sections": [{"id": "keadaan", "title": "Keadaan", "questions": [
			   {"id": "urgency", "label": "Seberapa mendesak?", "type": "CHOICE", "required": true,
			    "options": [{"value": "SEGERA", "label": "Darurat"}, {"value": "BIASA", "label": "Biasa"}]},
			   {"id": "odgj", "label": "Ada ODGJ yang dipasung?", "type": "YES_NO", "required": true},
			   {"id": "odgjPlace", "label": "Di mana?", "type": "TEXT", "required": true,
			    "showIf": {"question": "odgj", "anyOf": ["true"]}}]}]}""";

	@Test
	void theManagerPublishesTheDistrictsOwnQuickForm() throws Exception {
		assertThat(call("psm.procot", "POST", "/api/v1/assessment-forms", TEGAL_QUICK)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("manajer.temanggung", "POST", "/api/v1/assessment-forms", TEGAL_QUICK))
			.hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult broken = call("manajer.tegal", "POST", "/api/v1/assessment-forms", """
				{"kind": "QUICK", "regencyCode": "33.28", "title": "Rusak", "sections": [{"id": "a", "title": "A",
				 "questions": [{"id": "x", "label": "X", "type": "CHOICE", "required": true},
				               {"id": "x", "label": "Y", "type": "SLIDER"},
				               {"id": "z", "label": "Z", "type": "TEXT", "showIf": {"question": "later", "anyOf": ["1"]}},
				               {"id": "w", "label": "W", "type": "NUMBER", "registryField": "floor"}]}]}""");
		assertThat(broken).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
			.containsExactlyInAnyOrder("sections[0].questions[0].options", "sections[0].questions[1].id",
					"sections[0].questions[1].type", "sections[0].questions[2].showIf.question",
					"sections[0].questions[3].registryField");

		MvcTestResult published = call("manajer.tegal", "POST", "/api/v1/assessment-forms", TEGAL_QUICK);
		assertThat(published).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(published.getResponse().getContentAsString(), "$.id");
		int version = JsonPath.read(published.getResponse().getContentAsString(), "$.version");
		assertThat(call("manajer.tegal", "POST", "/api/v1/assessment-forms", TEGAL_QUICK)).hasStatusOk().bodyJson()
			.extractingPath("$.id").isEqualTo(id);
		// in force in Tegal; Temanggung keeps the national form
		assertThat(form("QUICK", "33.28.10.1008")).isEqualTo(id);
		assertThat(call("manajer.temanggung", "GET", "/api/v1/assessment-forms?kind=QUICK&regionCode=33.23", null))
			.hasStatusOk().bodyJson().extractingPath("$.regencyCode").isNull();
		assertThat(call("manajer.temanggung", "GET", "/api/v1/assessment-forms/" + id, null)).hasStatus(HttpStatus.NOT_FOUND);

		String complaint = complaint("\"subject\": {\"name\": \"Pak Pasung\"}");
		String uri = "/api/v1/complaints/" + complaint + "/assessments";
		assertThat(call("psm.procot", "POST", uri, """
				{"formId": "%s", "answers": {"urgency": "SEGERA", "odgj": true}}""".formatted(id)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("answers.odgjPlace");
		assertThat(call("psm.procot", "POST", uri, """
				{"formId": "%s", "answers": {"urgency": "SEGERA", "odgj": true, "odgjPlace": "Kamar belakang"}}"""
			.formatted(id))).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.formVersion").isEqualTo(version);
		// a phone that loaded the national form before the change may still send it
		assertThat(call("psm.procot", "POST", uri, "{\"formId\": \"5e1ec7ed-0000-4000-8000-00000000a001\", \"answers\": "
				+ QUICK_ANSWERS + "}")).hasStatus(HttpStatus.CREATED);
		// back to the national form for the other tests: a district version identical to the national one
		jdbc.sql("delete from assessment where form_id = cast(:id as uuid)").param("id", id).update();
		jdbc.sql("delete from assessment_form where id = cast(:id as uuid)").param("id", id).update();
	}

	@Test
	void theCasePlanChangesOnlyAgainstTheVersionRead() throws Exception {
		String complaint = complaint("\"subject\": {\"name\": \"Ibu Rencana\"}");
		String base = "/api/v1/complaints/" + complaint + "/case";
		String etag = call("bo.procot", "GET", base, null).getResponse().getHeader("ETag");
		String plan = "{\"plan\": \"Kunjungan rumah Senin; usulkan PBI-JK; dampingi ke puskesmas\"}";
		assertThat(mvc.put().uri(base + "/plan").header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(plan).exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("bo.procot", "PUT", base + "/plan", plan)).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		MvcTestResult written = mvc.put().uri(base + "/plan").header("Authorization", "Bearer " + DemoLogins.token(mvc, "bo.procot"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(plan).exchange();
		assertThat(written).hasStatusOk().bodyJson().extractingPath("$.plan").asString().startsWith("Kunjungan rumah");
		MvcTestResult stale = mvc.put().uri(base + "/plan").header("Authorization", "Bearer " + DemoLogins.token(mvc, "psm.procot"))
			.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content("{\"plan\": \"Lain\"}").exchange();
		assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(jdbc.sql("select plan from case_file where complaint_id = cast(:id as uuid)").param("id", complaint)
			.query(String.class).single()).startsWith("Kunjungan rumah");
		assertThat(call("bo.procot", "GET", base, null)).hasStatusOk().bodyJson().extractingPath("$.events[*].kind")
			.asArray().containsExactly("PLANNED");
	}
}
