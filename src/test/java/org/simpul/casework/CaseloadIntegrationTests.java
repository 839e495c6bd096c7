package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * "Tugas saya": a facilitator takes an open case nobody has from the list of her village, finds it among her
 * tasks with what is due and the household to visit (from the registry), and keeps those pages on the phone;
 * a second taker is told the case is gone, another village does not see it, a role that takes no cases has
 * no such page.
 */
@SimpulIntegrationTest
class CaseloadIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private UUID complaintAboutARegisteredFamily() throws Exception {
		UUID person = jdbc.sql("select id from person where name = 'Mohamad Rochim' and village_code = '33.28.10.1008'")
			.query(UUID.class).list().getFirst();
		String id = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
				 "description": "Tugas %s", "ppksCodes": ["24"], "subjectPersonId": "%s"}"""
			.formatted(UUID.randomUUID(), person)).getResponse().getContentAsString(), "$.id");
		return UUID.fromString(id);
	}

	private UUID assignee(UUID complaint) {
		return jdbc.sql("select assignee_id from case_file where complaint_id = :id").param("id", complaint)
			.query(UUID.class).optional().orElse(null);
	}

	@Test
	void aFacilitatorTakesAnOpenCaseAndFindsItWithTheHouseholdToVisit() throws Exception {
		UUID complaint = complaintAboutARegisteredFamily();
		MockHttpSession psm = DemoLogins.session(mvc, "psm.procot");
		MvcTestResult before = mvc.get().uri("/tugas").session(psm).exchange();
		assertThat(before).hasStatusOk().bodyText().contains("Belum ada yang menangani",
				"/tugas/" + complaint + "/ambil");

		assertThat(mvc.post().uri("/tugas/{id}/ambil", complaint).session(psm).with(csrf()))
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/pengaduan/" + complaint + "/kasus");
		UUID psmId = jdbc.sql("select id from app_user where username = 'psm.procot'").query(UUID.class).single();
		assertThat(assignee(complaint)).isEqualTo(psmId);

		MvcTestResult after = mvc.get().uri("/tugas").session(psm).exchange();
		String html = after.getResponse().getContentAsString();
		String mine = html.substring(html.indexOf("<ul class=\"list tasks\""), html.indexOf("Belum ada yang menangani"));
		assertThat(mine).contains("Mohamad Rochim", "Perlu asesmen cepat", "Kunjungi", "anggota keluarga",
				"/pengaduan/" + complaint + "/asesmen/baru?jenis=QUICK", "data-offline");
		assertThat(html.substring(html.indexOf("Belum ada yang menangani"))).doesNotContain("/tugas/" + complaint + "/ambil");
		// the page and the caseload's pages are marked for the phone's cache, for her
		assertThat(after.getResponse().getHeader("X-Simpul-Offline")).isEqualTo(psmId.toString());
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(psm).exchange().getResponse()
			.getHeader("X-Simpul-Offline")).isEqualTo(psmId.toString());
		// the desk's case pages are not kept on a device
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(DemoLogins.session(mvc, "fo.procot"))
			.exchange().getResponse().getHeader("X-Simpul-Offline")).isNull();

		// the back office taps "take" a moment later: the case stays hers, and he is told why
		MvcTestResult late = mvc.post().uri("/tugas/{id}/ambil", complaint).session(DemoLogins.session(mvc, "bo.procot"))
			.with(csrf()).exchange();
		assertThat(late).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/tugas");
		assertThat(late.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.CASE_TAKEN");
		assertThat(assignee(complaint)).isEqualTo(psmId);
	}

	@Test
	void theDeepAssessmentComesFilledWithWhatTheRegistryKnowsOfTheHouseInSteps() throws Exception {
		UUID complaint = complaintAboutARegisteredFamily();
		UUID person = jdbc.sql("select id from person where name = 'Mohamad Rochim' and village_code = '33.28.10.1008'")
			.query(UUID.class).list().getFirst();
		String roof = jdbc.sql("select h.roof from household h join person p on p.household_id = h.id where p.id = :id")
			.param("id", person).query(String.class).single();
		assertThat(roof).as("the demo family's roof").isNotNull();
		MockHttpSession psm = DemoLogins.session(mvc, "psm.procot");
		String html = mvc.get().uri("/pengaduan/{id}/asesmen/baru?jenis=DEEP", complaint).session(psm).exchange()
			.getResponse().getContentAsString();
		assertThat(html).contains("sudah diisi dari registri", "data-steps=\"true\"", "Bagian {0} dari {1}");
		assertThat(html).containsPattern("name=\"q.roof\" value=\"" + roof + "\" checked");
		// a family outside the registry gets an empty form
		String unregistered = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
				 "description": "Tanpa registri", "ppksCodes": ["24"], "subject": {"name": "Ibu Baru"}}""")
			.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/pengaduan/{id}/asesmen/baru?jenis=DEEP", unregistered).session(psm).exchange()
			.getResponse().getContentAsString()).doesNotContain("sudah diisi dari registri").doesNotContain("checked");
	}

	@Test
	void anotherVillageOrARoleThatTakesNoCasesCannot() throws Exception {
		UUID complaint = complaintAboutARegisteredFamily();
		MockHttpSession pedeslohor = DemoLogins.session(mvc, "psm.pedeslohor");
		assertThat(mvc.get().uri("/tugas").session(pedeslohor)).hasStatusOk().bodyText()
			.doesNotContain(complaint.toString());
		assertThat(mvc.post().uri("/tugas/{id}/ambil", complaint).session(pedeslohor).with(csrf()))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/tugas").session(DemoLogins.session(mvc, "fo.procot"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/tugas/{id}/ambil", complaint).session(DemoLogins.session(mvc, "fo.procot"))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(assignee(complaint)).isNull();
	}
}
