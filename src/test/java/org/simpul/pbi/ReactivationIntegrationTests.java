package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.PdfTexts;
import org.simpul.shared.events.ReactivationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A reactivation request from the village to Dinsos, the ministry and BPJS (API.md "PBI-JK reactivation"): recorded
 * while the window is open (409 {@code WINDOW_CLOSED} with the day once it closed, unless a manager opened it
 * again), its health facility's letter required before it goes, each step by its own people, the letter numbered
 * in the district's series, the answer recorded, and the district's overview counting it all.
 */
@SimpulIntegrationTest
@RecordApplicationEvents
class ReactivationIntegrationTests {

	static final String PROCOT = PbiFixture.PROCOT;

	static final byte[] JPEG = PbiFixture.JPEG;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	/** The NIK of the last person {@link #deactivated} made. */
	String lastNik;

	MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	/** A person of Procot on a decree's list, removed {@code monthsAgo} months ago (window 6 months); their id. */
	String deactivated(String name, int monthsAgo) throws Exception {
		return deactivated(name, LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(monthsAgo));
	}

	/** A person of Procot on a decree's list, removed on {@code removed} (window 6 months); their id. */
	String deactivated(String name, LocalDate removed) throws Exception {
		PbiFixture.Listed listed = new PbiFixture(mvc).deactivated(name, removed);
		lastNik = listed.nik();
		return listed.personId();
	}

	MvcTestResult document(String user, String request, UUID document, String kind, byte[] bytes) {
		return new PbiFixture(mvc).document(user, request, document, kind, bytes);
	}

	String status(String request) {
		return jdbc.sql("select status from pbi_reactivation where id = cast(:id as uuid)").param("id", request)
			.query(String.class).single();
	}

	@Test
	void aRequestGoesFromTheVillageToDinsosAndTheMinistryEachStepByItsOwnPeople() throws Exception {
		String person = deactivated("Ibu Cuci Darah", 1);
		String body = """
				{"id": "%s", "personId": "%s", "category": "CHRONIC"}""".formatted(UUID.randomUUID(), person);
		// the programme manager of Dinkes records no requests; bad input is named
		assertThat(call("program.dinkes", "POST", "/api/v1/pbi/reactivations", body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "FLU"}""".formatted(person))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("category");
		assertThat(call("psm.pedeslohor", "POST", "/api/v1/pbi/reactivations", body)).hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult made = call("fo.procot", "POST", "/api/v1/pbi/reactivations", body);
		assertThat(made).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("DRAFT");
			assertThat(json).extractingPath("$.priority").isEqualTo("HIGH");
			assertThat(json).extractingPath("$.windowClosesOn").isNotNull();
		});
		String id = JsonPath.read(made.getResponse().getContentAsString(), "$.id");
		// a retry is the same request; a second request for the same person while one is under way is refused
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations", body)).hasStatus(HttpStatus.CREATED).bodyJson()
			.extractingPath("$.id").isEqualTo(id);
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "OTHER"}""".formatted(person))).hasStatus(HttpStatus.CONFLICT).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("REACTIVATION_UNDER_WAY");

		// not without the health facility's letter
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("DOCUMENT_REQUIRED");
		UUID letter = UUID.randomUUID();
		assertThat(document("fo.procot", id, letter, "HEALTH_LETTER", "not a photo".getBytes(StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(document("fo.procot", id, letter, "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.CREATED);
		assertThat(document("fo.procot", id, letter, "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.OK);
		assertThat(jdbc.sql("select content_cipher from pbi_document where id = :id").param("id", letter)
			.query(String.class).single()).startsWith("v1:");
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null)).hasStatusOk();

		// Dinsos' steps are Dinsos': the village may not verify; Dinsos returns it, the village sends it again
		assertThat(call("bo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/verify", null))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("operator.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/verify", null))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/return", "{\"reason\": \" \"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/return",
				"{\"reason\": \"Surat puskesmas tidak terbaca\"}")).hasStatusOk().bodyJson()
			.extractingPath("$.status").isEqualTo("RETURNED");
		assertThat(document("bo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.CREATED);
		assertThat(call("bo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null)).hasStatusOk();
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/letter", null))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("REACTIVATION_STEP_NOT_ALLOWED");
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/verify", null)).hasStatusOk();
		// documents stay as Dinsos verified them
		assertThat(document("fo.procot", id, UUID.randomUUID(), "KTP", JPEG)).hasStatus(HttpStatus.CONFLICT);
		MvcTestResult issued = call("manajer.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/letter", null);
		assertThat(issued).hasStatusOk();
		String number = JsonPath.read(issued.getResponse().getContentAsString(), "$.letterNumber");
		assertThat(number).matches("\\d{4}/PBI-JK/3328/\\d{4}");
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/enter", null)).hasStatusOk();
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/approve", null)).hasStatusOk();
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/decide", "{\"status\": \"MOVED_SEGMENT\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("segment");
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/decide", "{\"status\": \"ACTIVE\"}"))
			.hasStatusOk();
		assertThat(status(id)).isEqualTo("ACTIVE");
		MvcTestResult read = call("psm.procot", "GET", "/api/v1/pbi/reactivations/" + id, null);
		assertThat((List<String>) JsonPath.read(read.getResponse().getContentAsString(), "$.steps[*].status"))
			.containsExactly("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "VERIFIED", "LETTER_ISSUED", "ENTERED",
					"APPROVED", "ACTIVE");
		assertThat(events.stream(ReactivationEvent.class).filter(e -> e.reactivationId().toString().equals(id)))
			.extracting(ReactivationEvent::status).containsExactly("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED",
					"VERIFIED", "LETTER_ISSUED", "ENTERED", "APPROVED", "ACTIVE");
		// another village's people do not see it
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/pbi/reactivations/" + id, null)).hasStatus(HttpStatus.NOT_FOUND);
		// the next letter of the district is the next number
		String other = deactivated("Ibu Hamil Nonaktif", 2);
		String second = JsonPath.read(call("psm.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "MATERNITY"}""".formatted(other)).getResponse().getContentAsString(), "$.id");
		document("psm.procot", second, UUID.randomUUID(), "HEALTH_LETTER", JPEG);
		call("psm.procot", "POST", "/api/v1/pbi/reactivations/" + second + "/submit", null);
		call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + second + "/verify", null);
		String next = JsonPath.read(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + second + "/letter", null)
			.getResponse().getContentAsString(), "$.letterNumber");
		assertThat(Integer.parseInt(next.substring(0, 4))).isEqualTo(Integer.parseInt(number.substring(0, 4)) + 1);
	}

	@Test
	void theLetterSaysWhomDinsosPutsForwardAndItsCodeConfirmsItWithoutPersonalData() throws Exception {
		String person = deactivated("Ibu Surat Keterangan", 1);
		String nik = lastNik;
		String id = JsonPath.read(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CHRONIC"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		assertThat(document("fo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.CREATED);
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null)).hasStatusOk();
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/verify", null)).hasStatusOk();
		// no letter before Dinsos issues it
		assertThat(call("operator.tegal", "GET", "/api/v1/pbi/reactivations/" + id + "/letter", null))
			.hasStatus(HttpStatus.NOT_FOUND);
		String number = JsonPath.read(call("manajer.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/letter", null)
			.getResponse().getContentAsString(), "$.letterNumber");
		String code = jdbc.sql("select verification_code from pbi_reactivation where id = cast(:id as uuid)")
			.param("id", id).query(String.class).single();
		assertThat(code).matches("[0-9A-Z]{10}");

		MvcTestResult pdf = call("operator.tegal", "GET", "/api/v1/pbi/reactivations/" + id + "/letter", null);
		assertThat(pdf).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		assertThat(pdf.getResponse().getHeader("Cache-Control")).contains("no-store");
		// the text as one line: the PDF wraps it where the page ends
		String text = PdfTexts.of(pdf.getResponse().getContentAsByteArray()).replaceAll("\\s+", " ");
		assertThat(text).contains("PEMERINTAH KABUPATEN TEGAL — DINAS SOSIAL", "SURAT KETERANGAN PENGAKTIFAN KEMBALI",
				"PESERTA PENERIMA BANTUAN IURAN JAMINAN KESEHATAN (PBI-JK)", "Nomor: " + number,
				"Manajer SLRT Kabupaten Tegal, menerangkan bahwa:", "Nama: Ibu Surat Keterangan", "NIK: " + nik,
				"Alamat: Jl. Reaktivasi", "Desa/kelurahan: Procot, Kecamatan Slawi",
				"berdasarkan Keputusan Menteri Sosial Nomor SK Uji", "karena penyakit kronis",
				"diverifikasi oleh Dinas Sosial Kabupaten Tegal", "diusulkan untuk diaktifkan kembali sebagai peserta",
				"Nama Pejabat Contoh", "Kode verifikasi: " + code, "/verifikasi/pbi/" + code);
		// the sub-district's supervisor prints it from the page, with the NIK as his role sees it (masked)
		MvcTestResult page = mvc.get().uri("/pbi/pengajuan/{id}/surat.pdf", id).session(DemoLogins.session(mvc, "tksk.slawi"))
			.exchange();
		assertThat(page).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
		String village = PdfTexts.of(page.getResponse().getContentAsByteArray());
		assertThat(village).contains("Nomor: " + number, "Nama: Ibu Surat Keterangan").doesNotContain(nik);
		assertThat(mvc.get().uri("/pbi/pengajuan/{id}/surat.pdf", id).session(DemoLogins.session(mvc, "psm.pedeslohor"))
			.exchange()).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where action = 'PRINT' and object_type = 'PBI_REACTIVATION_LETTER'
				and object_id = cast(:id as uuid)""").param("id", id).query(Long.class).single()).isEqualTo(2);

		// anyone holding the letter confirms it, typed in lower case too; nothing about the person is shown
		MvcTestResult checked = mvc.get().uri("/verifikasi/pbi/{code}", code.toLowerCase()).exchange();
		assertThat(checked).hasStatusOk().bodyText().contains(number, "Dinas Sosial Kabupaten Tegal",
				"Berlaku").doesNotContain("Ibu Surat Keterangan", nik, "Procot", "Surat keterangan terbit");
		assertThat(mvc.get().uri("/verifikasi/pbi/{code}", "0000000000").exchange()).hasStatus(HttpStatus.NOT_FOUND)
			.bodyText().contains("tidak dikenal");
	}

	@Test
	void aDistrictThatAsksForTheVillagesSktmGetsItBeforeARequestGoes() throws Exception {
		String person = deactivated("Ibu Butuh Sktm", 1);
		String id = JsonPath.read(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "OTHER"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		assertThat(document("fo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", JPEG)).hasStatus(HttpStatus.CREATED);
		// the switch is the manager's
		assertThat(call("operator.tegal", "PUT", "/api/v1/pbi/settings", "{\"sktmRequired\": true}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("manajer.tegal", "PUT", "/api/v1/pbi/settings", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		try {
			assertThat(call("manajer.tegal", "PUT", "/api/v1/pbi/settings", "{\"sktmRequired\": true}")).hasStatusOk();
			assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null))
				.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().satisfies(json -> {
					assertThat(json).extractingPath("$.errors[0].field").isEqualTo("documents.SKTM");
					assertThat(json).extractingPath("$.errors[0].code").isEqualTo("SKTM_REQUIRED");
				});
			assertThat(document("fo.procot", id, UUID.randomUUID(), "SKTM", JPEG)).hasStatus(HttpStatus.CREATED);
			assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null)).hasStatusOk();
			assertThat(call("operator.tegal", "GET", "/api/v1/pbi/settings", null)).hasStatusOk().bodyJson()
				.extractingPath("$.sktmRequired").isEqualTo(true);
		}
		finally {
			call("manajer.tegal", "PUT", "/api/v1/pbi/settings", "{\"sktmRequired\": false}");
		}
	}

	@Test
	void aPersonRemovedAgainByALaterDecreeIsWithoutCoverAgain() throws Exception {
		PbiFixture pbi = new PbiFixture(mvc);
		PbiFixture.Listed person = pbi.deactivated("Dua Kali Nonaktif", LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(3));
		String first = pbi.entered(person, "CHRONIC");
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + first + "/decide", "{\"status\": \"ACTIVE\"}"))
			.hasStatusOk();
		pbi.listedAgain(person, "Dua Kali Nonaktif", LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(3));
		String list = call("psm.procot", "GET", "/api/v1/pbi/deactivations?villageCode=" + PROCOT + "&size=200", null)
			.getResponse().getContentAsString();
		// the earlier listing was answered; the later one stands without a request, and may be asked for
		assertThat((List<String>) JsonPath.read(list, "$.content[?(@.personId == '%s')].reactivationStatus"
			.formatted(person.personId()))).containsExactlyInAnyOrder("ACTIVE", null);
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CHRONIC"}""".formatted(person.personId()))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aClosedWindowRefusesTheRequestWithItsDayUntilAManagerOpensItAgain() throws Exception {
		String person = deactivated("Bapak Terlambat", 7);
		MvcTestResult refused = call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CATASTROPHIC"}""".formatted(person));
		assertThat(refused).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.errors[0].code").isEqualTo("WINDOW_CLOSED");
			assertThat(json).extractingPath("$.windowClosedOn")
				.isEqualTo(LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(7).plusMonths(6).toString());
		});
		assertThat(jdbc.sql("select count(*) from pbi_reactivation where person_id = cast(:p as uuid)").param("p", person)
			.query(Long.class).single()).isZero();
		String deactivation = jdbc.sql("select cast(id as text) from pbi_deactivation where person_id = cast(:p as uuid)")
			.param("p", person).query(String.class).single();
		String exception = "/api/v1/pbi/deactivations/" + deactivation + "/window-exception";
		assertThat(call("operator.tegal", "POST", exception, "{\"reason\": \"Dirawat di RS\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("manajer.temanggung", "POST", exception, "{\"reason\": \"Dirawat di RS\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("manajer.tegal", "POST", exception, "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("manajer.tegal", "POST", exception, "{\"reason\": \"Dirawat di RS selama masa pengajuan\"}"))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CATASTROPHIC"}""".formatted(person))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void theDistrictsOverviewCountsRemovalsRequestsAnswersAndClosingWindows() throws Exception {
		MvcTestResult before = call("manajer.tegal", "GET", "/api/v1/pbi/overview?regionCode=33.28", null);
		assertThat(before).hasStatusOk();
		long deactivated = ((Number) JsonPath.read(before.getResponse().getContentAsString(), "$.deactivated")).longValue();
		long rejected = ((Number) JsonPath.read(before.getResponse().getContentAsString(), "$.rejected")).longValue();
		long closingSoon = ((Number) JsonPath.read(before.getResponse().getContentAsString(), "$.windowsClosingIn7Days"))
			.longValue();
		// a window closing in three days, nobody has asked yet: the district sees it coming
		String closing = deactivated("Ibu Hampir Tutup", LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(3).minusMonths(6));
		assertThat(((Number) JsonPath.read(call("manajer.tegal", "GET", "/api/v1/pbi/overview?regionCode=33.28", null)
			.getResponse().getContentAsString(), "$.windowsClosingIn7Days")).longValue()).isEqualTo(closingSoon + 1);
		assertThat(call("psm.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "EMERGENCY"}""".formatted(closing))).hasStatus(HttpStatus.CREATED);
		String person = deactivated("Bapak Ditolak", 1);
		String id = JsonPath.read(call("fo.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "OTHER"}""".formatted(person)).getResponse().getContentAsString(), "$.id");
		document("fo.procot", id, UUID.randomUUID(), "HEALTH_LETTER", JPEG);
		call("fo.procot", "POST", "/api/v1/pbi/reactivations/" + id + "/submit", null);
		assertThat(call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + id + "/decide",
				"{\"status\": \"REJECTED\", \"reason\": \"Bukan warga miskin\"}")).hasStatusOk();
		String after = call("manajer.tegal", "GET", "/api/v1/pbi/overview?regionCode=33.28", null).getResponse()
			.getContentAsString();
		assertThat(((Number) JsonPath.read(after, "$.deactivated")).longValue()).isEqualTo(deactivated + 2);
		assertThat(((Number) JsonPath.read(after, "$.windowsClosingIn7Days")).longValue()).isEqualTo(closingSoon);
		assertThat(((Number) JsonPath.read(after, "$.rejected")).longValue()).isEqualTo(rejected + 1);
		assertThat(((Number) JsonPath.read(after, "$.requests.REJECTED")).longValue()).isEqualTo(rejected + 1);
		assertThat(call("manajer.temanggung", "GET", "/api/v1/pbi/overview?regionCode=33.28", null))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aPersonListedBeforeBeingRegisteredIsLinkedAndTheirClosedWindowStillHolds() throws Exception {
		LocalDate born = LocalDate.of(1961, 11, 11);
		String nik = TestIdentifiers.nik("33.28.10", born, Sex.F);
		LocalDate removed = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(8);
		assertThat(mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", "NIK;Nama;Tanggal_Nonaktif\n%s;Ibu Belum Terdaftar;%s\n".formatted(nik, removed)
				.getBytes(StandardCharsets.UTF_8))
			.param("decree", "SK Uji " + UUID.randomUUID()).param("effectiveDate", removed.toString())
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange())
			.hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.rowsMatched").isEqualTo(0);
		assertThat(call("psm.procot", "GET", "/api/v1/pbi/deactivations?size=200", null).getResponse().getContentAsString())
			.doesNotContain("Ibu Belum Terdaftar");
		// the village registers her: she is on its list now, and her window closed all the same
		MvcTestResult made = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "001", "rw": "002", "address": "Jl. Terlambat",
				 "members": [{"nik": "%s", "name": "Ibu Belum Terdaftar", "birthDate": "%s", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), PROCOT, nik, born));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		String person = JsonPath.read(made.getResponse().getContentAsString(), "$.members[0].id");
		assertThat(call("psm.procot", "GET", "/api/v1/pbi/deactivations?size=200", null).getResponse().getContentAsString())
			.contains("Ibu Belum Terdaftar");
		assertThat(call("psm.procot", "POST", "/api/v1/pbi/reactivations", """
				{"personId": "%s", "category": "CHRONIC"}""".formatted(person))).hasStatus(HttpStatus.CONFLICT).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("WINDOW_CLOSED");
	}
}
