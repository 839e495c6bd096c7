package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Adding a member to a household and moving a member between households, inside the territory. */
@SimpulIntegrationTest
class HouseholdMembersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	private MvcTestResult post(String user, String uri, String body, Object... vars) {
		return mvc.post().uri(uri, vars).header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private String register(String user, RegistryIntegrationTests.Family family) throws Exception {
		MvcTestResult created = post(user, "/api/v1/households", family.body());
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(created.getResponse().getContentAsString(), "$.id");
	}

	@Test
	void addsAMemberAndRefusesASecondHeadOrARegisteredNik() throws Exception {
		String id = register("fo.procot", RegistryIntegrationTests.family("33.28.10.1008", "Karsinah"));
		String baby = TestIdentifiers.nik("33.28.10", LocalDate.of(2024, 6, 1), Sex.F);
		String member = """
				{"nik": "%s", "name": "Aisyah", "birthDate": "2024-06-01", "sex": "F", "relationship": "GRANDCHILD"}"""
			.formatted(baby);
		assertThat(post("psm.procot", "/api/v1/households/{id}/members", member, id)).hasStatus(HttpStatus.FORBIDDEN);
		// the village proposes a new member as an usulan; the district's data operator adds one directly
		assertThat(post("operator.tegal", "/api/v1/households/{id}/members", member, id)).hasStatus(HttpStatus.CREATED)
			.bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.members.length()").isEqualTo(3);
				assertThat(json).extractingPath("$.members[2].name").isEqualTo("Aisyah");
				assertThat(json).extractingPath("$.version").isEqualTo(0);
			});
		assertThat(post("operator.tegal", "/api/v1/households/{id}/members", member, id)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("DUPLICATE_NIK");
		String secondHead = """
				{"nik": "%s", "name": "Kepala Dua", "birthDate": "1970-01-01", "sex": "M", "relationship": "HEAD"}"""
			.formatted(TestIdentifiers.nik("33.28.10", LocalDate.of(1970, 1, 1), Sex.M));
		assertThat(post("operator.tegal", "/api/v1/households/{id}/members", secondHead, id))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("MORE_THAN_ONE_HEAD");
		assertThat(post("operator.tegal", "/api/v1/households/{id}/members", "{\"nik\": \"123\", \"name\": \"\"}", id))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("nik", "name", "birthDate", "sex",
					"relationship");
		assertThat(post("manajer.temanggung", "/api/v1/households/{id}/members", member.replace(baby,
				TestIdentifiers.nik("33.28.10", LocalDate.of(2024, 6, 2), Sex.F)), id)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void recordsMembersLeavingAndAsksForANewHead() throws Exception {
		RegistryIntegrationTests.Family family = RegistryIntegrationTests.family("33.28.10.1008", "Wartini");
		String id = register("fo.procot", family);
		String child = personId(family.childNik());
		String head = personId(family.headNik());
		String leave = "{\"reason\": \"MOVED_AWAY\", \"date\": \"2024-07-01\"}";
		assertThat(post("manajer.temanggung", "/api/v1/persons/{id}/leave", leave, child)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("fo.procot", "/api/v1/persons/{id}/leave", leave, child)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", "{\"reason\": \"GONE\", \"date\": \"2999-01-01\"}",
				child)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", "{\"date\": \"2999-01-01\"}", child))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].code").asArray().contains("REQUIRED", "DATE_OUT_OF_RANGE");
		// the head cannot leave while the child lives there, unless a new head is named
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", leave, head)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("NEW_HEAD_REQUIRED");
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", leave, child)).hasStatusOk().bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.members[1].leftReason").isEqualTo("MOVED_AWAY");
				assertThat(json).extractingPath("$.members[1].leftOn").isEqualTo("2024-07-01");
				assertThat(json).extractingPath("$.version").isEqualTo(1);
			});
		// recorded once: the same call again changes nothing
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", leave, child)).hasStatusOk().bodyJson()
			.extractingPath("$.version").isEqualTo(1);
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/move", "{\"householdId\": \"" + id + "\"}", child))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("PERSON_HAS_LEFT");
		// now the head is the only member left, and may leave alone
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/leave", "{\"reason\": \"DIED\", \"date\": \"2025-02-03\"}",
				head)).hasStatusOk();
		assertThat(jdbc.sql("select action from registry_change where household_id = cast(:id as uuid) order by id")
			.param("id", id).query(String.class).list()).containsSubsequence("CREATED", "MEMBER_LEFT", "MEMBER_LEFT");
		// a search still finds them, saying they left
		assertThat(post("operator.tegal", "/api/v1/persons/search", "{\"nik\": \"" + family.childNik() + "\"}"))
			.bodyJson().extractingPath("$.content[0].leftReason").isEqualTo("MOVED_AWAY");
	}

	private String personId(String nik) {
		return jdbc.sql("select id::text from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, nik)).query(String.class).single();
	}

	@Test
	void movesAChildToAnotherHouseholdButNotTheHead() throws Exception {
		RegistryIntegrationTests.Family first = RegistryIntegrationTests.family("33.28.10.1008", "Tarmini");
		String from = register("fo.procot", first);
		String to = register("fo.procot", RegistryIntegrationTests.family("33.28.10.1008", "Casmini"));
		String child = jdbc.sql("select id::text from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, first.childNik()))
			.query(String.class).single();
		String head = jdbc.sql("select id::text from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, first.headNik()))
			.query(String.class).single();
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/move", "{\"householdId\": \"" + to + "\"}", child))
			.hasStatusOk()
			.bodyJson().extractingPath("$.members[*].nik").asArray().contains(first.childNik());
		assertThat(jdbc.sql("select action from registry_change where person_id = cast(:id as uuid) order by id")
			.param("id", child).query(String.class).list()).endsWith("MEMBER_MOVED_OUT", "MEMBER_MOVED_IN");
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/move", "{\"householdId\": \"" + to + "\"}", head))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("HEAD_CANNOT_MOVE");
		// a household in Temanggung is not Tegal's to move people into
		String elsewhere = register("manajer.temanggung", RegistryIntegrationTests.family("33.23.01.2001", "Sarni"));
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/move", "{\"householdId\": \"" + elsewhere + "\"}", child))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("operator.tegal", "/api/v1/persons/{id}/move", "{}", child)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.sql("select household_id::text from person where id = cast(:id as uuid)").param("id", child)
			.query(String.class).single()).isEqualTo(to);
		assertThat(from).isNotEqualTo(to);
	}
}
