package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.function.BiFunction;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.event.ApplicationEvents;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Editing a household: optimistic locking, moves inside the territory only, history of what changed. */
@SimpulIntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class HouseholdChangesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private MvcTestResult put(String user, String id, String ifMatch, String body) {
		var request = mvc.put().uri("/api/v1/households/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		if (ifMatch != null) {
			request.header("If-Match", ifMatch);
		}
		return request.exchange();
	}

	@Test
	void changesAndMovesAHouseholdWithHistoryAndLocking() throws Exception {
		RegistryIntegrationTests.Family family = RegistryIntegrationTests.family("33.28.10.1008", "Sukinah");
		MvcTestResult created = mvc.post().uri("/api/v1/households")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON).content(family.body()).exchange();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		assertThat(events.stream(HouseholdEvent.HouseholdRegistered.class)).singleElement().satisfies(e -> {
			assertThat(e.householdId()).hasToString(id);
			assertThat(e.villageCode()).isEqualTo("33.28.10.1008");
		});

		// the front office of Procot may not change a registered household (it proposes an usulan); the district's
		// data operator corrects the decile; nothing else changes
		String sameExceptDecile = """
				{"rt": "2", "rw": "001", "address": "Jl. Melati 4", "welfareDecile": 4,
				 "conditions": {"roof": "TILE", "wall": "BAMBOO", "floor": "EARTH", "floorAreaM2": 36,
				                "electricity": "PLN_450", "latrine": "NONE", "drinkingWater": "UNPROTECTED_WELL"}}""";
		assertThat(put("fo.procot", id, "\"0\"", sameExceptDecile)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("operator.procot", id, "\"0\"", sameExceptDecile)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("operator.tegal", id, "\"0\"", sameExceptDecile)).hasStatusOk()
			.headers().hasValue("ETag", "\"1\"");
		assertThat(jdbc.sql("select changes::text from registry_change where household_id = cast(:id as uuid)"
				+ " and action = 'UPDATED'").param("id", id).query(String.class).single())
			.isEqualTo("{\"welfareDecile\": [2, 4]}");
		// the same again changes nothing and writes no history
		assertThat(put("operator.tegal", id, "\"1\"", sameExceptDecile)).hasStatusOk().headers().hasValue("ETag", "\"1\"");
		// as the history: the registration's members were each added (MEMBER_ADDED), then one change
		assertThat(events.stream(HouseholdEvent.HouseholdChanged.class).map(HouseholdEvent.HouseholdChanged::change))
			.as("one change, one event; the same again is none").containsExactly("MEMBER_ADDED", "MEMBER_ADDED", "UPDATED");
		assertThat(put("operator.tegal", id, "\"0\"", sameExceptDecile)).hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(put("operator.tegal", id, null, sameExceptDecile)).hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		assertThat(put("operator.tegal", id, "\"1\"", "{\"welfareDecile\": 12, \"rt\": \"12A\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[*].field").asArray().contains("welfareDecile", "rt");

		// Temanggung's manager cannot move it to Kagok (outside that district); Tegal's manager can
		String toKagok = sameExceptDecile.replace("{\"rt\"", "{\"villageCode\": \"33.28.10.1007\", \"rt\"");
		assertThat(put("manajer.temanggung", id, "\"1\"", toKagok)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put("manajer.tegal", id, "\"1\"", toKagok)).hasStatusOk()
			.bodyJson().extractingPath("$.villageName").isEqualTo("Kagok");
		assertThat(jdbc.sql("select changes::text from registry_change where household_id = cast(:id as uuid)"
				+ " and action = 'MOVED'").param("id", id).query(String.class).single())
			.isEqualTo("{\"villageCode\": [\"33.28.10.1008\", \"33.28.10.1007\"]}");
		// now outside Procot: gone for Procot's staff
		assertThat(mvc.get().uri("/api/v1/households/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put("manajer.temanggung", id, "\"2\"", sameExceptDecile)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put("tksk.slawi", id, "\"2\"", sameExceptDecile)).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theDistrictCorrectsAMembersTypingErrorAgainstTheVersionReadWithHistory() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sumirah Salahketik");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		String etag = mvc.get().uri("/api/v1/households/{id}", household)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange().getResponse()
			.getHeader("ETag");
		var correct = (BiFunction<String, String, MvcTestResult>) (user, ifMatch) -> mvc.put()
			.uri("/api/v1/persons/{id}", person)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.header("If-Match", ifMatch)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Sumirah Salah Ketik\", \"birthDate\": \"1980-05-16\"}")
			.exchange();
		// the village proposes it as an usulan; it does not correct what is registered
		assertThat(correct.apply("fo.procot", etag)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(correct.apply("operator.tegal", "\"99\"")).hasStatus(HttpStatus.PRECONDITION_FAILED);
		MvcTestResult done = correct.apply("operator.tegal", etag);
		assertThat(done).hasStatusOk();
		assertThat(done.getResponse().getHeader("ETag")).isNotEqualTo(etag);
		assertThat(jdbc.sql("select name || ' ' || birth_date from person where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single()).isEqualTo("Sumirah Salah Ketik 1980-05-16");
		assertThat(jdbc.sql("""
				select changes ->> 'name' from registry_change where person_id = cast(:id as uuid) and action = 'MEMBER_UPDATED'
				and source = 'API'""").param("id", person).query(String.class).single())
			.isEqualTo("[\"Sumirah Salahketik\", \"Sumirah Salah Ketik\"]");
		// a second head is refused, naming the field
		MvcTestResult twoHeads = mvc.put().uri("/api/v1/persons/{id}", jdbc.sql("""
				select cast(id as text) from person where household_id = cast(:h as uuid) and relationship <> 'HEAD' limit 1""")
			.param("h", household).query(String.class).single())
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal"))
			.header("If-Match", "*").contentType(MediaType.APPLICATION_JSON).content("{\"relationship\": \"HEAD\"}")
			.exchange();
		assertThat(twoHeads).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("relationship");
		// on the household page, the district's operator corrects the sex; a page shown before the change is stale
		var operator = DemoLogins.session(mvc, "operator.tegal");
		int version = jdbc.sql("select version from household where id = cast(:id as uuid)").param("id", household)
			.query(Integer.class).single();
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", household).session(operator)).hasStatusOk().bodyText()
			.contains("Perbaiki data anggota (salah ketik)");
		MvcTestResult page = mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/perbaiki", household, person)
			.session(operator).with(csrf())
			.param("name", "Sumirah Salah Ketik").param("birthDate", "1980-05-16").param("sex", "F")
			.param("relationship", "HEAD").param("version", String.valueOf(version - 1)).exchange();
		assertThat(page).hasStatus(HttpStatus.FOUND);
		assertThat(page.getMvcResult().getFlashMap().get("warning")).isEqualTo("registry.stale");
		page = mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/perbaiki", household, person)
			.session(operator).with(csrf())
			.param("name", "Sumirah Salah Ketik").param("birthDate", "1980-05-16").param("sex", "F")
			.param("relationship", "HEAD").param("version", String.valueOf(version)).exchange();
		assertThat(page.getMvcResult().getFlashMap().get("notice")).isEqualTo("registry.memberCorrected");
	}
}
