package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.PdfTexts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Names print exactly as typed on every PDF (receipt, referral letter, data-subject export): the text read
 * back from each holds the Latin Extended letters the standard PDF fonts dropped. A name in another script is
 * refused where it is typed, so nothing accepted can print wrong.
 */
@SimpulIntegrationTest
class PdfNamesIntegrationTests {

	private static final String NAME = "Ṡiti Ñur Ḥasanah Ŵulandarī";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyPdfPrintsTheNameAsTyped() throws Exception {
		var created = DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "members": [
				 {"nik": "%s", "name": "%s", "birthDate": "1984-07-01", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), TestIdentifiers.nik("33.28.10", LocalDate.of(1984, 7, 1), Sex.F), NAME));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String person = JsonPath.read(created.getResponse().getContentAsString(), "$.members[0].id");
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Berobat",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		String referral = JsonPath.read(DemoLogins.call(mvc, "tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI APBD"}""".formatted(complaint, provider))
			.getResponse().getContentAsString(), "$.id");

		var desk = DemoLogins.session(mvc, "fo.procot");
		String receipt = PdfTexts.of(mvc.get().uri("/pengaduan/{id}/tanda-terima.pdf", complaint).session(desk).exchange()
			.getResponse().getContentAsByteArray());
		String letter = PdfTexts.of(mvc.get().uri("/rujukan/{id}/surat.pdf", referral)
			.session(DemoLogins.session(mvc, "manajer.tegal")).exchange().getResponse().getContentAsByteArray());
		String export = PdfTexts.of(DemoLogins.call(mvc, "dpo.tegal", "GET", "/api/v1/data-subjects/" + person + "/pdf", null)
			.getResponse().getContentAsByteArray());
		for (String text : new String[] { receipt, letter, export }) {
			assertThat(text).contains(NAME);
		}
	}

	@Test
	void aNameInAnotherScriptIsRefusedWhereItIsTyped() {
		String arabic = "Siti \u0645\u062d\u0645\u062f";
		assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "members": [
				 {"nik": "%s", "name": "%s", "birthDate": "1984-07-01", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), TestIdentifiers.nik("33.28.10", LocalDate.of(1984, 7, 1), Sex.F),
					arabic)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("NAME_INVALID");
		assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Berobat",
				 "ppksCodes": ["24"], "subject": {"name": "%s"}}""".formatted(arabic)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("subject.name");
	}
}
