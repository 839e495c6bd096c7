package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A person asks that their data no longer be used (UU PDP Pasal 41). While the DPO's restriction stands,
 * the desk does not find them, their household does not show them, their complaint leaves the queue and
 * cannot be opened, assessed or referred, and they cannot be made the subject of a new complaint; the DPO
 * still sees everything. Lifted, all comes back as it was.
 */
@SimpulIntegrationTest
class RestrictionIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	@Test
	void aRestrictedPersonIsKeptButNotUsedUntilTheOfficerLiftsIt() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Ngatini Dibatasi");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single());
		String created = call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Bantuan",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person)).getResponse().getContentAsString();
		String complaint = JsonPath.read(created, "$.id");
		String ticket = JsonPath.read(created, "$.ticketNumber");
		String officer = Officers.create(mvc, jdbc, "33.28");

		assertThat(call("manajer.tegal", "PUT", "/api/v1/data-subjects/" + person + "/restriction", null))
			.hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult restricted = call(officer, "PUT", "/api/v1/data-subjects/" + person + "/restriction", null);
		assertThat(restricted).hasStatusOk();
		String since = JsonPath.read(restricted.getResponse().getContentAsString(), "$.since");
		assertThat(call(officer, "PUT", "/api/v1/data-subjects/" + person + "/restriction", null)).hasStatusOk()
			.bodyJson().extractingPath("$.since").isEqualTo(since);

		String search = "{\"nik\": \"" + nik + "\"}";
		assertThat(call("fo.procot", "POST", "/api/v1/persons/search", search)).hasStatusOk().bodyJson()
			.extractingPath("$.content").asArray().isEmpty();
		assertThat(call("fo.procot", "GET", "/api/v1/households/" + household, null)).hasStatusOk().bodyJson()
			.extractingPath("$.members[*].id").asArray().doesNotContain(person);
		assertThat(call("fo.procot", "GET", "/api/v1/complaints/" + complaint, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/pengaduan").session(DemoLogins.session(mvc, "fo.procot"))).hasStatusOk().bodyText()
			.doesNotContain(ticket);
		assertThat(call("psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "5e1ec7ed-0000-4000-8000-00000000a001", "answers": {}}""")).hasStatus(HttpStatus.NOT_FOUND);
		// a new complaint about them is refused, saying why (a 404 would invite the desk
		// to capture the person again under a typed NIK)
		assertThat(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Lagi",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("SUBJECT_RESTRICTED");
		assertThat(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Lagi",
				 "ppksCodes": ["24"], "subject": {"nik": "%s", "name": "Ngatini"}}""".formatted(nik)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("SUBJECT_RESTRICTED");
		// the desk's pages say the person is restricted and whom to ask, without showing them
		var desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.post().uri("/registri/cari").session(desk).with(csrf()).param("nik", nik)).hasStatusOk()
			.bodyText().contains("Data orang ini dibatasi", "hubungi petugas pelindungan data").doesNotContain("Ngatini");
		assertThat(mvc.post().uri("/pengaduan/cari-nik").session(desk).with(csrf()).param("subjectNik", nik))
			.hasStatusOk().bodyText().contains("Data orang ini dibatasi").doesNotContain("Ngatini")
			.doesNotContain("Tidak ada di registri");
		assertThat(mvc.get().uri("/pengaduan/" + complaint).session(desk)).hasStatusOk().bodyText()
			.contains(ticket, "Data orang ini dibatasi").doesNotContain("Ngatini").doesNotContain("Bantuan");
		// never proposed as a duplicate, never merged away or kept
		String twin = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Ngatini Kembar");
		UUID candidate = RegistryIntegrationTestsAccess.duplicateCandidate(jdbc, person, twin);
		assertThat(call("tksk.slawi", "GET", "/api/v1/registry/duplicates?status=OPEN&size=200", null).getResponse()
			.getContentAsString()).doesNotContain(candidate.toString()).doesNotContain(person);
		for (String keep : new String[] { person, twin }) {
			assertThat(call("tksk.slawi", "POST", "/api/v1/registry/duplicates/" + candidate + "/merge",
					"{\"keep\": \"" + keep + "\"}")).hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(jdbc.sql("select count(*) from person where id in (cast(:a as uuid), cast(:b as uuid))")
			.param("a", person).param("b", twin).query(Long.class).single()).isEqualTo(2);
		// the officer still sees it all
		assertThat(call(officer, "GET", "/api/v1/data-subjects/" + person, null)).hasStatusOk().bodyJson()
			.extractingPath("$.complaints[*].complaint.id").asArray().containsExactly(complaint);

		assertThat(call(officer, "DELETE", "/api/v1/data-subjects/" + person + "/restriction", null))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(call(officer, "DELETE", "/api/v1/data-subjects/" + person + "/restriction", null))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(JsonPath.<List<String>>read(call("fo.procot", "POST", "/api/v1/persons/search", search).getResponse()
			.getContentAsString(), "$.content[*].id")).containsExactly(person);
		assertThat(call("fo.procot", "GET", "/api/v1/complaints/" + complaint, null)).hasStatusOk();
		assertThat(mvc.get().uri("/pengaduan").session(DemoLogins.session(mvc, "fo.procot"))).hasStatusOk().bodyText()
			.contains(ticket);
		// both changes are on the audit trail
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'PROCESSING_RESTRICTION'"
				+ " and object_id = cast(:id as uuid)").param("id", person).query(Long.class).single()).isEqualTo(2);
	}
}
