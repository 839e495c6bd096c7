package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.PdfTexts;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A Procot woman asks what Simpul holds about her (UU PDP Pasal 32). Kabupaten Tegal's data protection
 * officer exports her registry record, her complaint with its assessment and referral, who at Dinkes saw
 * it, and the processing history; the export itself joins that history. Nobody else may export, and a DPO of
 * another district does not find her.
 */
@SimpulIntegrationTest
class DataSubjectIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String dpo(String region) {
		return Officers.create(mvc, jdbc, region);
	}

	@Test
	void theOfficerExportsEverythingAboutThePersonWithItsHistory() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sarmini Subjek");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single());
		String complaint = JsonPath.read(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Berobat",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		assertThat(call("psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "5e1ec7ed-0000-4000-8000-00000000a001", "answers": {"urgency": "CEPAT", "safe": true,
				 "sick": true, "sickDescription": "Diabetes", "needs": ["PENGOBATAN"], "householdSize": 3}}"""))
			.hasStatus(HttpStatus.CREATED);
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		String referral = JsonPath.read(call("manajer.tegal", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "PBI APBD"}""".formatted(complaint, provider))
			.getResponse().getContentAsString(), "$.id");
		assertThat(call("program.dinkes", "GET", "/api/v1/referrals/" + referral, null)).hasStatusOk();

		String officer = dpo("33.28");
		MvcTestResult export = call(officer, "GET", "/api/v1/data-subjects/" + person, null);
		assertThat(export).hasStatusOk();
		assertThat(export.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		String json = export.getResponse().getContentAsString();
		assertThat(JsonPath.<String>read(json, "$.person.nik")).isEqualTo(nik);
		assertThat(JsonPath.<String>read(json, "$.person.name")).isEqualTo("Sarmini Subjek");
		assertThat(JsonPath.<List<String>>read(json, "$.complaints[*].complaint.id")).containsExactly(complaint);
		assertThat(JsonPath.<List<String>>read(json, "$.complaints[0].assessments[*].answers.sickDescription"))
			.containsExactly("Diabetes");
		assertThat(JsonPath.<List<String>>read(json, "$.complaints[0].referrals[*].agencyName"))
			.containsExactly("Dinas Kesehatan Kabupaten Tegal");
		assertThat(JsonPath.<List<String>>read(json, "$.complaints[0].agencyReads[*].username")).contains("program.dinkes");
		List<String> history = JsonPath.read(json, "$.processingHistory[*]['username','action','objectType']");
		assertThat(JsonPath.<List<String>>read(json, "$.processingHistory[*].username"))
			.contains("fo.procot", "psm.procot");
		assertThat(JsonPath.<List<String>>read(json, "$.processingHistory[*].action")).contains("CREATE", "READ");
		assertThat(history).isNotEmpty();
		assertThat(JsonPath.<Boolean>read(json, "$.historyComplete")).isTrue();

		// the same as a PDF for the person to keep
		MvcTestResult pdf = call(officer, "GET", "/api/v1/data-subjects/" + person + "/pdf", null);
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		assertThat(pdf.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(PdfTexts.of(pdf.getResponse().getContentAsByteArray()))
			.contains("Sarmini Subjek", nik, "Diabetes", "Dinas Kesehatan Kabupaten Tegal", "Riwayat pemrosesan",
					"fo.procot", "program.dinkes");

		// the export is itself processing: the next one shows it
		String again = call(officer, "GET", "/api/v1/data-subjects/" + person, null).getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(again, "$.processingHistory[?(@.action == 'EXPORT')].username"))
			.containsExactly(officer, officer);

		// nobody else exports; another district's officer does not find her
		assertThat(call("manajer.tegal", "GET", "/api/v1/data-subjects/" + person, null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("fo.procot", "GET", "/api/v1/data-subjects/" + person, null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call(dpo("33.23"), "GET", "/api/v1/data-subjects/" + person, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call(officer, "GET", "/api/v1/data-subjects/" + UUID.randomUUID(), null)).hasStatus(HttpStatus.NOT_FOUND);
	}
}
