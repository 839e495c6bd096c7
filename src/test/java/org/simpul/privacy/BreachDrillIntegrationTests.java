package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A breach drill: a household's record and a complaint with its assessment were exposed. The DPO learns
 * who is affected (both household members; the mother also through her complaint) and which data, and by
 * when they and the authority must be told.
 */
@SimpulIntegrationTest
class BreachDrillIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String officer(String region) {
		return Officers.create(mvc, jdbc, region);
	}

	@Test
	void theDrillListsThePeopleAffectedAndTheirData() throws Exception {
		String mother = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Wartini Bocor");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", mother).query(String.class).single();
		String complaint = JsonPath.read(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Sakit",
				 "ppksCodes": ["24"], "subjectPersonId": "%s", "reporter": {"name": "Anak", "phone": "081234567890"}}"""
			.formatted(mother)).getResponse().getContentAsString(), "$.id");
		assertThat(call("psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "5e1ec7ed-0000-4000-8000-00000000a001", "answers": {"urgency": "BIASA", "safe": true,
				 "sick": false, "needs": ["MAKANAN"], "householdSize": 2}}""")).hasStatus(HttpStatus.CREATED);
		String dpo = officer("33.28");
		UUID unknown = UUID.randomUUID();
		MvcTestResult report = call(dpo, "POST", "/api/v1/breach-drills", """
				{"households": ["%s"], "complaints": ["%s", "%s"]}""".formatted(household, complaint, unknown));
		assertThat(report).hasStatusOk();
		String json = report.getResponse().getContentAsString();
		assertThat(JsonPath.<Integer>read(json, "$.records")).isEqualTo(3);
		assertThat(JsonPath.<List<String>>read(json, "$.people[*].name")).containsExactlyInAnyOrder("Wartini Bocor",
				"Budi Santoso");
		assertThat(JsonPath.<List<String>>read(json, "$.people[?(@.personId == '" + mother + "')].data[*]"))
			.contains("IDENTITY", "HOUSEHOLD_CONDITIONS", "COMPLAINT", "ASSESSMENT_HEALTH_SAFETY")
			.doesNotContain("REFERRAL");
		assertThat(JsonPath.<Integer>read(json, "$.peopleOutsideRegistry")).isEqualTo(1); // the reporter
		assertThat(JsonPath.<List<String>>read(json, "$.notFound")).containsExactly(unknown.toString());
		assertThat(Instant.parse(JsonPath.read(json, "$.notifyBy")))
			.isEqualTo(Instant.parse(JsonPath.<String>read(json, "$.generatedAt")).plus(Duration.ofHours(72)));

		assertThat(call(dpo, "POST", "/api/v1/breach-drills", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("manajer.tegal", "POST", "/api/v1/breach-drills",
				"{\"households\": [\"" + household + "\"]}")).hasStatus(HttpStatus.FORBIDDEN);
		// another district's officer is told nothing about these records
		assertThat(call(officer("33.23"), "POST", "/api/v1/breach-drills", "{\"households\": [\"" + household + "\"]}"))
			.hasStatusOk().bodyJson().extractingPath("$.notFound").asArray().containsExactly(household);
	}
}
