package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The reporter's phone number is encrypted in the database and read back for the desk; a number left in
 * plain text from before encryption is rewritten at start.
 */
@SimpulIntegrationTest
class PhoneEncryptionIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PhoneEncryption encryption;

	@Test
	void thePhoneNumberIsStoredEncryptedAndShownPlain() throws Exception {
		String id = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "PHONE", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Telepon",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Telepon"},
				 "reporter": {"name": "Anak", "phone": "0812-3456-7890"}}""").getResponse().getContentAsString(), "$.id");
		String stored = jdbc.sql("select reporter_phone from complaint where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single();
		assertThat(stored).startsWith("v1:").doesNotContain("081234567890").doesNotContain("7890");
		assertThat(DemoLogins.call(mvc, "fo.procot", "GET", "/api/v1/complaints/" + id, null)).hasStatusOk().bodyJson()
			.extractingPath("$.reporter.phone").isEqualTo("081234567890");

		// a number from before encryption is rewritten, and still reads the same
		jdbc.sql("update complaint set reporter_phone = '081299998888' where id = cast(:id as uuid)").param("id", id).update();
		encryption.rewrite();
		assertThat(jdbc.sql("select reporter_phone from complaint where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single()).startsWith("v1:");
		assertThat(jdbc.sql("select count(*) from complaint where reporter_phone not like 'v1:%'").query(Long.class)
			.single()).isZero();
		assertThat(DemoLogins.call(mvc, "fo.procot", "GET", "/api/v1/complaints/" + id, null)).hasStatusOk().bodyJson()
			.extractingPath("$.reporter.phone").isEqualTo("081299998888");
	}
}
