package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.PdfTexts;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Kabupaten Tegal's data protection officer at the pages: finds a person by NIK, sees her record, records
 * her access request (a missing kind is refused in Bahasa Indonesia), downloads her data as PDF, restricts
 * her processing and closes the request. The desk may not open these pages.
 */
@SimpulIntegrationTest
class DataProtectionPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Test
	void theOfficerFindsAPersonRecordsHerRequestAndExportsHerData() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Kasminah Halaman");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		MockHttpSession dpo = DemoLogins.session(mvc, "dpo.tegal");

		assertThat(mvc.get().uri("/pelindungan-data").session(dpo)).hasStatusOk().bodyText()
			.contains("Pelindungan data", "Permintaan terbuka");
		assertThat(mvc.post().uri("/pelindungan-data/cari").session(dpo).with(csrf()).param("nik", nik))
			.hasStatusOk().bodyText().contains("Kasminah Halaman", "/pelindungan-data/orang/" + person);
		assertThat(mvc.post().uri("/pelindungan-data/cari").session(dpo).with(csrf()).param("nik", "12345"))
			.hasStatusOk().bodyText().contains("NIK");

		String page = "/pelindungan-data/orang/" + person;
		assertThat(mvc.get().uri(page).session(dpo)).hasStatusOk().bodyText()
			.contains("Kasminah Halaman", nik, "Tidak dibatasi", "Riwayat pemrosesan")
			// what was processed, in words: "membuat rumah tangga", not "HOUSEHOLD"
			.contains("rumah tangga").doesNotContain("HOUSEHOLD");

		// a request without its kind: refused with a message, nothing recorded
		assertThat(mvc.post().uri(page + "/permintaan").session(dpo).with(csrf()).param("details", "Minta salinan"))
			.hasStatus(HttpStatus.FOUND).flash().containsEntry("warning", "privacy.kindRequired");
		assertThat(jdbc.sql("select count(*) from data_subject_request where person_id = cast(:id as uuid)")
			.param("id", person).query(Long.class).single()).isZero();
		assertThat(mvc.post().uri(page + "/permintaan").session(dpo).with(csrf()).param("kind", "ACCESS")
			.param("details", "Minta salinan data")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).session(dpo)).hasStatusOk().bodyText()
			.contains("Akses data", "Terbuka", "Minta salinan data");

		byte[] pdf = mvc.get().uri(page + "/ekspor.pdf").session(dpo).exchange().getResponse().getContentAsByteArray();
		assertThat(PdfTexts.of(pdf)).contains("Kasminah Halaman", nik, "Riwayat pemrosesan");
		assertThat(mvc.get().uri(page + "/ekspor.json").session(dpo)).hasStatusOk().bodyJson()
			.extractingPath("$.person.nik").isEqualTo(nik);

		assertThat(mvc.post().uri(page + "/pembatasan").session(dpo).with(csrf()).param("action", "restrict"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(page).session(dpo)).hasStatusOk().bodyText().contains("Dibatasi sejak", "Cabut pembatasan");
		String request = jdbc.sql("select cast(id as text) from data_subject_request where person_id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		assertThat(mvc.post().uri("/pelindungan-data/permintaan/" + request + "/tutup").session(dpo).with(csrf())
			.param("personId", person).param("status", "DONE").param("outcome", "Salinan diserahkan"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select status from data_subject_request where id = cast(:id as uuid)").param("id", request)
			.query(String.class).single()).isEqualTo("DONE");
		assertThat(mvc.post().uri(page + "/pembatasan").session(dpo).with(csrf()).param("action", "lift"))
			.hasStatus(HttpStatus.FOUND);

		// the desk does not reach these pages
		MockHttpSession desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/pelindungan-data").session(desk)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri(page).session(desk)).hasStatus(HttpStatus.FORBIDDEN);
	}
}
