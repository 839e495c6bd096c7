package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.PdfTexts;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The manager sends a referral from the complaint; Dinkes finds it in its inbox, accepts and completes it. */
@SimpulIntegrationTest
class ReferralPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sentFromTheComplaintReceivedInTheInbox() throws Exception {
		String complaint = JsonPath.read(mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
					 "description": "Butuh berobat", "ppksCodes": ["24"], "subject": {"name": "Ibu Halaman Rujukan"}}""")
			.exchange().getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint).session(manager)).hasStatusOk().bodyText()
			.contains("/rujukan/baru?pengaduan=" + complaint);
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(manager)).hasStatusOk().bodyText()
			.contains("Ibu Halaman Rujukan", "Jaminan kesehatan daerah (PBI APBD) — Dinas Kesehatan Kabupaten Tegal (7 hari)",
					"Program Keluarga Harapan (PKH)")
			.doesNotContain("BLT Dana Desa Procot — Pemerintah Desa Procot (14 hari)\" selected");
		// a reason is needed; the form comes back in Indonesian, keeping the choice
		assertThat(mvc.post().uri("/rujukan/baru?pengaduan={id}", complaint).session(manager).with(csrf())
			.param("providerId", provider).param("reason", " ")).hasStatusOk().bodyText()
			.contains("Ada isian yang perlu diperbaiki", "Wajib diisi");
		MvcTestResult sent = mvc.post().uri("/rujukan/baru?pengaduan={id}", complaint).session(manager).with(csrf())
			.param("providerId", provider).param("reason", "PBI APBD untuk berobat").exchange();
		assertThat(sent).hasStatus(HttpStatus.FOUND);
		String page = sent.getResponse().getRedirectedUrl();
		assertThat(page).matches("/rujukan/[0-9a-f-]{36}");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint).session(manager)).hasStatusOk().bodyText().contains("Dirujuk");

		// Dinkes: the inbox, the referral, accept, then complete with the outcome
		var dinkes = DemoLogins.session(mvc, "program.dinkes");
		assertThat(mvc.get().uri("/rujukan?status=SENT").session(dinkes)).hasStatusOk().bodyText()
			.contains("Rujukan masuk", page);
		assertThat(mvc.get().uri(page).session(dinkes)).hasStatusOk().bodyText()
			.contains("PBI APBD untuk berobat", "Terima rujukan", "Tolak rujukan");
		assertThat(mvc.post().uri(page + "/terima").session(dinkes).with(csrf())).hasStatus(HttpStatus.FOUND);
		MvcTestResult empty = mvc.post().uri(page + "/selesai").session(dinkes).with(csrf()).param("text", "").exchange();
		assertThat(empty.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.REQUIRED");
		assertThat(mvc.post().uri(page + "/selesai").session(dinkes).with(csrf()).param("text", "Kartu PBI APBD aktif"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).session(dinkes)).hasStatusOk().bodyText()
			.contains("Selesai", "Kartu PBI APBD aktif").doesNotContain("Terima rujukan");

		// the letter, and its verification by anyone, without login and without personal data
		MvcTestResult letter = mvc.get().uri(page + "/surat.pdf").session(dinkes).exchange();
		assertThat(letter).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		String text = PdfTexts.of(letter.getResponse().getContentAsByteArray());
		String code = jdbc.sql("select verification_code from referral where id = cast(:id as uuid)")
			.param("id", page.substring("/rujukan/".length())).query(String.class).single();
		assertThat(text).contains("PUSKESOS DESA PROCOT", "SURAT RUJUKAN", "Dinas Kesehatan Kabupaten Tegal",
				"Ibu Halaman Rujukan", "PBI APBD untuk berobat", "Koordinator Puskesos Procot", code,
				"/verifikasi/" + code);
		assertThat(mvc.get().uri("/verifikasi/{code}", code.toLowerCase())).hasStatusOk().bodyText()
			.contains("asli", "Jaminan kesehatan daerah (PBI APBD)", "Selesai").doesNotContain("Ibu Halaman Rujukan");
		assertThat(mvc.get().uri("/verifikasi/{code}", "0000000000")).hasStatus(HttpStatus.NOT_FOUND).bodyText()
			.contains("tidak dikenal");

		// the desk sees the referral of its village but neither sends nor acts
		var desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri(page).session(desk)).hasStatusOk().bodyText().doesNotContain("Tandai selesai");
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(desk)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(page).session(DemoLogins.session(mvc, "manajer.temanggung"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/rujukan/ringkasan").session(manager)).hasStatusOk().bodyText()
			.contains("Ringkasan rujukan per instansi", "Dinas Kesehatan Kabupaten Tegal", "selesai");
	}

	@Autowired
	FieldCipher cipher;

	@Test
	void theReceivingAgencySeesWhomItIsAskedToHelpAndTheLetterShowsItTheWholeNik() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sumirah Dirujuk");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Sakit gula",
				 "ppksCodes": ["24"], "subjectPersonId": "%s",
				 "reporter": {"name": "Pak Kadus", "phone": "081234567890", "shareWithAgency": true}}""".formatted(person))
			.getResponse().getContentAsString(), "$.id");
		String form = JsonPath.read(DemoLogins.call(mvc, "psm.procot", "GET",
				"/api/v1/assessment-forms?kind=QUICK&regionCode=33.28.10.1008", null).getResponse().getContentAsString(), "$.id");
		assertThat(DemoLogins.call(mvc, "psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "%s", "answers": {"urgency": "CEPAT", "safe": true, "sick": true,
				 "sickDescription": "Ibu, diabetes, tidak berobat", "needs": ["PENGOBATAN"], "householdSize": 4}}"""
			.formatted(form))).hasStatus(HttpStatus.CREATED);
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		String referral = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI APBD"}""".formatted(complaint, provider))
			.getResponse().getContentAsString(), "$.id");

		var dinkes = DemoLogins.session(mvc, "program.dinkes");
		String shown = mvc.get().uri("/rujukan/{id}", referral).session(dinkes).exchange().getResponse().getContentAsString();
		assertThat(shown).contains("Sumirah Dirujuk", nik, "15-05-1980", "Jl. Melati 4", "RT 002/RW 001", "Procot",
				"081234567890", "Perlu PBI APBD");
		// the assessment's answers, under the form's questions
		assertThat(shown).contains("Ibu, diabetes, tidak berobat");
		// the read of the person is on the audit trail, by the agency
		assertThat(jdbc.sql("""
				select count(*) from audit_event where username = 'program.dinkes' and object_type = 'PERSON'
				and subject_ids @> array[cast(:p as uuid)]""").param("p", person).query(Long.class).single()).isPositive();
		// the letter: whole NIK for the agency, masked on the sender's print
		String agencyLetter = PdfTexts.of(mvc.get().uri("/rujukan/{id}/surat.pdf", referral).session(dinkes)
			.exchange().getResponse().getContentAsByteArray());
		assertThat(agencyLetter).contains(nik, "Sumirah Dirujuk");
		String senderLetter = PdfTexts.of(mvc.get().uri("/rujukan/{id}/surat.pdf", referral)
			.session(DemoLogins.session(mvc, "manajer.tegal")).exchange().getResponse().getContentAsByteArray());
		assertThat(senderLetter).contains("Sumirah Dirujuk", nik.substring(0, 4)).doesNotContain(nik);
		// a reporter who did not agree: no phone for the agency
		String other = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Tanpa izin",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Tanpa Izin"},
				 "reporter": {"name": "Tetangga", "phone": "081299988877"}}""").getResponse().getContentAsString(), "$.id");
		String second = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu berobat"}""".formatted(other, provider))
			.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/rujukan/{id}", second).session(dinkes)).hasStatusOk().bodyText()
			.contains("Ibu Tanpa Izin").doesNotContain("081299988877");
	}
}
