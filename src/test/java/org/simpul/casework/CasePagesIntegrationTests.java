package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Procot's facilitator fills the quick assessment on the case page: a missing answer comes back named in
 * Indonesian with what was typed kept, a hidden question's answer is dropped, a double submission stores
 * one assessment; the plan is written against the version shown.
 */
@SimpulIntegrationTest
class CasePagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFacilitatorAssessesFromTheCasePage() throws Exception {
		String complaint = JsonPath.read(mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "OUTREACH", "category": "SOCIAL", "villageCode": "33.28.10.1008",
					 "description": "Lansia tinggal sendiri", "ppksCodes": ["8"], "subject": {"name": "Mbah Halaman Kasus"}}""")
			.exchange().getResponse().getContentAsString(), "$.id");
		var psm = DemoLogins.session(mvc, "psm.procot");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint).session(psm)).hasStatusOk().bodyText()
			.contains("/pengaduan/" + complaint + "/kasus");
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(psm)).hasStatusOk().bodyText()
			.contains("Mbah Halaman Kasus", "Belum ada asesmen.", "Asesmen cepat", "Asesmen mendalam");
		MvcTestResult form = mvc.get().uri("/pengaduan/{id}/asesmen/baru?jenis=QUICK", complaint).session(psm).exchange();
		assertThat(form).hasStatusOk().bodyText().contains("Seberapa mendesak? *", "Darurat: perlu tindakan hari ini",
				"data-show-if=\"safe\"", "/js/assessment.js");
		String html = form.getResponse().getContentAsString();
		String formId = html.replaceAll("(?s).*name=\"formId\" value=\"([0-9a-f-]{36})\".*", "$1");
		String submission = html.replaceAll("(?s).*name=\"submission\" value=\"([0-9a-f-]{36})\".*", "$1");

		// urgency missing; the number typed kept; an answer to a question the other answers hide is dropped
		MvcTestResult missing = mvc.post().uri("/pengaduan/{id}/asesmen/baru", complaint).session(psm).with(csrf())
			.param("formId", formId).param("submission", submission).param("q.safe", "true")
			.param("q.danger", "BENCANA").param("q.sick", "false").param("q.needs", "MAKANAN")
			.param("q.householdSize", "2").exchange();
		assertThat(missing).hasStatusOk().bodyText().contains("Ada isian yang perlu diperbaiki", "Wajib diisi.",
				"value=\"2\"");
		assertThat(missing.getResponse().getContentAsString()).doesNotContain("Pertanyaan ini tidak berlaku");
		for (int i = 0; i < 2; i++) {
			MvcTestResult saved = mvc.post().uri("/pengaduan/{id}/asesmen/baru", complaint).session(psm).with(csrf())
				.param("formId", formId).param("submission", submission).param("q.urgency", "CEPAT")
				.param("q.safe", "true").param("q.danger", "BENCANA").param("q.sick", "false")
				.param("q.needs", "MAKANAN").param("q.householdSize", "1").exchange();
			assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/pengaduan/" + complaint + "/kasus");
		}
		assertThat(jdbc.sql("select count(*) from assessment where complaint_id = cast(:id as uuid)")
			.param("id", complaint).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select jsonb_exists(answers, 'danger') from assessment where complaint_id = cast(:id as uuid)")
			.param("id", complaint).query(Boolean.class).single()).isFalse();
		MvcTestResult casePage = mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(psm).exchange();
		assertThat(casePage).hasStatusOk().bodyText().contains("Asesmen cepat", "PSM Desa Procot",
				"name=\"version\" value=\"0\"");
		String assessment = casePage.getResponse().getContentAsString()
			.replaceAll("(?s).*href=\"(/pengaduan/[0-9a-f-]{36}/asesmen/[0-9a-f-]{36})\".*", "$1");
		assertThat(mvc.get().uri(assessment).session(psm)).hasStatusOk().bodyText()
			.contains("Mendesak: dalam 7 hari", "Makanan");
		assertThat(mvc.get().uri(assessment).session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);

		// the plan, against the version shown
		assertThat(mvc.post().uri("/pengaduan/{id}/kasus/rencana", complaint).session(psm).with(csrf())
			.param("version", "0").param("plan", "Kunjungan rumah Kamis")).hasStatus(HttpStatus.FOUND);
		MvcTestResult stale = mvc.post().uri("/pengaduan/{id}/kasus/rencana", complaint).session(psm).with(csrf())
			.param("version", "0").param("plan", "Rencana lain").exchange();
		assertThat(stale.getMvcResult().getFlashMap().get("warning")).isEqualTo("case.planStale");
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(psm)).hasStatusOk().bodyText()
			.contains("Kunjungan rumah Kamis").doesNotContain("Rencana lain");
	}

	@Test
	void theManagerPublishesAFormVersionFromItsText() throws Exception {
		assertThat(mvc.get().uri("/asesmen/formulir").session(DemoLogins.session(mvc, "psm.procot")))
			.hasStatus(HttpStatus.FORBIDDEN);
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		MvcTestResult page = mvc.get().uri("/asesmen/formulir?jenis=DEEP").session(manager).exchange();
		assertThat(page).hasStatusOk().bodyText().contains("Formulir asesmen kabupaten/kota 33.28",
				"formulir nasional, versi 1", "Terbitkan versi baru: Asesmen mendalam", "&quot;registryField&quot;");
		assertThat(mvc.post().uri("/asesmen/formulir?jenis=DEEP").session(manager).with(csrf())
			.param("definition", "{\"title\": \"Rusak\", ")).hasStatusOk().bodyText()
			.contains("Isi formulir bukan JSON yang benar");
		assertThat(mvc.post().uri("/asesmen/formulir?jenis=DEEP").session(manager).with(csrf())
			.param("definition", """
					{"title": "Asesmen Tegal", "sections": [{"id": "a", "title": "A",
					 "questions": [{"id": "q", "label": "Q", "type": "SLIDER"}]}]}""")).hasStatusOk().bodyText()
			.contains("sections[0].questions[0].type: Nilai tidak valid.", "SLIDER");
		try {
			MvcTestResult published = mvc.post().uri("/asesmen/formulir?jenis=DEEP").session(manager).with(csrf())
				.param("definition", """
						{"title": "Asesmen mendalam Tegal", "sections": [{"id": "a", "title": "Rumah",
						 "questions": [{"id": "q", "label": "Ada jamban?", "type": "YES_NO", "required": true}]}]}""")
				.exchange();
			assertThat(published).hasStatus(HttpStatus.FOUND);
			assertThat(published.getMvcResult().getFlashMap().get("notice")).isEqualTo("forms.published");
			assertThat(mvc.get().uri("/asesmen/formulir?jenis=DEEP").session(manager)).hasStatusOk().bodyText()
				.contains("Asesmen mendalam Tegal", "formulir kabupaten/kota, versi 1");
		}
		finally {
			jdbc.sql("delete from assessment_form where regency_code = '33.28' and kind = 'DEEP'").update();
		}
	}
}
