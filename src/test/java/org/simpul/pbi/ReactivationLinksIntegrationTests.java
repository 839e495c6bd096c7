package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.pbi.PbiFixture.Listed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A health complaint about a person removed from PBI-JK offers "Ajukan reaktivasi" on its page; the request keeps
 * the complaint (only a health complaint about that person, in the caller's territory), the citizen's tracking
 * shows where it stands and the answer reaches the citizen once; an active person leaves the village a follow-up
 * that the household's next usulan closes.
 */
@SimpulIntegrationTest
class ReactivationLinksIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult complaint(String category, String personId) {
		return new PbiFixture(mvc).call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "%s", "villageCode": "33.28.10.1008", "description": "Cuci darah",
				 "ppksCodes": ["24"], "subjectPersonId": "%s", "reporter": {"name": "Anak", "phone": "0812-7777-%s"}}"""
			.formatted(category, personId, String.valueOf(1000 + (int) (Math.random() * 8999))));
	}

	@Test
	void aHealthComplaintBringsTheRequestTheCitizenFollowsItAndTheVillageUpdatesTheFamilyAfter() throws Exception {
		PbiFixture pbi = new PbiFixture(mvc);
		Listed person = pbi.deactivated("Bapak Cuci Darah");
		Listed other = pbi.deactivated("Ibu Lain");
		MvcTestResult made = complaint("HEALTH", person.personId());
		assertThat(made).hasStatus(HttpStatus.CREATED);
		String complaintId = JsonPath.read(made.getResponse().getContentAsString(), "$.id");
		String ticket = JsonPath.read(made.getResponse().getContentAsString(), "$.ticketNumber");
		String code = JsonPath.read(made.getResponse().getContentAsString(), "$.trackingCode");
		String social = JsonPath.read(complaint("SOCIAL", person.personId()).getResponse().getContentAsString(), "$.id");

		// the complaint's page says the person was removed and offers the request
		MockHttpSession desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaintId).session(desk)).hasStatusOk().bodyText()
			.contains("PBI-JK nonaktif", "Orang ini dinonaktifkan dari PBI-JK (SK Uji", "Ajukan reaktivasi");
		assertThat(mvc.get().uri("/pengaduan/{id}", social).session(desk)).hasStatusOk().bodyText()
			.doesNotContain("Ajukan reaktivasi");
		// only a health complaint about this person
		assertThat(pbi.call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CHRONIC", "complaintId": "%s"}""".formatted(other.personId(), complaintId)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("COMPLAINT_NOT_OF_PERSON");
		assertThat(pbi.call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CHRONIC", "complaintId": "%s"}""".formatted(person.personId(), social)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		MvcTestResult asked = mvc.post().uri("/pbi/ajukan").session(desk).with(csrf()).param("personId", person.personId())
			.param("complaintId", complaintId).param("category", "CHRONIC").exchange();
		assertThat(asked).hasStatus(HttpStatus.FOUND);
		String id = asked.getResponse().getRedirectedUrl().substring(asked.getResponse().getRedirectedUrl().lastIndexOf('/') + 1);
		assertThat(jdbc.sql("select cast(complaint_id as text) from pbi_reactivation where id = cast(:id as uuid)")
			.param("id", id).query(String.class).single()).isEqualTo(complaintId);
		assertThat(mvc.get().uri("/pengaduan/{id}", complaintId).session(desk)).hasStatusOk().bodyText()
			.contains("Pengajuan reaktivasi:", "Draf (dokumen dilengkapi)");

		// the referral to Dinkes shows where the reactivation stands, to the agency that receives it
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		MvcTestResult referral = pbi.call("tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Cuci darah, PBI-JK nonaktif"}"""
			.formatted(complaintId, provider));
		assertThat(referral).hasStatus(HttpStatus.CREATED);
		String referralId = JsonPath.read(referral.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/rujukan/{id}", referralId).session(DemoLogins.session(mvc, "program.dinkes")))
			.hasStatusOk().bodyText().contains("PBI-JK nonaktif", "Draf (dokumen dilengkapi)");

		// the request goes its way; the citizen's tracking shows it
		assertThat(pbi.document("fo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", PbiFixture.JPEG))
			.hasStatus(HttpStatus.CREATED);
		for (String[] step : new String[][] { { "fo.procot", "submit" }, { "operator.tegal", "verify" },
				{ "operator.tegal", "letter" }, { "operator.tegal", "enter" } }) {
			assertThat(pbi.call(step[0], "POST", "/api/v1/pbi/reactivations/" + id + "/" + step[1], null)).hasStatusOk();
		}
		MvcTestResult tracked = mvc.post().uri("/api/v1/public/tracking").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ticketNumber\": \"%s\", \"trackingCode\": \"%s\"}".formatted(ticket, code)).exchange();
		assertThat(tracked).hasStatusOk().bodyJson().extractingPath("$.reactivation.status").isEqualTo("ENTERED");

		// the answer: the citizen is told once; the village has a follow-up for the family
		MvcTestResult answered = mvc.post().uri("/api/v1/pbi/answer-imports").multipart()
			.file("file", "NIK,Status\n%s,AKTIF\n".formatted(person.nik()).getBytes(StandardCharsets.UTF_8))
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange();
		assertThat(answered).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.rowsApplied").isEqualTo(1);
		assertThat(mvc.post().uri("/api/v1/public/tracking").contentType(MediaType.APPLICATION_JSON)
			.content("{\"ticketNumber\": \"%s\", \"trackingCode\": \"%s\"}".formatted(ticket, code)).exchange())
			.hasStatusOk().bodyJson().extractingPath("$.reactivation.statusLabel")
			.isEqualTo("Aktif kembali sebagai PBI-JK");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
				select count(*) from notification_sent where complaint_id = cast(:c as uuid) and status = 'PBI_ACTIVE'
				and outcome = 'SENT'""").param("c", complaintId).query(Long.class).single() == 1);
		String household = jdbc.sql("select cast(household_id as text) from pbi_reactivation where id = cast(:id as uuid)")
			.param("id", id).query(String.class).single();
		MvcTestResult followUps = pbi.call("psm.procot", "GET", "/api/v1/pbi/follow-ups", null);
		assertThat(followUps).hasStatusOk();
		assertThat(followUps.getResponse().getContentAsString()).contains(household);
		assertThat(pbi.call("psm.pedeslohor", "GET", "/api/v1/pbi/follow-ups", null).getResponse().getContentAsString())
			.doesNotContain(household);
		assertThat(mvc.get().uri("/pbi").session(DemoLogins.session(mvc, "psm.procot"))).hasStatusOk().bodyText()
			.contains("Perlu pemutakhiran data setelah reaktivasi", "Buat usulan pemutakhiran");
		// an usulan for the household closes it
		assertThat(pbi.call("psm.procot", "POST", "/api/v1/usulan", """
				{"kind": "CHANGE", "householdId": "%s", "reason": "Pemutakhiran setelah reaktivasi",
				 "changes": {"address": "Jl. Baru 2"}}""".formatted(household))).hasStatus(HttpStatus.CREATED);
		assertThat(pbi.call("psm.procot", "GET", "/api/v1/pbi/follow-ups", null).getResponse().getContentAsString())
			.doesNotContain(household);
	}
}
