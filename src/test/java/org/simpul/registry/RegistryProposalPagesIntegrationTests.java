package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Proposals from the field read as words on the household page ("Sumber air minum: Sumur tidak terlindung →
 * Air leding"), and the district manager accepts one (the household changes, with history) or refuses one.
 */
@SimpulIntegrationTest
class RegistryProposalPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private UUID propose(String household, String field, String current, String proposed) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry_proposal (id, household_id, village_code, field, current_value, proposed_value, status,
				                               source, source_id, proposed_by, proposed_at)
				values (:id, cast(:h as uuid), '33.28.10.1008', :field, :current, :proposed, 'PROPOSED', 'ASSESSMENT', :id,
				        :id, now())""")
			.param("id", id).param("h", household).param("field", field).param("current", current)
			.param("proposed", proposed).update();
		return id;
	}

	@Test
	void theManagerReadsProposalsInWordsAndDecidesThem() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Tarminah Usulan");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		UUID water = propose(household, "drinkingWater", "UNPROTECTED_WELL", "PIPED");
		UUID floor = propose(household, "floor", "EARTH", "CEMENT");
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", household).session(manager)).hasStatusOk().bodyText()
			.contains("Sumber air minum: Sumur tak terlindung → Air leding", "Terima", "Tolak")
			.doesNotContain("UNPROTECTED_WELL →");
		// the desk sees them, but does not decide
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", household).session(DemoLogins.session(mvc, "fo.procot")))
			.hasStatusOk().bodyText().contains("Air leding").doesNotContain("name=\"decision\"");

		assertThat(mvc.post().uri("/registri/rumah-tangga/{id}/usulan/{p}", household, water).session(manager).with(csrf())
			.param("decision", "accept")).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select drinking_water from household where id = cast(:id as uuid)").param("id", household)
			.query(String.class).single()).isEqualTo("PIPED");
		assertThat(jdbc.sql("select count(*) from registry_change where household_id = cast(:id as uuid)"
				+ " and jsonb_exists(changes, 'drinkingWater')").param("id", household).query(Long.class).single()).isEqualTo(1);
		// a refusal needs a reason, and changes nothing
		mvc.post().uri("/registri/rumah-tangga/{id}/usulan/{p}", household, floor).session(manager).with(csrf())
			.param("decision", "reject").param("reason", " ").exchange();
		assertThat(jdbc.sql("select status from registry_proposal where id = :id").param("id", floor).query(String.class)
			.single()).isEqualTo("PROPOSED");
		mvc.post().uri("/registri/rumah-tangga/{id}/usulan/{p}", household, floor).session(manager).with(csrf())
			.param("decision", "reject").param("reason", "Lantai sudah diplester sebagian saja").exchange();
		assertThat(jdbc.sql("select status || ' ' || decision_reason from registry_proposal where id = :id")
			.param("id", floor).query(String.class).single()).isEqualTo("REJECTED Lantai sudah diplester sebagian saja");
		assertThat(jdbc.sql("select floor from household where id = cast(:id as uuid)").param("id", household)
			.query(String.class).single()).isEqualTo("EARTH");
		// decided once
		assertThat(DemoLogins.call(mvc, "manajer.tegal", "POST", "/api/v1/registry-proposals/" + water + "/accept", null))
			.hasStatus(HttpStatus.CONFLICT);
	}
}
