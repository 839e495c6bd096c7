package org.simpul.shared.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * NIK, KK numbers and phone numbers are stored encrypted and found by their blind index; values from before
 * encryption are rewritten at start; a rotation to a new field key rewrites every encrypted column and the
 * registry reads the same after it (docs/security.md, "Encryption at rest").
 */
@SimpulIntegrationTest
class EncryptionAtRestIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	FieldRotation rotation;

	@Autowired
	List<EncryptedColumn> columns;

	@Value("${simpul.data-dir}")
	Path dataDir;

	@Test
	void identifiersArePlainNowhereInTheirRowsAndFoundByTheirIndex() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sukini Sandi");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		assertThat(nik).matches("\\d{16}");
		String personRow = jdbc.sql("select p::text from person p where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single();
		String householdRow = jdbc.sql("select h::text from household h join person p on p.household_id = h.id"
				+ " where p.id = cast(:id as uuid)").param("id", person).query(String.class).single();
		String kk = cipher.decrypt(jdbc.sql("select kk_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		assertThat(personRow).doesNotContain(nik).doesNotContain(kk).contains("v1:");
		assertThat(householdRow).doesNotContain(kk).contains("v1:");
		assertThat(jdbc.sql("select nik_index from person where id = cast(:id as uuid)").param("id", person)
			.query(String.class).single()).matches("[0-9a-f]{32}");

		// exact search by NIK works through the index, as before
		assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/persons/search", "{\"nik\": \"" + nik + "\"}"))
			.hasStatusOk().bodyJson().extractingPath("$.content[0].id").isEqualTo(person);

		// a subject outside the registry: the NIK given at intake is encrypted too, and shown to the desk
		String outsider = TestIdentifiers.nik("33.28.10", LocalDate.of(1961, 3, 4), Sex.F);
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "PHONE", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Telepon",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Luar", "nik": "%s"},
				 "reporter": {"name": "Anak", "phone": "0812-3456-7890"}}""".formatted(outsider)).getResponse()
			.getContentAsString(), "$.id");
		String complaintRow = jdbc.sql("select c::text from complaint c where id = cast(:id as uuid)")
			.param("id", complaint).query(String.class).single();
		assertThat(complaintRow).doesNotContain(outsider).doesNotContain("081234567890").doesNotContain("7890");
		assertThat(DemoLogins.call(mvc, "fo.procot", "GET", "/api/v1/complaints/" + complaint, null)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.reporter.phone").isEqualTo("081234567890");
				assertThat(json).extractingPath("$.subject.nik").isEqualTo(outsider);
			});

		// a number from before encryption is rewritten at start, and still reads the same
		jdbc.sql("update complaint set reporter_phone = '081299998888' where id = cast(:id as uuid)")
			.param("id", complaint).update();
		rotation.rewrite();
		assertThat(jdbc.sql("select count(*) from complaint where reporter_phone not like 'v1:%'").query(Long.class)
			.single()).isZero();
		assertThat(DemoLogins.call(mvc, "fo.procot", "GET", "/api/v1/complaints/" + complaint, null)).hasStatusOk()
			.bodyJson().extractingPath("$.reporter.phone").isEqualTo("081299998888");
	}

	@Test
	void aStartWithAnotherBlindIndexKeyIsRefused() {
		// the key this database was indexed with passes (the application started with it)
		new KeyFingerprint(jdbc, new BlindIndex("", dataDir), Clock.systemUTC()).afterPropertiesSet();
		// a new key, as after a lost key file, would find no NIK: refused before the web server opens
		BlindIndex other = new BlindIndex(Base64.getEncoder().encodeToString(KeyFiles.newKey()), dataDir);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> new KeyFingerprint(jdbc, other, Clock.systemUTC()).afterPropertiesSet())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("not the one this database was indexed with");
	}

	@Test
	void aRotationToANewKeyRewritesEveryEncryptedColumnAndBackAgain() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Rotasi Kunci");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		String keyFile = Files.readString(dataDir.resolve("keys/field-keys")).strip();
		String newKey = "k9=" + Base64.getEncoder().encodeToString(KeyFiles.newKey());

		// step 1 of docs/security.md: the new key is added and made current; the restart rewrites everything
		FieldCipher rotated = new FieldCipher(keyFile + "," + newKey, "k9", dataDir);
		new FieldRotation(jdbc, rotated, columns).rewrite();
		for (EncryptedColumn column : columns) {
			assertThat(jdbc.sql("select count(*) from " + column.table() + " where " + column.column()
					+ " like 'v1:k1:%'").query(Long.class).single()).as(column.toString()).isZero();
		}
		assertThat(rotated.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single())).isEqualTo(nik);
		assertThat(jdbc.sql("select count(*) from person where nik_cipher like 'v1:k9:%'").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(*) from person").query(Long.class).single());

		// and back to this test run's key, so that the other tests read their data: the same path again
		new FieldRotation(jdbc, new FieldCipher(keyFile + "," + newKey, "k1", dataDir), columns).rewrite();
		for (EncryptedColumn column : columns) {
			assertThat(jdbc.sql("select count(*) from " + column.table() + " where " + column.column()
					+ " like 'v1:k9:%'").query(Long.class).single()).as(column.toString()).isZero();
		}
		assertThat(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/persons/search", "{\"nik\": \"" + nik + "\"}"))
			.hasStatusOk().bodyJson().extractingPath("$.content[0].id").isEqualTo(person);
	}
}
