package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every page form that creates something is stored once however often it is submitted: the second submit
 * of a form's one-time token is sent where the first one went, and the database holds one record.
 */
@SimpulIntegrationTest
class RepeatedSubmitIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/** Submits the same form twice with one token; answers where both submits led. */
	private String submittedTwice(String username, String uri, Map<String, String> fields) {
		MockHttpSession session = DemoLogins.session(mvc, username);
		String token = UUID.randomUUID().toString();
		MvcTestResult first = submit(session, uri, fields, token);
		assertThat(first).as(uri).hasStatus(HttpStatus.FOUND);
		String location = first.getResponse().getRedirectedUrl();
		MvcTestResult second = submit(session, uri, fields, token);
		assertThat(second).as(uri).hasStatus(HttpStatus.SEE_OTHER);
		assertThat(second.getResponse().getHeader("Location")).as(uri).isEqualTo(location);
		// a new page shown brings a new token: the same form again is a new record
		return location;
	}

	private MvcTestResult submit(MockHttpSession session, String uri, Map<String, String> fields, String token) {
		var request = mvc.post().uri(uri).session(session).with(csrf()).param("formToken", token);
		fields.forEach(request::param);
		return request.exchange();
	}

	private long count(String sql, Object value) {
		return jdbc.sql(sql).param("v", value).query(Long.class).single();
	}

	private String complaintByApi() throws Exception {
		String body = DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
				 "description": "Dua kali kirim", "ppksCodes": ["24"], "subject": {"name": "Ibu Dua Kali"}}""")
			.getResponse().getContentAsString();
		return JsonPath.read(body, "$.id");
	}

	@Test
	void aComplaintSubmittedTwiceIsOneTicket() {
		String description = "Pengaduan ketuk dua kali " + UUID.randomUUID();
		submittedTwice("fo.procot", "/pengaduan/baru", Map.of("channel", "WALK_IN", "category", "SOCIAL",
				"villageCode", "33.28.10.1008", "description", description, "ppksCodes", "24", "subjectName",
				"Warga Sekali"));
		assertThat(count("select count(*) from complaint where description = :v", description)).isEqualTo(1);
	}

	@Test
	void aHouseholdSubmittedTwiceIsOneHousehold() {
		String address = "Dukuh Dua Kali " + UUID.randomUUID();
		submittedTwice("fo.procot", "/registri/rumah-tangga/baru", Map.of("kkNumber", TestIdentifiers.kk("33.28.10"),
				"villageCode", "33.28.10.1008", "address", address, "members[0].nik",
				TestIdentifiers.nik("33.28.10", LocalDate.of(1975, 1, 2), Sex.F), "members[0].name",
				"Sarinah Sekali", "members[0].birthDate", "1975-01-02", "members[0].sex", "F",
				"members[0].relationship", "HEAD", "action", "save"));
		assertThat(count("select count(*) from household where address = :v", address)).isEqualTo(1);
	}

	@Test
	void aCaseNoteAndAReferralSubmittedTwiceAreOneEach() throws Exception {
		String complaint = complaintByApi();
		String note = "Catatan sekali " + UUID.randomUUID();
		submittedTwice("bo.procot", "/pengaduan/" + complaint + "/kasus/catatan", Map.of("text", note));
		assertThat(count("select count(*) from case_event where detail = :v", note))
			.isEqualTo(1);

		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		submittedTwice("tksk.slawi", "/rujukan/baru?pengaduan=" + complaint,
				Map.of("providerId", provider, "reason", "Perlu PBI-JK, sekali saja"));
		assertThat(count("select count(*) from referral where complaint_id = cast(:v as uuid)", complaint))
			.isEqualTo(1);
	}

	@Test
	void aUserAndADataSubjectRequestSubmittedTwiceAreOneEach() throws Exception {
		String username = "psm.sekali" + (System.nanoTime() % 100_000);
		submittedTwice("manajer.tegal", "/pengguna/baru", Map.of("username", username, "password",
				"Sekali-Saja-Kata-2026", "displayName", "PSM Sekali", "role", "FACILITATOR", "regionCode",
				"33.28.10.1008"));
		assertThat(count("select count(*) from app_user where username = :v", username)).isEqualTo(1);

		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Warni Permintaan");
		submittedTwice("dpo.tegal", "/pelindungan-data/orang/" + person + "/permintaan",
				Map.of("kind", "ACCESS", "details", "Minta salinan data"));
		assertThat(count("select count(*) from data_subject_request where person_id = cast(:v as uuid)", person))
			.isEqualTo(1);
	}

	@Test
	void aTokenRefusedOnceMayBeCorrectedAndSubmittedAgain() {
		MockHttpSession session = DemoLogins.session(mvc, "fo.procot");
		String token = UUID.randomUUID().toString();
		String description = "Dikoreksi lalu dikirim " + UUID.randomUUID();
		// without a category: the form comes back with its problem, the token unused
		assertThat(submit(session, "/pengaduan/baru", Map.of("channel", "WALK_IN", "villageCode", "33.28.10.1008",
				"description", description, "subjectName", "Warga Koreksi"), token)).hasStatusOk();
		assertThat(submit(session, "/pengaduan/baru", Map.of("channel", "WALK_IN", "category", "SOCIAL",
				"villageCode", "33.28.10.1008", "description", description, "ppksCodes", "24", "subjectName",
				"Warga Koreksi"), token)).hasStatus(HttpStatus.FOUND);
		assertThat(count("select count(*) from complaint where description = :v", description)).isEqualTo(1);
	}

	@Test
	void whatAPageWithAFormTokenReadsStaysOnTheAuditTrail() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sumiyati Tercatat");
		DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Tercatat",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person));
		MockHttpSession session = DemoLogins.session(mvc, "fo.procot");
		long before = count("select count(*) from audit_event where username = :v and object_type = 'COMPLAINT'"
				+ " and action = 'SEARCH'", "fo.procot");
		// a search that shows the queue, sent with a form token it does not need: the page is shown (200), the
		// token stays unused, and the search is recorded all the same
		assertThat(submit(session, "/pengaduan/cari", Map.of("q", "Sumiyati Tercatat"), UUID.randomUUID().toString()))
			.hasStatusOk().bodyText().contains("Sumiyati Tercatat");
		assertThat(count("select count(*) from audit_event where username = :v and object_type = 'COMPLAINT'"
				+ " and action = 'SEARCH'", "fo.procot")).isGreaterThan(before);
	}
}
