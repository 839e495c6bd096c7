package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.crypto.FieldCipher;

/**
 * The service desk on a 360-px phone: the front office types a NIK, the family appears, the complaint is
 * saved and the receipt shows the ticket and the code; the citizen then tracks it on /lacak without login.
 */
@SimpulIntegrationTest
class ComplaintBrowserTests extends PhoneTest {

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Autowired
	FieldCipher cipher;

	@Test
	void frontOfficeRecordsAComplaintAndTheCitizenTracksIt() {
		phone.login(port, "fo.procot");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pengaduan").setExact(true)).click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Catat pengaduan")).click();
		// a NIK of the demo registry (Mohamad Rochim, Procot): the family appears with its programmes (htmx)
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where name = 'Mohamad Rochim' and village_code = '33.28.10.1008'")
			.query(String.class).list().getFirst());
		page.getByLabel("NIK (jika ada").fill(nik);
		page.getByLabel("NIK (jika ada").press("Tab");
		assertThat(page.locator("#subject")).containsText("Ada di registri");
		assertThat(page.locator("#subject")).containsText("Mohamad Rochim");
		page.getByLabel("Bidang").selectOption("HEALTH");
		page.getByText("24. Fakir miskin").click();
		page.getByLabel("Uraian keluhan").fill("PBI-JK anak dinonaktifkan, perlu berobat.");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		String ticket = page.locator("dd strong").first().textContent().strip();
		String code = page.locator("strong.code").textContent().strip();
		assertThat(ticket).startsWith("3328101008-");
		assertThat(code).hasSize(10);
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);

		// the citizen, logged out, on the tracking page
		phone.logout();
		page.navigate("http://localhost:" + port + "/lacak");
		page.getByLabel("Nomor tiket").fill(ticket);
		page.getByLabel("Kode pelacakan").fill(code.toLowerCase());
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lacak")).click();
		assertThat(page.locator("main")).containsText("Diterima");
		assertThat(page.locator("main")).not().containsText("Rochim");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}

	/**
	 * What was typed about the person stays when a NIK is typed or corrected after it, and a NIK's problem is
	 * said right under the NIK field, on the look-up and after sending (seen on the 360-px walk).
	 */
	@Test
	void aNikTypedAfterThePersonKeepsWhatWasTypedAndItsProblemIsUnderTheNik() {
		phone.login(port, "fo.procot");
		page.navigate("http://localhost:" + port + "/pengaduan/baru");
		page.getByLabel("Nama lengkap").fill("Ibu Ketik Dulu");
		page.getByLabel("Tanggal lahir").fill("1975-03-04");
		page.getByLabel("Jenis kelamin").selectOption("F");
		for (String nik : new String[] { "123", "3328104403750999" }) {
			page.getByLabel("NIK (jika ada").fill(nik);
			page.waitForResponse(r -> r.url().endsWith("/pengaduan/cari-nik"),
					() -> page.getByLabel("NIK (jika ada").press("Tab"));
			assertThat(page.locator("#subject")).containsText(nik.length() < 16 ? "NIK" : "Tidak ada di registri");
			assertThat(page.getByLabel("Nama lengkap")).hasValue("Ibu Ketik Dulu");
			assertThat(page.getByLabel("Tanggal lahir")).hasValue("1975-03-04");
			assertThat(page.getByLabel("Jenis kelamin")).hasValue("F");
		}
		page.getByLabel("NIK (jika ada").fill("123");
		page.getByLabel("Bidang").selectOption("SOCIAL");
		page.getByText("24. Fakir miskin").click();
		page.getByLabel("Uraian keluhan").fill("NIK salah ketik");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		// the NIK's message is the first thing after the NIK field, before the person's name
		assertThat(page.locator("#subject > :first-child")).hasClass("error");
		assertThat(page.locator("#subject > :first-child")).containsText("NIK");
		assertThat(page.getByLabel("Nama lengkap")).hasValue("Ibu Ketik Dulu");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void theDeskCorrectsAComplaintAndTheManagerPublishesADistrictPpksList() {
		phone.login(port, "fo.procot");
		page.navigate("http://localhost:" + port + "/pengaduan");
		page.locator("ul.list li a").first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ubah pengaduan")).click();
		page.getByLabel("Bidang").selectOption("EDUCATION");
		page.getByLabel("Uraian keluhan").fill("Dikoreksi: KIP anaknya belum cair.");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan perubahan")).click();
		assertThat(page.locator(".notice")).hasText("Perubahan pengaduan disimpan.");
		assertThat(page.locator("main")).containsText("Dikoreksi: KIP anaknya belum cair.");
		assertThat(page.locator("main")).containsText("Pendidikan");
		phone.logout();

		// the district manager of Temanggung publishes the regency's own list from the phone
		try {
			phone.login(port, "manajer.temanggung");
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Daftar PPKS")).click();
			assertThat(page.locator("main")).containsText("daftar PPKS nasional");
			page.getByLabel("Nama daftar").fill("Indikator Temanggung");
			page.getByLabel("Jenis PPKS, satu per baris").fill("T01 | Balita gizi buruk | 1\nT02 | Lansia sebatang kara | 8");
			assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan dan berlakukan")).click();
			assertThat(page.locator(".notice")).hasText("Daftar PPKS baru diterbitkan dan berlaku.");
			assertThat(page.locator("main")).containsText("Berlaku: Indikator Temanggung");
			assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
			assertThat(consoleProblems).isEmpty();
		}
		finally {
			jdbc.sql("update ppks_taxonomy set active = false where region_code = '33.23'").update();
		}
	}

	/** Offices work on wide screens: from 1280 px the queue is a table of rows, not the phone's stacked cards. */
	@Test
	void theDeskGetsADesktopLayoutOnAWideScreen() {
		phone.login(port, "fo.procot");
		page.setViewportSize(1280, 800);
		page.navigate("http://localhost:" + port + "/pengaduan");
		double main = page.locator("main").boundingBox().width;
		assertThat(main).isGreaterThan(1100);
		Locator row = page.locator("main ul.list li").first();
		assertThat(row.boundingBox().height).as("one line per complaint").isLessThan(70);
		assertThat(page.locator("nav.nav").boundingBox().height).isLessThan(64);
		page.setViewportSize(360, 740);
		assertThat(page.locator("main ul.list li").first().boundingBox().height)
			.as("stacked on a phone").isGreaterThan(70);
	}
}
