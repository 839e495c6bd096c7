package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;

/** The registry on a 360-px phone: find a family by an old spelling; import a file and watch it finish. */
@SimpulIntegrationTest
class RegistryBrowserTests extends PhoneTest {

	private void login(String username) {
		phone.login(port, username);
	}

	@Test
	void frontOfficeFindsAFamilyByAnOldSpellingAndSeesItsProgrammes() {
		login("fo.procot");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registri")).click();
		page.getByLabel("atau dengan nama").fill("Muhammad Rohim");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
		assertThat(page.locator("main")).containsText("Mohamad Rochim");
		page.getByText("Mohamad Rochim").first().click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Rumah tangga Mohamad Rochim");
		assertThat(page.locator("main")).containsText("PBI-JK");
		assertThat(page.locator("main")).containsText("Procot");
		int width = phone.scrollWidth();
		assertThat(width).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void theVillageProposesAndTheDistrictsOperatorAddsAMemberAndRecordsThatShePassedAway() {
		// the front office of the village may not change a registered family: it is offered an usulan
		login("fo.procot");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registri")).click();
		page.getByLabel("atau dengan nama").fill("Rasmono");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
		page.getByText("Rasmono").first().click();
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ubah rumah tangga"))).hasCount(0);
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Usulkan perubahan data")).click();
		assertThat(page.locator("main")).containsText("Usulkan dikeluarkan dari DTSEN");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		phone.logout();

		// the district's data operator corrects the registry directly
		login("operator.tegal");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registri")).click();
		page.getByLabel("atau dengan nama").fill("Rasmono");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cari")).click();
		page.getByText("Rasmono").first().click();
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ubah rumah tangga")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Ubah rumah tangga");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah anggota")).click();
		page.getByLabel("NIK").fill(TestIdentifiers.nik("33.28.10", LocalDate.of(1941, 3, 4),
				Sex.F));
		page.getByLabel("Nama lengkap").fill("Mbah Sainah");
		page.getByLabel("Tanggal lahir").fill("1941-03-04");
		page.locator("select[name='members[0].sex']").selectOption("F");
		page.locator("select[name='members[0].relationship']").selectOption("PARENT");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan")).last().click();
		assertThat(page.locator(".notice")).containsText("Perubahan tersimpan");
		assertThat(page.locator("main")).containsText("Mbah Sainah");
		// she passed away: recorded on the household page, kept as a former member
		var member = page.locator("li").filter(new com.microsoft.playwright.Locator.FilterOptions()
			.setHas(page.locator("strong", new Page.LocatorOptions().setHasText("Mbah Sainah"))));
		member.getByText("Keluar dari rumah tangga").click();
		member.getByLabel("Alasan").selectOption("DIED");
		member.getByLabel("Tanggal").fill("2026-11-01");
		member.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Catat keluar")).click();
		assertThat(page.locator("main")).containsText("Bekas anggota");
		assertThat(page.locator("main")).containsText("Meninggal, 01-11-2026");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void managerImportsAFileAndTheProgressUpdatesByItself() throws Exception {
		login("manajer.tegal");
		page.navigate("http://localhost:" + port + "/registri/impor");
		Path file = Files.createTempFile("registri", ".csv");
		Files.writeString(file, "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ "3328101203150001,3328101202020000,Baris Salah,12-02-2002,L,1,33.28.10.1008\n", StandardCharsets.UTF_8);
		page.getByLabel("Berkas CSV").setInputFiles(file);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unggah dan impor")).click();
		// htmx polls the status until the worker is done; no reload by the user
		assertThat(page.locator("#progress")).containsText("Selesai",
				new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
		assertThat(page.locator("#rows-rejected")).hasText("1");
		assertThat(page.getByText("Unduh baris yang ditolak (CSV)")).isVisible();
		assertThat(consoleProblems).isEmpty();
	}
}
