package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A regency's own PPKS list (Kabupaten Temanggung here, so that the demo's Tegal keeps the national one):
 * published by its manager, mapped to the national 26, in force for intake at once, versioned so that old
 * complaints keep their categories; bad lists refused whole.
 */
@SimpulIntegrationTest
class PpksListIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String village;

	@BeforeEach
	void village() {
		village = jdbc.sql("select code from region where code like '33.23.%' and length(code) = 13 order by code limit 1")
			.query(String.class).single();
	}

	@AfterEach
	void backToTheNationalList() {
		jdbc.sql("update ppks_taxonomy set active = false where region_code = '33.23'").update();
	}

	private MvcTestResult post(String user, String uri, String body) {
		return mvc.post().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	private MvcTestResult intake(String... codes) {
		return post("manajer.temanggung", "/api/v1/complaints", """
				{"channel": "OUTREACH", "category": "SOCIAL", "villageCode": "%s", "description": "Kunjungan rumah",
				 "ppksCodes": [%s], "subject": {"name": "Mbah Sarmi"}}""".formatted(village,
				codes.length == 0 ? "" : "\"" + String.join("\", \"", codes) + "\""));
	}

	private static final String FIRST = """
			{"regencyCode": "33.23", "name": "Indikator PPKS Temanggung 2026",
			 "categories": [
			   {"code": "T01", "label": "Balita gizi buruk", "nationalCode": "1"},
			   {"code": "T02", "label": "Lansia sebatang kara", "nationalCode": "8"},
			   {"code": "T03", "label": "Keluarga di rumah tidak layak huni", "nationalCode": "24", "sensitive": true}]}""";

	@Test
	void aManagerPublishesTheRegencysListAndIntakeFollowsItWhileOldComplaintsKeepTheirs() throws Exception {
		assertThat(get("manajer.temanggung", "/api/v1/ppks-lists?regencyCode=33.23")).hasStatusOk().bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.inForce").isEqualTo(PpksLists.NATIONAL.toString());
				assertThat(json).extractingPath("$.national.categories.length()").isEqualTo(26);
				assertThat(json).extractingPath("$.regencyName").isEqualTo("Kabupaten Temanggung");
			});
		int versionsBefore = jdbc.sql("select count(*) from ppks_taxonomy where region_code = '33.23'")
			.query(Integer.class).single();

		MvcTestResult published = post("manajer.temanggung", "/api/v1/ppks-lists", FIRST);
		assertThat(published).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.version").isEqualTo(versionsBefore + 1);
			assertThat(json).extractingPath("$.active").isEqualTo(true);
			assertThat(json).extractingPath("$.categories[0].nationalLabel").isEqualTo("Anak balita terlantar");
			// sensitivity follows the national category, and a district may add it
			assertThat(json).extractingPath("$.categories[*].sensitive").asArray().containsExactly(true, false, true);
		});
		String first = JsonPath.read(published.getResponse().getContentAsString(), "$.id");
		// the same list again is no new version
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists", FIRST)).hasStatusOk().bodyJson()
			.extractingPath("$.id").isEqualTo(first);

		// intake in Temanggung now speaks the regency's list
		assertThat(intake("24")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("ppksCodes[0]");
		assertThat(intake("T01")).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("consentNote");
		MvcTestResult old = intake("T02");
		assertThat(old).hasStatus(HttpStatus.CREATED);
		String oldId = JsonPath.read(old.getResponse().getContentAsString(), "$.id");
		// while Tegal keeps the national list
		assertThat(post("fo.procot", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Tetap",
				 "ppksCodes": ["24"], "subject": {"name": "Tetap Nasional"}}""")).hasStatus(HttpStatus.CREATED);

		// a second version drops T02
		MvcTestResult second = post("manajer.temanggung", "/api/v1/ppks-lists", """
				{"regencyCode": "33.23", "name": "Indikator PPKS Temanggung 2027",
				 "categories": [{"code": "T01", "label": "Balita gizi buruk", "nationalCode": "1"},
				                {"code": "T04", "label": "Penyandang disabilitas berat", "nationalCode": "9"}]}""");
		assertThat(second).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.version")
			.isEqualTo(versionsBefore + 2);
		assertThat(intake("T02")).hasStatus(HttpStatus.BAD_REQUEST);
		// the old complaint still names its category from its own version, and can be edited with it
		MvcTestResult read = get("manajer.temanggung", "/api/v1/complaints/" + oldId);
		assertThat(read).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.ppks[0].code").isEqualTo("T02");
			assertThat(json).extractingPath("$.ppks[0].label").isEqualTo("Lansia sebatang kara");
			assertThat(json).extractingPath("$.ppks[0].nationalCode").isEqualTo("8");
		});
		assertThat(mvc.put().uri("/api/v1/complaints/" + oldId)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung"))
			.header("If-Match", read.getResponse().getHeader("ETag"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "OUTREACH", "category": "SOCIAL", "villageCode": "%s",
					 "description": "Kunjungan rumah, dilengkapi", "ppksCodes": ["T02"]}""".formatted(village))
			.exchange()).hasStatusOk().bodyJson().extractingPath("$.ppks[0].label").isEqualTo("Lansia sebatang kara");

		// the first version back in force, then the national list again
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists/" + first + "/activate", "")).hasStatusOk()
			.bodyJson().extractingPath("$.active").isEqualTo(true);
		assertThat(intake("T02")).hasStatus(HttpStatus.CREATED);
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists/" + first + "/deactivate", "")).hasStatusOk();
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists/" + first + "/deactivate", "")).hasStatusOk()
			.bodyJson().extractingPath("$.active").isEqualTo(false);
		assertThat(intake("24")).hasStatus(HttpStatus.CREATED);
		assertThat(get("fo.procot", "/api/v1/ppks-lists?regencyCode=33.28")).hasStatusOk();
	}

	@Test
	void aBadListIsRefusedWholeNamingEachLine() throws Exception {
		int before = jdbc.sql("select count(*) from ppks_taxonomy").query(Integer.class).single();
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists", """
				{"regencyCode": "33.23", "name": "",
				 "categories": [{"code": "T 1", "label": "Spasi", "nationalCode": "1"},
				                {"code": "T2", "label": "", "nationalCode": "27"},
				                {"code": "t2", "label": "Kembar", "nationalCode": "2"}]}"""))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.errors[*].field").asArray().containsExactly("name",
						"categories[0].code", "categories[1].label", "categories[1].nationalCode", "categories[2].code");
				assertThat(json).extractingPath("$.errors[*].code").asArray().containsExactly("REQUIRED",
						"PPKS_CODE_INVALID", "REQUIRED", "PPKS_NATIONAL_UNKNOWN", "PPKS_CODE_REPEATED");
			});
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists", """
				{"regencyCode": "33.23", "name": "Kosong", "categories": []}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("categories");
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists", """
				{"regencyCode": "33.23.01", "name": "Kecamatan", "categories": [{"code": "1", "label": "A", "nationalCode": "1"}]}"""))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("REGENCY_REQUIRED");
		// another regency's list does not exist for this manager; other roles may not publish
		assertThat(post("manajer.temanggung", "/api/v1/ppks-lists", """
				{"regencyCode": "33.28", "name": "Tegal", "categories": [{"code": "1", "label": "A", "nationalCode": "1"}]}"""))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("fo.procot", "/api/v1/ppks-lists", """
				{"regencyCode": "33.28", "name": "Tegal", "categories": [{"code": "1", "label": "A", "nationalCode": "1"}]}"""))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(get("fo.procot", "/api/v1/ppks-lists?regencyCode=33.23")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("fo.procot", "/api/v1/ppks-lists")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(jdbc.sql("select count(*) from ppks_taxonomy").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void theManagerPublishesFromThePageLineByLine() throws Exception {
		var manager = DemoLogins.session(mvc, "manajer.temanggung");
		assertThat(mvc.get().uri("/ppks").session(manager)).hasStatusOk().bodyText()
			.contains("Daftar PPKS Kabupaten Temanggung", "daftar PPKS nasional", "1 | Anak balita terlantar | 1",
					"Terbitkan dan berlakukan", "href=\"/ppks\"");
		// a bad line is named by its number, in Indonesian, and nothing is published
		assertThat(mvc.post().uri("/ppks/terbitkan").session(manager).with(csrf()).param("kabupaten", "33.23")
			.param("name", "Indikator Temanggung").param("lines", "T01 | Balita gizi buruk | 1\n\nT02 | Lansia | 99\nT03 tanpa pemisah"))
			.hasStatusOk().bodyText()
			.contains("Baris 3: Kode nasional harus salah satu dari 26 jenis", "Baris 4: Tulis tiap baris sebagai",
					"T03 tanpa pemisah");
		assertThat(jdbc.sql("select count(*) from ppks_taxonomy where region_code = '33.23' and active")
			.query(Integer.class).single()).isZero();
		// pasted from a spreadsheet: tab-separated, with a district-added sensitivity
		MvcTestResult published = mvc.post().uri("/ppks/terbitkan").session(manager).with(csrf())
			.param("kabupaten", "33.23").param("name", "Indikator Temanggung")
			.param("lines", "T01\tBalita gizi buruk\t1\r\nT02\tRumah tidak layak huni\t24\tsensitif\r\n").exchange();
		assertThat(published).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/ppks?kabupaten=33.23");
		assertThat(published.getMvcResult().getFlashMap().get("notice")).isEqualTo("ppks.published");
		assertThat(mvc.get().uri("/ppks?kabupaten=33.23").session(manager)).hasStatusOk().bodyText()
			.contains("Berlaku: Indikator Temanggung", "→ 24 Fakir miskin", "T02 | Rumah tidak layak huni | 24 | sensitif",
					"Kembali ke daftar nasional");
		// the desk of Procot reads Tegal's list but publishes nothing, and Temanggung's is not theirs
		var desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/ppks").session(desk)).hasStatusOk().bodyText()
			.contains("Daftar PPKS Kabupaten Tegal").doesNotContain("Terbitkan dan berlakukan", "href=\"/ppks\"");
		assertThat(mvc.post().uri("/ppks/terbitkan").session(desk).with(csrf()).param("kabupaten", "33.28")
			.param("name", "X").param("lines", "1 | A | 1")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/ppks?kabupaten=33.23").session(desk)).hasStatus(HttpStatus.NOT_FOUND);
		// an administrator first chooses the regency
		assertThat(mvc.get().uri("/ppks").session(DemoLogins.session(mvc, "admin"))).hasStatusOk().bodyText()
			.contains("name=\"kabupaten\"");
	}
}
