package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.shared.PdfTexts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A whole case on a 360-px phone. A Procot family's complaint: the facilitator does the quick
 * assessment on the spot and the deep one on a home visit; the back office recommends Dinkes' PBI APBD; the
 * district manager decides and prints the letter, whose code anyone may verify; Dinkes' programme manager
 * accepts the referral and completes it; the citizen's tracking page follows every step.
 */
@SimpulIntegrationTest
class CaseStoryBrowserTests extends PhoneTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	private void button(String name) {
		Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
		stepTo(button);
		button.click();
	}

	/** The deep assessment shows one part at a time: on to the part that holds {@code target}. */
	private void stepTo(Locator target) {
		Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Berikutnya"));
		for (int i = 0; i < 20 && !target.first().isVisible() && next.isVisible(); i++) {
			next.click();
		}
	}

	private void link(String name) {
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).first().click();
	}

	private Locator question(String id) {
		Locator question = page.locator("#question-" + id);
		if (page.locator("fieldset #question-" + id).count() > 0 && !question.isVisible()) {
			// a question of a later part (a question its show-if hides is in the part on the screen)
			Locator section = page.locator("fieldset", new Page.LocatorOptions().setHas(question));
			Locator next = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Berikutnya"));
			for (int i = 0; i < 20 && !section.isVisible() && next.isVisible(); i++) {
				next.click();
			}
		}
		return question;
	}

	private void logout() {
		phone.logout();
	}

	private void fitsThePhone() {
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
	}

	@Test
	void fromTheFacilitatorsAssessmentsToDinkesCompletingTheReferral() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Sutinah Cerita");
		String created = mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
					 "description": "PBI-JK dinonaktifkan, ibu sakit gula dan tidak bisa berobat", "ppksCodes": ["24"],
					 "subjectPersonId": "%s"}""".formatted(person))
			.exchange().getResponse().getContentAsString();
		String complaint = JsonPath.read(created, "$.id");
		String ticket = JsonPath.read(created, "$.ticketNumber");
		String trackingCode = JsonPath.read(created, "$.trackingCode");
		String base = "http://localhost:" + port;

		// the facilitator, on the spot: the quick assessment
		phone.login(port, "psm.procot");
		page.navigate(base + "/pengaduan/" + complaint);
		link("Kasus dan asesmen");
		link("Asesmen cepat");
		assertThat(question("danger")).isHidden();
		// each choice is a group named by its question, as a screen reader announces it
		assertThat(page.getByRole(AriaRole.RADIOGROUP, new Page.GetByRoleOptions()
			.setName("Apakah orang tersebut aman di tempatnya sekarang? *"))).hasCount(1);
		question("safe").getByLabel("Tidak", new Locator.GetByLabelOptions().setExact(true)).check();
		assertThat(question("danger")).isVisible();
		question("danger").getByLabel("Penelantaran").check();
		question("urgency").getByLabel("Mendesak: dalam 7 hari").check();
		question("sick").getByLabel("Ya", new Locator.GetByLabelOptions().setExact(true)).check();
		question("sickDescription").getByLabel("Siapa dan sakit apa?").fill("Ibu, diabetes, berhenti berobat");
		question("needs").getByLabel("Pengobatan").check();
		fitsThePhone();
		button("Simpan asesmen");
		// one required answer left empty: named, in Indonesian, the rest kept
		assertThat(question("householdSize").locator(".error")).hasText("Wajib diisi.");
		assertThat(question("sickDescription").getByLabel("Siapa dan sakit apa?")).hasValue("Ibu, diabetes, berhenti berobat");
		question("householdSize").getByLabel("Jumlah anggota keluarga serumah *").fill("4");
		button("Simpan asesmen");
		assertThat(page.locator(".notice")).hasText("Asesmen tersimpan.");

		// later, on the home visit: the deep assessment; the floor is cement now, the registry says earth
		link("Asesmen mendalam");
		question("visitDate").getByLabel("Tanggal kunjungan rumah *").fill("2026-11-20");
		question("metFamily").getByLabel("Ya", new Locator.GetByLabelOptions().setExact(true)).check();
		question("roof").getByLabel("Genteng").check();
		question("wall").getByLabel("Bambu/anyaman").check();
		question("floor").getByLabel("Semen/bata").check();
		question("floorAreaM2").getByLabel("Luas lantai (m²) *").fill("36");
		question("electricity").getByLabel("Listrik PLN 450 VA").check();
		question("latrine").getByLabel("Tidak ada").check();
		question("drinkingWater").getByLabel("Sumur tak terlindung").check();
		question("headWork").getByLabel("Buruh tani").check();
		question("monthlyIncome").getByLabel("Perkiraan penghasilan keluarga sebulan (Rp) *").fill("900000");
		question("ownsLand").getByLabel("Tidak", new Locator.GetByLabelOptions().setExact(true)).check();
		question("chronicIllness").getByLabel("Ya", new Locator.GetByLabelOptions().setExact(true)).check();
		question("jkn").getByLabel("PBI-JK dinonaktifkan").check();
		question("disability").getByLabel("Tidak", new Locator.GetByLabelOptions().setExact(true)).check();
		question("childrenOutOfSchool").getByLabel("Anak usia 7–18 tahun yang tidak sekolah *").fill("0");
		question("rootCause").getByLabel("Akar masalah *").fill("PBI-JK dicabut; kepala keluarga buruh tani harian.");
		question("programs").getByLabel("PBI-JK").check();
		fitsThePhone();
		button("Simpan asesmen");
		assertThat(page.locator(".notice")).containsText("dicatat sebagai usulan perubahan");
		assertThat(page.locator("main")).containsText("1 usulan registri");
		assertThat(page.locator("main")).containsText("Sudah dinilai");
		logout();

		// the back office recommends the service
		phone.login(port, "bo.procot");
		page.navigate(base + "/pengaduan/" + complaint);
		link("Usulkan rujukan");
		String provider = page.locator("#providerId option", new Page.LocatorOptions().setHasText("Jaminan kesehatan daerah"))
			.getAttribute("value");
		page.getByLabel("Layanan tujuan").selectOption(provider);
		page.getByLabel("Alasan rujukan").fill("PBI-JK dinonaktifkan; ibu penderita diabetes perlu PBI APBD untuk berobat.");
		fitsThePhone();
		button("Usulkan rujukan");
		assertThat(page.locator(".notice")).hasText("Usulan rujukan tersimpan; menunggu penetapan.");
		assertThat(page.locator("main")).containsText("Diusulkan");
		String referral = page.url().substring(base.length());
		logout();

		// the manager decides; the letter is printed and its code verifies
		phone.login(port, "manajer.tegal");
		page.navigate(base + referral);
		button("Tetapkan dan kirim rujukan");
		assertThat(page.locator(".notice")).hasText("Rujukan dikirim.");
		assertThat(page.locator("main")).containsText("Dikirim");
		String code = jdbc.sql("select verification_code from referral where id = cast(:id as uuid)")
			.param("id", referral.substring("/rujukan/".length())).query(String.class).single();
		byte[] letter = page.request().get(base + referral + "/surat.pdf").body();
		assertThat(PdfTexts.of(letter)).contains("SURAT RUJUKAN", "PUSKESOS DESA PROCOT", "Dinas Kesehatan Kabupaten Tegal",
				"Sutinah Cerita", "PBI-JK dinonaktifkan; ibu penderita diabetes perlu PBI APBD untuk berobat.",
				ticket, code, "/verifikasi/" + code);
		fitsThePhone();
		logout();
		page.navigate(base + "/verifikasi/" + code);
		assertThat(page.locator("main")).containsText("asli");
		assertThat(page.locator("main")).not().containsText("Sutinah");

		// Dinkes: the inbox, accept, complete
		phone.login(port, "program.dinkes");
		link("Rujukan");
		link(ticket);
		assertThat(page.locator("main")).containsText("ibu penderita diabetes");
		button("Terima rujukan");
		assertThat(page.locator(".notice")).hasText("Rujukan diterima.");
		page.getByLabel("Hasil penanganan").fill("Kartu PBI APBD aktif sejak hari ini.");
		fitsThePhone();
		button("Tandai selesai");
		assertThat(page.locator(".notice")).hasText("Rujukan selesai.");
		logout();

		// the citizen's tracking page followed every step
		page.navigate(base + "/lacak");
		page.getByLabel("Nomor tiket").fill(ticket);
		page.getByLabel("Kode pelacakan").fill(trackingCode);
		button("Lacak");
		Locator steps = page.locator("main");
		for (String step : new String[] { "Diterima", "Sudah dinilai", "Dirujuk", "Sedang ditangani", "Selesai ditangani" }) {
			assertThat(steps).containsText(step);
		}
		fitsThePhone();
		// the one refusal of the story (the answer left empty) is the browser's only complaint: the outbox's 400
		assertThat(consoleProblems).allMatch(problem -> problem.contains("status of 400"));
	}
}
