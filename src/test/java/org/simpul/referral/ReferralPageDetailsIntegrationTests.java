package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.function.Supplier;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.casework.CaseworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The small things the walk-through found on referral and case pages: no "batas null" on a recommendation,
 * a heading that says what its button does, the assessment's suggested programmes on the referral form,
 * steps and escalations in the order they happened, and a resolved case that takes no new assessment and
 * shows the referral's steps in its history.
 */
@SimpulIntegrationTest
class ReferralPageDetailsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String complaint(String name) throws Exception {
		return JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Rincian",
				 "ppksCodes": ["24"], "subject": {"name": "%s"}}""".formatted(name)).getResponse().getContentAsString(), "$.id");
	}

	private String provider(String code) {
		return jdbc.sql("select cast(id as text) from provider where code = :code").param("code", code)
			.query(String.class).single();
	}

	/** The form binds what was typed: wrong types named in Bahasa Indonesia, kept as typed, nothing sent. */
	@Test
	void aReferralFormWithValuesOfTheWrongTypeIsShownAgainAsTyped() throws Exception {
		String complaint = complaint("Ibu Rujukan Salah Ketik");
		MvcTestResult shown = mvc.post().uri("/rujukan/baru?pengaduan={id}", complaint)
			.session(DemoLogins.session(mvc, "tksk.slawi"))
			.with(csrf())
			.param("providerId", "bukan-layanan")
			.param("reason", "Perlu pengobatan rutin")
			.param("dueDate", "besok")
			.param("status", "COMPLETED")
			.exchange();
		assertThat(shown).hasStatusOk().bodyText()
			.contains("Layanan tujuan rujukan tidak dikenal.", "Perlu pengobatan rutin", "value=\"besok\"");
		assertThat(jdbc.sql("select count(*) from referral r join complaint_reference c on c.id = r.complaint_id"
				+ " where c.id = cast(:id as uuid)").param("id", complaint).query(Long.class).single()).isZero();
	}

	@Test
	void aRecommendationShowsNoEmptyDueDateAndTheFormSaysWhatItsButtonDoes() throws Exception {
		String complaint = complaint("Ibu Usulan Rinci");
		var backOffice = DemoLogins.session(mvc, "bo.procot");
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(backOffice)).hasStatusOk().bodyText()
			.contains("<h1>Usulkan rujukan</h1>").doesNotContain("<h1>Kirim rujukan</h1>");
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(DemoLogins.session(mvc, "manajer.tegal")))
			.hasStatusOk().bodyText().contains("<h1>Kirim rujukan</h1>");
		assertThat(DemoLogins.call(mvc, "bo.procot", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Usulan tanpa batas"}"""
			.formatted(complaint, provider("DINKES-3328-JAMKESDA")))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/rujukan?status=RECOMMENDED").session(DemoLogins.session(mvc, "tksk.slawi")))
			.hasStatusOk().bodyText().doesNotContain("batas null").doesNotContain("null");
	}

	@Test
	void theReferralFormPutsTheProgrammesTheAssessmentSuggestsFirst() throws Exception {
		String complaint = complaint("Ibu Saran Program");
		String deep = JsonPath.read(DemoLogins.call(mvc, "psm.procot", "GET",
				"/api/v1/assessment-forms?kind=DEEP&regionCode=33.28.10.1008", null).getResponse().getContentAsString(), "$.id");
		CaseworkFixtures.answers(jdbc, complaint, deep, "{\"programs\": [\"PBI_JK\", \"PKH\"]}", "psm.procot");
		String form = mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(DemoLogins.session(mvc, "manajer.tegal"))
			.exchange().getResponse().getContentAsString();
		assertThat(form).contains("Asesmen mengusulkan: PBI-JK, PKH");
		int suggested = form.indexOf("diusulkan asesmen");
		int firstOption = form.indexOf("<option value=\"", form.indexOf("id=\"providerId\"") + 1);
		int secondOption = form.indexOf("<option value=\"", firstOption + 20);
		// the first real option (after "pilih") is a suggested one
		assertThat(suggested).isPositive().isLessThan(form.indexOf("</option>", secondOption) + 1);
	}

	@Test
	void stepsAndEscalationsShowInTheOrderTheyHappened() throws Exception {
		String complaint = complaint("Ibu Urutan Langkah");
		String referral = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Urutan"}""".formatted(complaint,
				provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		// escalated a minute after it was sent, accepted later still
		jdbc.sql("insert into referral_escalation (referral_id, level, escalated_at) values (cast(:id as uuid), 'SUPERVISOR',"
				+ " (select sent_at from referral where id = cast(:id as uuid)) + interval '1 minute')")
			.param("id", referral).update();
		jdbc.sql("update referral_step set at = at + interval '2 minutes' where referral_id = cast(:id as uuid)"
				+ " and status = 'SENT'").param("id", referral).update();
		String page = mvc.get().uri("/rujukan/{id}", referral).session(DemoLogins.session(mvc, "tksk.slawi")).exchange()
			.getResponse().getContentAsString();
		assertThat(page.indexOf("Lewat batas waktu: diteruskan ke TKSK")).isPositive()
			.isLessThan(page.indexOf("<strong>Dikirim</strong>"));
	}

	@Test
	void aResolvedCaseTakesNoNewAssessmentAndShowsTheReferralsSteps() throws Exception {
		String complaint = complaint("Ibu Sudah Selesai");
		String referral = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Selesaikan"}""".formatted(complaint,
				provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		assertThat(DemoLogins.call(mvc, "program.dinkes", "POST", "/api/v1/referrals/" + referral + "/accept", "{}"))
			.hasStatusOk();
		assertThat(DemoLogins.call(mvc, "program.dinkes", "POST", "/api/v1/referrals/" + referral + "/complete",
				"{\"outcome\": \"PBI APBD aktif\"}")).hasStatusOk();
		assertThat(jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", complaint)
			.query(String.class).single()).isEqualTo("RESOLVED");
		var psm = DemoLogins.session(mvc, "psm.procot");
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(psm)).hasStatusOk().bodyText()
			.doesNotContain("asesmen/baru").contains("Dirujuk", "Selesai ditangani");
		String form = JsonPath.read(DemoLogins.call(mvc, "psm.procot", "GET",
				"/api/v1/assessment-forms?kind=QUICK&regionCode=33.28.10.1008", null).getResponse().getContentAsString(), "$.id");
		assertThat(DemoLogins.call(mvc, "psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "%s", "answers": {"urgency": "CEPAT", "safe": true, "sick": false, "needs": ["PENGOBATAN"],
				 "householdSize": 4}}""".formatted(form))).hasStatus(HttpStatus.CONFLICT).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("COMPLAINT_CLOSED");
		assertThat(mvc.post().uri("/pengaduan/{id}/kasus/catatan", complaint).session(psm).with(csrf())
			.param("text", "Catatan tetap boleh")).hasStatus(HttpStatus.FOUND);
	}

	@Test
	void theTrackingPageGivesTheOutcomeAndThePuskesosToAsk() throws Exception {
		String created = DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Lacak hasil",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Lacak Hasil"}}""").getResponse().getContentAsString();
		String complaint = JsonPath.read(created, "$.id");
		String ticket = JsonPath.read(created, "$.ticketNumber");
		String code = JsonPath.read(created, "$.trackingCode");
		Supplier<String> tracked = () -> {
			try {
				return mvc.post().uri("/lacak").with(csrf()).with(r -> {
					r.setRemoteAddr("10.77.0." + (int) (Math.random() * 250));
					return r;
				}).param("ticketNumber", ticket).param("trackingCode", code).exchange().getResponse().getContentAsString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(tracked.get()).contains("Puskesos Procot").doesNotContain("Hasil:");
		String referral = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Lacak"}""".formatted(complaint,
				provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		DemoLogins.call(mvc, "program.dinkes", "POST", "/api/v1/referrals/" + referral + "/accept", "{}");
		DemoLogins.call(mvc, "program.dinkes", "POST", "/api/v1/referrals/" + referral + "/complete",
				"{\"outcome\": \"Kartu PBI APBD terbit, berlaku mulai bulan depan\"}");
		assertThat(tracked.get()).contains("Hasil:", "Kartu PBI APBD terbit, berlaku mulai bulan depan", "Puskesos Procot");
	}

	@Test
	void aRecommendationWithdrawnBeforeItWasSentNeverReachesTheAgency() throws Exception {
		String complaint = complaint("Ibu Ditarik Kembali");
		String referral = JsonPath.read(DemoLogins.call(mvc, "bo.procot", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Ditarik"}""".formatted(complaint,
				provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		assertThat(DemoLogins.call(mvc, "bo.procot", "POST", "/api/v1/referrals/" + referral + "/cancel",
				"{\"reason\": \"Tidak jadi, keluarga pindah\"}"))
			.hasStatusOk();
		assertThat(DemoLogins.call(mvc, "program.dinkes", "GET", "/api/v1/referrals/" + referral, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/rujukan/{id}", referral).session(DemoLogins.session(mvc, "program.dinkes")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(DemoLogins.call(mvc, "program.dinkes", "GET", "/api/v1/referrals?size=200", null).getResponse()
			.getContentAsString()).doesNotContain(referral);
	}
}
