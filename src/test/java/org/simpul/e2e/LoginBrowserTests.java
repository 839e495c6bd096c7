package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;


import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;

/** A facilitator on a 360-px phone: logs in, sees Procot, switches to English, browses, logs out. */
@SimpulIntegrationTest
class LoginBrowserTests extends PhoneTest {

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private void assertFitsThePhone() {
		int width = phone.scrollWidth();
		assertThat(width).as("page width at a 360 px viewport").isLessThanOrEqualTo(360);
	}

	@Test
	void facilitatorLogsInSeesProcotSwitchesToEnglishAndLogsOut() {
		page.navigate(url("/"));
		assertThat(page).hasURL(url("/masuk"));
		assertThat(page.getByRole(AriaRole.HEADING)).hasText("Masuk ke Simpul");
		assertFitsThePhone();

		page.getByLabel("Nama pengguna").fill("psm.procot");
		page.getByLabel("Kata sandi").fill("Simpul-Demo-2026");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();

		assertThat(page).hasURL(url("/"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Selamat datang, PSM Desa Procot");
		assertThat(page.locator("#territory")).containsText("Procot");
		assertThat(page.locator(".nav")).not().containsText("Pengguna");
		assertFitsThePhone();

		page.getByText("English").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Welcome, PSM Desa Procot");
		assertThat(page.locator(".nav")).containsText("Regions");

		page.getByText("Browse your territory").click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Procot");
		assertFitsThePhone();

		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
		assertThat(page).hasURL(url("/masuk?keluar"));
		assertThat(page.getByText("You have logged out.")).isVisible();
		page.navigate(url("/"));
		assertThat(page).hasURL(url("/masuk"));

		assertThat(consoleProblems).as("console errors and CSP violations").isEmpty();
	}

	@Test
	void managerCreatesAUserForAVillageWithTheRegionPicker() {
		phone.login(port, "manajer.tegal");
		assertThat(page.locator("#territory-counts")).containsText("18 kecamatan dan 287 desa/kelurahan");

		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Pengguna").setExact(true)).click();
		page.getByText("Tambah pengguna").click();
		page.getByLabel("Nama pengguna").fill("psm.kudaile");
		page.locator("#password").fill("Kudaile-Slawi-2026");
		page.getByLabel("Nama lengkap").fill("PSM Desa Kudaile");
		page.getByLabel("Peran").selectOption("FACILITATOR");
		page.getByLabel("Wilayah kerja").selectOption("33.28.10");
		// htmx reloads the choices with the villages of Slawi
		assertThat(page.locator("#regionCode option[value='33.28.10.1009']")).hasCount(1);
		page.getByLabel("Wilayah kerja").selectOption("33.28.10.1009");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).click();

		assertThat(page.getByText("Pengguna dibuat.")).isVisible();
		assertThat(page.getByLabel("Wilayah kerja")).hasValue("33.28.10.1009");

		// a weak password is refused with a message in Indonesian, nothing is created
		page.navigate(url("/pengguna/baru"));
		page.getByLabel("Nama pengguna").fill("psm.lemah");
		page.locator("#password").fill("katasandi123");
		page.getByLabel("Nama lengkap").fill("PSM Lemah");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).click();
		assertThat(page.getByText("Kata sandi terlalu umum atau memuat nama pengguna.")).isVisible();
		assertFitsThePhone();
		assertThat(consoleProblems).as("console errors and CSP violations").isEmpty();
	}
}
