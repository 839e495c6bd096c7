package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.pbi.PbiFixture.Listed;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.registry.XlsxFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Who goes first on the list of people removed from PBI-JK (DOMAIN.md §10), and why: a referral to a health
 * provider, a chronic illness recorded in the family's assessment, a baby in a listed mother's household (named on
 * her line, and asked for from there), a request for an urgent need; the rest after them. The baby, on no list, is
 * asked for all the same, and a second tap opens the request already made. A health complaint about someone on no
 * list offers the request too. The list and the worklist come as spreadsheets, within the reader's territory.
 */
@SimpulIntegrationTest
class PbiPriorityIntegrationTests {

	static final String PROCOT = "33.28.10.1008";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	String complaint(PbiFixture pbi, String category, String personId) throws Exception {
		MvcTestResult made = pbi.call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "%s", "villageCode": "%s", "description": "Perlu bantuan",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(category, PROCOT, personId));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(made.getResponse().getContentAsString(), "$.id");
	}

	@Test
	void priorityCasesComeFirstWithTheirReasonsAndABabyIsAskedForFromItsMothersLine() throws Exception {
		PbiFixture pbi = new PbiFixture(mvc);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		// a mother on the list, her baby of three months and her older child (on no list)
		PbiFixture.Family family = pbi.motherWithBaby("Ibu Prioritas Bayi", "Bayi Prioritas");
		String mother = family.motherId();
		String baby = family.babyId();
		String olderChild = family.olderChildId();
		Listed referred = pbi.deactivated("Bapak Prioritas Rujukan");
		Listed chronic = pbi.deactivated("Ibu Prioritas Kronis");
		Listed urgent = pbi.deactivated("Bapak Prioritas Mendesak");
		Listed plain = pbi.deactivated("Ibu Prioritas Biasa");

		// a referral to the district's health office, from a social complaint
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		assertThat(pbi.call("tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu berobat rutin"}"""
			.formatted(complaint(pbi, "SOCIAL", referred.personId()), provider))).hasStatus(HttpStatus.CREATED);
		// an assessment of the family that recorded a chronic illness
		String form = JsonPath.read(pbi.call("psm.procot", "GET",
				"/api/v1/assessment-forms?kind=DEEP&regionCode=" + PROCOT, null).getResponse().getContentAsString(), "$.id");
		String chronicComplaint = complaint(pbi, "SOCIAL", chronic.personId());
		assertThat(pbi.call("psm.procot", "POST", "/api/v1/complaints/" + chronicComplaint + "/assessments", """
				{"formId": "%s", "answers": {"visitDate": "%s", "metFamily": true, "roof": "TILE",
				 "wall": "BAMBOO", "floor": "EARTH", "floorAreaM2": 36.0, "electricity": "PLN_450",
				 "latrine": "NONE", "drinkingWater": "UNPROTECTED_WELL", "headWork": "BURUH_TANI",
				 "monthlyIncome": 900000, "ownsLand": false, "chronicIllness": true, "jkn": "PBI_NONAKTIF",
				 "disability": false, "childrenOutOfSchool": 0, "rootCause": "Sakit menahun",
				 "programs": ["PBI_JK"]}}""".formatted(form, today.minusDays(1)))).hasStatus(HttpStatus.CREATED);
		// a request for an emergency under way
		assertThat(pbi.call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "EMERGENCY"}""".formatted(urgent.personId()))).hasStatus(HttpStatus.CREATED);

		MvcTestResult listed = pbi.call("operator.tegal", "GET", "/api/v1/pbi/deactivations?villageCode=" + PROCOT
				+ "&size=200", null);
		assertThat(listed).hasStatusOk();
		String body = listed.getResponse().getContentAsString();
		assertThat(reasons(body, mother)).containsExactly("BABY");
		assertThat(reasons(body, referred.personId())).containsExactly("HEALTH_REFERRAL");
		assertThat(reasons(body, chronic.personId())).containsExactly("CHRONIC_ILLNESS");
		assertThat(reasons(body, urgent.personId())).containsExactly("URGENT_REQUEST");
		assertThat(reasons(body, plain.personId())).isEmpty();
		assertThat(JsonPath.<List<String>>read(body, "$.content[?(@.personId == '%s')].babies[0].name".formatted(mother)))
			.containsExactly("Bayi Prioritas");
		assertThat(JsonPath.<List<String>>read(body, "$.content[?(@.personId == '%s')].priority".formatted(plain.personId())))
			.containsExactly("NORMAL");
		// open windows first; among them every priority case before the rest
		List<Map<String, Object>> rows = JsonPath.read(body, "$.content[?(@.windowOpen == true)]");
		int lastHigh = -1;
		int firstNormal = Integer.MAX_VALUE;
		for (int i = 0; i < rows.size(); i++) {
			if ("HIGH".equals(rows.get(i).get("priority"))) {
				lastHigh = i;
			}
			else {
				firstNormal = Math.min(firstNormal, i);
			}
		}
		assertThat(lastHigh).isLessThan(firstNormal);

		// the volunteer sees why, and asks for the baby from the mother's line
		MockHttpSession psm = DemoLogins.session(mvc, "psm.procot");
		assertThat(mvc.get().uri("/pbi").session(psm)).hasStatusOk().bodyText().contains("Ibu dengan bayi di bawah 1 tahun",
				"Bayi Prioritas", "Ajukan untuk bayi", "Dirujuk ke layanan kesehatan",
				"Penyakit kronis/katastropik tercatat di asesmen keluarga", "Pengajuan mendesak sedang berjalan");
		MvcTestResult asked = mvc.post().uri("/pbi/ajukan").session(psm).with(csrf()).param("personId", baby)
			.param("category", "OTHER").exchange();
		assertThat(asked).hasStatus(HttpStatus.FOUND);
		String page = asked.getResponse().getRedirectedUrl();
		assertThat(page).startsWith("/pbi/pengajuan/");
		String request = page.substring(page.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("select count(*) from pbi_reactivation where id = cast(:id as uuid) and deactivation_id is null"
				+ " and person_id = cast(:baby as uuid)").param("id", request).param("baby", baby).query(Long.class).single())
			.isEqualTo(1);
		// a second tap opens the request already made, and makes no other
		MvcTestResult again = mvc.post().uri("/pbi/ajukan").session(psm).with(csrf()).param("personId", baby)
			.param("category", "OTHER").exchange();
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(page);
		assertThat(again.getMvcResult().getFlashMap().get("notice")).isEqualTo("problem.REACTIVATION_UNDER_WAY");
		assertThat(jdbc.sql("select count(*) from pbi_reactivation where person_id = cast(:baby as uuid)").param("baby", baby)
			.query(Long.class).single()).isEqualTo(1);

		// a health complaint about the baby shows the request; one about someone on no list offers it
		MockHttpSession desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint(pbi, "HEALTH", baby)).session(desk)).hasStatusOk().bodyText()
			.contains("tidak ada di daftar PBI-JK nonaktif", "Pengajuan reaktivasi:", "Draf (dokumen dilengkapi)")
			.doesNotContain("Masa pengajuan reaktivasi sudah berakhir");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint(pbi, "HEALTH", olderChild)).session(desk)).hasStatusOk()
			.bodyText().contains("tidak ada di daftar PBI-JK nonaktif", "Ajukan reaktivasi");

		// the list and the worklist as spreadsheets, for the district and for the village
		assertThat(xlsx("operator.tegal", "/api/v1/pbi/deactivations.xlsx?villageCode=" + PROCOT)).contains(
				"Ibu Prioritas Bayi", "Ibu dengan bayi di bawah 1 tahun", "Bayi Prioritas (", "Ibu Prioritas Biasa",
				"Dirujuk ke layanan kesehatan", "Procot");
		assertThat(xlsx("operator.tegal", "/api/v1/pbi/reactivations.xlsx?status=DRAFT")).contains("Bayi Prioritas",
				"Bapak Prioritas Mendesak", "Draf");
		MvcTestResult villageSheet = mvc.get().uri("/pbi/daftar.xlsx").session(psm).exchange();
		assertThat(villageSheet).hasStatusOk();
		assertThat(villageSheet.getResponse().getHeader("Content-Disposition")).contains("pbi-jk-nonaktif-33281");
		// outside the reader's territory: 404, and nothing written
		assertThat(pbi.call("psm.pedeslohor", "GET", "/api/v1/pbi/deactivations.xlsx?villageCode=" + PROCOT, null))
			.hasStatus(HttpStatus.NOT_FOUND).headers().doesNotContainHeader("Content-Disposition");
		assertThat(pbi.call("psm.pedeslohor", "GET", "/api/v1/pbi/reactivations.xlsx?villageCode=" + PROCOT, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(pbi.call("operator.tegal", "GET", "/api/v1/pbi/reactivations.xlsx?status=NONSENSE", null))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("status");

		// a later assessment that finds no chronic illness takes the reason back
		assertThat(pbi.call("psm.procot", "POST", "/api/v1/complaints/" + chronicComplaint + "/assessments", """
				{"formId": "%s", "answers": {"visitDate": "%s", "metFamily": true, "roof": "TILE",
				 "wall": "BAMBOO", "floor": "EARTH", "floorAreaM2": 36.0, "electricity": "PLN_450",
				 "latrine": "NONE", "drinkingWater": "UNPROTECTED_WELL", "headWork": "BURUH_TANI",
				 "monthlyIncome": 900000, "ownsLand": false, "chronicIllness": false,
				 "disability": false, "childrenOutOfSchool": 0, "rootCause": "Sudah sembuh",
				 "programs": ["PBI_JK"]}}""".formatted(form, today))).hasStatus(HttpStatus.CREATED);
		// a baby under a restriction of processing is neither named nor a reason
		assertThat(pbi.call("dpo.tegal", "PUT", "/api/v1/data-subjects/" + baby + "/restriction", null)).hasStatusOk();
		try {
			String after = pbi.call("operator.tegal", "GET", "/api/v1/pbi/deactivations?villageCode=" + PROCOT
					+ "&size=200", null).getResponse().getContentAsString();
			assertThat(reasons(after, chronic.personId())).isEmpty();
			assertThat(reasons(after, mother)).isEmpty();
			assertThat(JsonPath.<List<List<Object>>>read(after,
					"$.content[?(@.personId == '%s')].babies".formatted(mother))).containsExactly(List.of());
			assertThat(xlsx("operator.tegal", "/api/v1/pbi/deactivations.xlsx?villageCode=" + PROCOT))
				.doesNotContain("Bayi Prioritas");
		}
		finally {
			assertThat(pbi.call("dpo.tegal", "DELETE", "/api/v1/data-subjects/" + baby + "/restriction", null))
				.hasStatus(HttpStatus.NO_CONTENT);
		}
	}

	@Test
	void someoneTheRegistryDoesNotHoldIsProposedForDtsenFromTheDistrictsList() throws Exception {
		// removed almost six months ago: the window closes in two days, near the top of the district's list
		LocalDate removed = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(6).plusDays(2);
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1961, 8, 17), Sex.M);
		String decree = "SK Luar Registri " + UUID.randomUUID();
		assertThat(mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", "NIK;Nama;Tanggal_Nonaktif\n%s;Bapak Belum Terdaftar;%s\n".formatted(nik, removed)
				.getBytes(StandardCharsets.UTF_8))
			.param("decree", decree).param("effectiveDate", removed.toString()).param("windowMonths", "6")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange())
			.hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.rowsMatched").isEqualTo(0);
		String listing = jdbc.sql("select cast(id as text) from pbi_deactivation where decree = :decree")
			.param("decree", decree).query(String.class).single();
		MockHttpSession dinsos = DemoLogins.session(mvc, "operator.tegal");
		assertThat(mvc.get().uri("/pbi").session(dinsos)).hasStatusOk().bodyText().contains("Usulkan masuk DTSEN");
		assertThat(mvc.get().uri("/pbi").session(dinsos).exchange().getResponse().getContentAsString())
			.contains("/usulan/baru?pbi=" + listing);
		// the new family's form starts with them, NIK whole for Dinsos' data desk, and says why
		assertThat(mvc.get().uri("/usulan/baru?pbi=" + listing).session(dinsos)).hasStatusOk().bodyText()
			.contains("Bapak Belum Terdaftar", nik, "Tercantum di daftar PBI-JK nonaktif (" + decree + ")");
		// not a village's: such rows are the district's; nor a listing matched to a registered person
		assertThat(mvc.get().uri("/usulan/baru?pbi=" + listing).session(DemoLogins.session(mvc, "psm.procot")))
			.hasStatus(HttpStatus.NOT_FOUND);
		String matched = jdbc.sql("select cast(id as text) from pbi_deactivation where person_id is not null"
				+ " and village_code = '33.28.10.1008' limit 1")
			.query(String.class).single();
		assertThat(mvc.get().uri("/usulan/baru?pbi=" + matched).session(dinsos)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aPersonMadeActiveAndRemovedAgainShowsNoCoverOnTheComplaintPage() throws Exception {
		PbiFixture pbi = new PbiFixture(mvc);
		Listed person = pbi.deactivated("Ibu Dua Kali Nonaktif", LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(4));
		String first = pbi.entered(person, "CHRONIC");
		assertThat(pbi.call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + first + "/decide",
				"{\"status\": \"ACTIVE\"}")).hasStatusOk();
		String complaint = complaint(pbi, "HEALTH", person.personId());
		MockHttpSession desk = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint).session(desk)).hasStatusOk().bodyText()
			.contains("Aktif kembali");
		// a later decree removes her again: the new listing has no request, whatever the old one became
		pbi.listedAgain(person, "Ibu Dua Kali Nonaktif", LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(3));
		assertThat(mvc.get().uri("/pengaduan/{id}", complaint).session(desk)).hasStatusOk().bodyText()
			.contains("Orang ini dinonaktifkan dari PBI-JK (SK Ulang", "Ajukan reaktivasi")
			.doesNotContain("Aktif kembali");
	}

	private static List<String> reasons(String body, String personId) {
		List<List<String>> found = JsonPath.read(body, "$.content[?(@.personId == '%s')].priorityReasons".formatted(personId));
		assertThat(found).as("listed once: " + personId).hasSize(1);
		return found.getFirst();
	}

	private String xlsx(String user, String uri) throws Exception {
		MvcTestResult got = new PbiFixture(mvc).call(user, "GET", uri, null);
		assertThat(got).hasStatusOk();
		Path xlsx = Files.createTempFile("pbi", ".xlsx");
		Path csv = Files.createTempFile("pbi", ".csv");
		try {
			Files.write(xlsx, got.getResponse().getContentAsByteArray());
			XlsxFiles.toCsv(xlsx, csv);
			return Files.readString(csv);
		}
		finally {
			Files.deleteIfExists(xlsx);
			Files.deleteIfExists(csv);
		}
	}
}
