package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.pbi.PbiFixture;
import org.simpul.pbi.PbiFixture.Listed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * PBI-JK reactivation in a browser: the village's volunteer on a 360-px phone finds the person on her list, asks
 * for the reactivation with the puskesmas letter photographed and sends it to Dinsos; at Dinsos on a 1280-px screen
 * the operator verifies it from the worklist, issues the letter (its PDF opens) and records that it was entered in
 * SIKS-NG, and the head of Dinsos reads the dashboard.
 */
@SimpulIntegrationTest
class PbiBrowserTests extends PhoneTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theVolunteerAsksOnAPhoneAndDinsosTakesItOnADesk() throws Exception {
		Listed person = new PbiFixture(mvc).deactivated("Ibu Peramban Pbi");

		phone.login(port, "psm.procot");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("PBI-JK").setExact(true)).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("PBI-JK nonaktif di wilayah Anda")))
			.isVisible();
		Locator card = page.locator(".card").filter(new Locator.FilterOptions().setHasText("Ibu Peramban Pbi"));
		assertThat(card).containsText("Bisa diajukan s.d.");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		card.getByLabel("Kebutuhan").selectOption("CHRONIC");
		card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajukan reaktivasi")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reaktivasi PBI-JK: Ibu Peramban Pbi")))
			.isVisible();
		// sending it without the puskesmas letter is refused with the reason
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajukan ke Dinsos")).click();
		assertThat(page.getByRole(AriaRole.ALERT)).containsText("Surat keterangan dari fasilitas kesehatan wajib");
		page.getByLabel("Jenis dokumen").selectOption("HEALTH_LETTER");
		page.getByLabel("Foto atau PDF").setInputFiles(new FilePayload("surat-puskesmas.jpg", "image/jpeg", PbiFixture.JPEG));
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Tambah dokumen")).click();
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dokumen ditambahkan.");
		assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Surat keterangan fasilitas kesehatan")))
			.isVisible();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ajukan ke Dinsos")).click();
		assertThat(page.locator("main")).containsText("Diajukan ke Dinsos");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		String requestUrl = page.url();
		phone.logout();

		// Dinsos, on a desk
		page.setViewportSize(1280, 800);
		phone.login(port, "operator.tegal");
		page.navigate("http://localhost:" + port + "/pbi/pengajuan?status=SUBMITTED");
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ibu Peramban Pbi")).click();
		assertThat(page).hasURL(requestUrl);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Dokumen lengkap, verifikasi")).click();
		assertThat(page.locator("main")).containsText("Diverifikasi Dinsos");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Terbitkan surat keterangan")).click();
		Locator pdf = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Unduh surat keterangan (PDF)"));
		assertThat(pdf).isVisible();
		var letter = page.request().get(pdf.getAttribute("href").startsWith("http") ? pdf.getAttribute("href")
				: "http://localhost:" + port + pdf.getAttribute("href"));
		assertThat(letter.status()).isEqualTo(200);
		assertThat(letter.headers().get("content-type")).isEqualTo("application/pdf");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sudah diinput ke SIKS-NG")).click();
		assertThat(page.locator("main")).containsText("Diinput ke SIKS-NG, menunggu kementerian");
		assertThat(jdbc.sql("select status from pbi_reactivation where person_id = cast(:p as uuid)")
			.param("p", person.personId()).query(String.class).single()).isEqualTo("ENTERED");

		page.navigate("http://localhost:" + port + "/pbi/ringkasan");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Hari per langkah"))).isVisible();
		assertThat(page.locator("table").first()).containsText("Slawi");
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void theVolunteerSeesWhyAMotherComesFirstAndAsksForHerBaby() throws Exception {
		new PbiFixture(mvc).motherWithBaby("Ibu Peramban Bayi", "Bayi Peramban");

		phone.login(port, "psm.procot");
		page.navigate("http://localhost:" + port + "/pbi");
		Locator card = page.locator(".card").filter(new Locator.FilterOptions().setHasText("Ibu Peramban Bayi"));
		assertThat(card).containsText("Prioritas");
		assertThat(card).containsText("Ibu dengan bayi di bawah 1 tahun");
		Locator baby = card.locator(".babies form");
		assertThat(baby).containsText("Bayi Peramban");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		baby.getByLabel("Kebutuhan").selectOption("OTHER");
		baby.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajukan untuk bayi")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reaktivasi PBI-JK: Bayi Peramban")))
			.isVisible();
		String requestUrl = page.url();
		// back on the list, asking again opens the request under way
		page.navigate("http://localhost:" + port + "/pbi");
		baby = page.locator(".card").filter(new Locator.FilterOptions().setHasText("Ibu Peramban Bayi")).locator(".babies form");
		baby.getByLabel("Kebutuhan").selectOption("OTHER");
		baby.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Ajukan untuk bayi")).click();
		assertThat(page).hasURL(requestUrl);
		assertThat(page.getByRole(AriaRole.STATUS)).containsText("sudah punya pengajuan reaktivasi yang sedang berjalan");
		assertThat(jdbc.sql("select count(*) from pbi_reactivation r join person p on p.id = r.person_id"
				+ " where p.name = 'Bayi Peramban'").query(Long.class).single()).isEqualTo(1);
		assertThat(consoleProblems).isEmpty();
	}
}
