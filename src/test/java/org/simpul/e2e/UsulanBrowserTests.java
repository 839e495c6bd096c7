package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Keeping the registry current in a browser: the village's data operator on a 360-px phone runs the checks,
 * corrects the family that fails them and submits it; at Dinsos on a 1280-px screen the verifier returns one
 * usulan with its reason, the head of office endorses two from the table, and the BNBA list downloads.
 */
@SimpulIntegrationTest
class UsulanBrowserTests extends PhoneTest {

	static final String PROCOT = "33.28.10.1008";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	String call(String user, String method, String uri, String body) throws Exception {
		MvcTestResult result = DemoLogins.call(mvc, user, method, uri, body);
		assertThat(result.getResponse().getStatus()).as("%s %s: %s", method, uri, result.getResponse().getContentAsString())
			.isLessThan(300);
		return result.getResponse().getContentAsString();
	}

	/** A household of Procot whose head is {@code name}: its id and the head's NIK. */
	String[] household(String name) throws Exception {
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F);
		String made = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "002", "rw": "001", "address": "Jl. Peramban 1",
				 "members": [{"nik": "%s", "name": "%s", "birthDate": "1980-05-15", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), PROCOT, nik, name));
		return new String[] { JsonPath.read(made, "$.id"), nik };
	}

	@Test
	void theVillageOperatorChecksCorrectsAndSubmitsOnAPhone() throws Exception {
		String registered = household("Istri Sudah Terdaftar")[1];
		String usulan = JsonPath.read(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Disepakati musdes", "changes": {"kkNumber": "%s",
				 "address": "Dk. Peramban", "rt": "4", "rw": "2", "members": [
				   {"nik": "%s", "name": "Kepala Uji Peramban", "birthDate": "1984-01-20", "sex": "M", "relationship": "HEAD"},
				   {"nik": "%s", "name": "Istri Sudah Terdaftar", "birthDate": "1980-05-15", "sex": "F", "relationship": "WIFE"}]}}"""
			.formatted(PROCOT, TestIdentifiers.kk("33.28.10"), TestIdentifiers.nik("33.28.10", LocalDate.of(1984, 1, 20), Sex.M),
					registered)), "$.id");
		call("koordinator.procot", "POST", "/api/v1/usulan/" + usulan + "/agree", null);

		phone.login(port, "operator.procot");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Usulan").setExact(true)).click();
		assertThat(page.locator("#cycle-title")).containsText("Siklus");
		assertThat(page.locator(".countdown")).isVisible();
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Periksa data sebelum diajukan")).click();
		var failure = page.locator(".checks li").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHasText("Kepala Uji Peramban"));
		assertThat(failure).containsText("sudah terdaftar di keluarga lain");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		failure.getByRole(AriaRole.LINK).click();

		// the form holds the family as it was agreed; the wife's NIK is corrected
		assertThat(page.locator("#m0name")).hasValue("Kepala Uji Peramban");
		String corrected = TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F);
		page.locator("#m1nik").fill(corrected);
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan usulan")).click();
		assertThat(page.locator("main")).containsText("Disepakati desa");
		assertThat(page.locator("main")).containsText(corrected);

		// the house photo from the phone, as evidence
		java.nio.file.Path photo = Files.createTempFile("rumah", ".jpg");
		Files.write(photo, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 });
		page.getByLabel("Jenis lampiran").selectOption("PHOTO_FRONT");
		page.getByLabel("Berkas", new Page.GetByLabelOptions().setExact(true)).setInputFiles(photo);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah lampiran")).click();
		assertThat(page.locator(".notice")).containsText("Lampiran disimpan.");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Foto rumah tampak depan"))).isVisible();
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);

		// submitted once, even with a second tap on a slow link
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajukan ke Dinsos")).dblclick();
		assertThat(page.locator("main .badge").first()).hasText("Diajukan ke Dinsos");
		assertThat(jdbc.sql("select count(*) from usulan_step where usulan_id = cast(:id as uuid) and status = 'SUBMITTED'")
			.param("id", usulan).query(Long.class).single()).isEqualTo(1);
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void dinsosReturnsOneEndorsesTwoAndDownloadsTheBnbaOnADesktop() throws Exception {
		String[] names = { "Dinsos Kembali", "Dinsos Sah Satu", "Dinsos Sah Dua" };
		for (String name : names) {
			String household = household(name)[0];
			String id = JsonPath.read(call("operator.procot", "POST", "/api/v1/usulan", """
					{"kind": "PROGRAMME", "householdId": "%s", "reason": "Lansia dan anak sekolah",
					 "changes": {"programme": "PKH"}}""".formatted(household)), "$.id");
			call("operator.procot", "POST", "/api/v1/usulan/" + id + "/agree", null);
			call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null);
		}
		phone.login(port, "operator.tegal");
		page.setViewportSize(1280, 800);
		page.navigate("http://localhost:" + port + "/usulan?desa=" + PROCOT + "&status=SUBMITTED");
		assertThat(page.locator("table.table")).isVisible();
		assertThat(page.locator("main").boundingBox().width).isGreaterThan(1100);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(names[0])).click();
		page.getByLabel("Alasan dikembalikan").fill("KK belum dilampirkan");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kembalikan ke desa untuk diperbaiki")).click();
		assertThat(page.locator("main")).containsText("Dikembalikan untuk diperbaiki");
		assertThat(page.locator("main")).containsText("KK belum dilampirkan");
		phone.logout();

		phone.login(port, "manajer.tegal");
		page.navigate("http://localhost:" + port + "/usulan?desa=" + PROCOT + "&status=SUBMITTED");
		page.getByLabel("Pilih usulan " + names[1]).check();
		page.getByLabel("Pilih usulan " + names[2]).check();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sahkan yang dipilih")).click();
		assertThat(page.locator("main")).containsText("2 usulan disahkan.");
		page.navigate("http://localhost:" + port + "/usulan?desa=" + PROCOT + "&status=ENDORSED");
		assertThat(page.locator("main table")).containsText(names[1]);
		Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Daftar BNBA (XLSX)")).click());
		byte[] xlsx = Files.readAllBytes(download.path());
		assertThat(new String(xlsx, 0, 2)).isEqualTo("PK");
		assertThat(download.suggestedFilename()).endsWith(".xlsx");

		// the ministry's answer for a new family sent earlier: the head of office imports it from the list page
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1983, 3, 3), Sex.F);
		String entry = JsonPath.read(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"household": {"kkNumber": "%s",
				 "address": "Dk. Peramban", "rt": "7", "rw": "1"}, "members": [
				   {"nik": "%s", "name": "Ibu Peramban Hasil", "birthDate": "1983-03-03", "sex": "F", "relationship": "HEAD"}]}}"""
			.formatted(PROCOT, TestIdentifiers.kk("33.28.10"), head)), "$.id");
		call("koordinator.procot", "POST", "/api/v1/usulan/" + entry + "/agree", null);
		call("operator.procot", "POST", "/api/v1/usulan/" + entry + "/submit", null);
		call("manajer.tegal", "POST", "/api/v1/usulan/" + entry + "/endorse", null);
		call("operator.tegal", "POST", "/api/v1/usulan/" + entry + "/send", null);
		java.nio.file.Path results = Files.createTempFile("hasil-kemensos", ".csv");
		Files.writeString(results, "NIK;Hasil;Desil\n" + head + ";MASUK;2\n"
				+ TestIdentifiers.nik("33.28.10", LocalDate.of(2001, 1, 1), Sex.M) + ";MASUK;3\n");
		page.navigate("http://localhost:" + port + "/usulan");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Impor hasil dari kementerian")).click();
		page.getByLabel("Berkas hasil").setInputFiles(results);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Impor hasil")).click();
		assertThat(page.locator("dl")).containsText("Usulan diputus");
		assertThat(page.locator("main table")).containsText("Tidak ada usulan terkirim maupun warga terdaftar");
		assertThat(page.locator("main table td").first()).hasText("3");
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", entry)
			.query(String.class).single()).isEqualTo("INCLUDED");
		// the same file again: nothing changes, and the page says so
		page.navigate("http://localhost:" + port + "/usulan/hasil");
		page.getByLabel("Berkas hasil").setInputFiles(results);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Impor hasil")).click();
		assertThat(page.locator("main")).containsText("Berkas ini sudah pernah diimpor");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(1280);
		assertThat(consoleProblems).isEmpty();
	}
}
