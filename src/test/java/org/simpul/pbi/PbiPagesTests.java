package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.registry.XlsxFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The PBI-JK pages as their users walk them: Dinsos imports a decree's list on its page (a bad file answers the
 * form again with the reason); the village's volunteer sees "PBI-JK nonaktif" with her people, asks for a
 * reactivation, photographs the health facility's letter and submits; Dinsos verifies, issues the letter and
 * records the answer from the request's page; a double tap on a move says it was done, once.
 */
@SimpulIntegrationTest
class PbiPagesTests {

	static final String PROCOT = "33.28.10.1008";

	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0 };

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theVolunteerAsksAndDinsosAnswersFromThePages() throws Exception {
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1969, 6, 9), Sex.F);
		MvcTestResult made = DemoLogins.call(mvc, "operator.tegal", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "001", "rw": "002", "address": "Jl. Halaman PBI",
				 "members": [{"nik": "%s", "name": "Ibu Halaman Pbi", "birthDate": "1969-06-09", "sex": "F",
				              "relationship": "HEAD"}]}""".formatted(TestIdentifiers.kk("33.28.10"), PROCOT, nik));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		String person = JsonPath.read(made.getResponse().getContentAsString(), "$.members[0].id");
		LocalDate removed = LocalDate.now(ZoneId.of("Asia/Jakarta")).minusMonths(2);

		// Dinsos imports the list on its page
		MockHttpSession dinsos = DemoLogins.session(mvc, "operator.tegal");
		assertThat(mvc.get().uri("/pbi/impor").session(dinsos)).hasStatusOk().bodyText().contains("Nomor SK");
		MvcTestResult bad = mvc.perform(multipart("/pbi/impor").file(new MockMultipartFile("file", "sk.csv", "text/csv",
					"Nomor;Nama\n1;A\n".getBytes(StandardCharsets.UTF_8)))
			.param("decree", "SK Halaman").param("effectiveDate", removed.toString()).param("windowMonths", "6")
			.session(dinsos).with(csrf()));
		assertThat(bad).hasStatusOk().bodyText().contains("Baris judul harus memuat kolom NIK, Nama dan Tanggal_Nonaktif.")
			.contains("SK Halaman");
		MvcTestResult imported = mvc.perform(multipart("/pbi/impor").file(new MockMultipartFile("file", "sk.csv", "text/csv",
					"NIK;Nama;Tanggal_Nonaktif\n%s;Ibu Halaman Pbi;%s\n".formatted(nik, removed)
						.getBytes(StandardCharsets.UTF_8)))
			.param("decree", "SK Halaman " + nik.substring(10)).param("effectiveDate", removed.toString())
			.param("windowMonths", "6").session(dinsos).with(csrf()));
		assertThat(imported).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri(imported.getResponse().getRedirectedUrl()).session(dinsos)).hasStatusOk().bodyText()
			.contains("1 baris dibaca: 1 ada di registri, 0 ditolak");

		// the volunteer's list and her request
		MockHttpSession psm = DemoLogins.session(mvc, "psm.procot");
		assertThat(mvc.get().uri("/pbi").session(psm)).hasStatusOk().bodyText().contains("Ibu Halaman Pbi",
				"Ajukan reaktivasi", "Bisa diajukan s.d.");
		// her list is kept on her phone for the field (not another village's filter or a later page)
		assertThat(mvc.get().uri("/pbi").session(psm)).headers().containsHeader("X-Simpul-Offline");
		assertThat(mvc.get().uri("/pbi?page=1").session(psm)).headers().doesNotContainHeader("X-Simpul-Offline");
		assertThat(mvc.get().uri("/pbi/impor").session(psm)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult asked = mvc.post().uri("/pbi/ajukan").session(psm).with(csrf()).param("personId", person)
			.param("category", "CHRONIC").exchange();
		assertThat(asked).hasStatus(HttpStatus.FOUND);
		String page = asked.getResponse().getRedirectedUrl();
		String id = page.substring(page.lastIndexOf('/') + 1);
		assertThat(mvc.get().uri(page).session(psm)).hasStatusOk().bodyText().contains("Reaktivasi PBI-JK: Ibu Halaman Pbi",
				"Draf (dokumen dilengkapi)", "Tambah dokumen", "Ajukan ke Dinsos");
		MvcTestResult early = mvc.post().uri(page + "/ajukan").session(psm).with(csrf()).exchange();
		assertThat(early.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.DOCUMENT_REQUIRED");
		String documentId = UUID.randomUUID().toString();
		for (int tap = 0; tap < 2; tap++) {
			assertThat(mvc.perform(multipart(page + "/dokumen").file(new MockMultipartFile("file", "surat.jpg", "image/jpeg", JPEG))
				.param("documentId", documentId).param("kind", "HEALTH_LETTER").session(psm).with(csrf())))
				.hasStatus(HttpStatus.FOUND);
		}
		assertThat(jdbc.sql("select count(*) from pbi_document where reactivation_id = cast(:id as uuid)").param("id", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(mvc.post().uri(page + "/ajukan").session(psm).with(csrf()).exchange().getMvcResult().getFlashMap()
			.get("notice")).isEqualTo("pbi.moved");
		// a second tap finds it submitted already and says it is done; one step on the history
		assertThat(mvc.post().uri(page + "/ajukan").session(psm).with(csrf()).exchange().getMvcResult().getFlashMap()
			.get("notice")).isEqualTo("pbi.moved");
		// a step the request cannot take from here is refused with the reason
		assertThat(mvc.post().uri(page + "/batalkan").session(psm).with(csrf()).param("reason", "Ganda").exchange()
			.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.REACTIVATION_STEP_NOT_ALLOWED");
		assertThat(jdbc.sql("select count(*) from pbi_reactivation_step where reactivation_id = cast(:id as uuid)"
				+ " and status = 'SUBMITTED'").param("id", id).query(Long.class).single()).isEqualTo(1);

		// Dinsos works it from the page
		assertThat(mvc.get().uri(page).session(dinsos)).hasStatusOk().bodyText().contains("Dokumen lengkap, verifikasi",
				"Kembalikan ke desa");
		mvc.post().uri(page + "/verifikasi").session(dinsos).with(csrf()).exchange();
		mvc.post().uri(page + "/surat").session(dinsos).with(csrf()).exchange();
		assertThat(mvc.get().uri(page).session(dinsos)).hasStatusOk().bodyText()
			.contains("Surat keterangan pengaktifan kembali No. ", "Sudah diinput ke SIKS-NG");
		mvc.post().uri(page + "/input").session(dinsos).with(csrf()).exchange();
		// the day's list for SIKS-NG holds her, with the whole NIK; not for a village's user
		assertThat(mvc.get().uri("/pbi/pengajuan").session(dinsos)).hasStatusOk().bodyText()
			.contains("Daftar diinput ke SIKS-NG hari ini (XLSX)");
		MvcTestResult entered = mvc.get().uri("/pbi/diinput.xlsx").session(dinsos).exchange();
		assertThat(entered).hasStatusOk();
		Path enteredXlsx = Files.createTempFile("pbi", ".xlsx");
		Path enteredCsv = Files.createTempFile("pbi", ".csv");
		try {
			Files.write(enteredXlsx, entered.getResponse().getContentAsByteArray());
			XlsxFiles.toCsv(enteredXlsx, enteredCsv);
			assertThat(Files.readString(enteredCsv)).contains(nik, "Ibu Halaman Pbi", "Procot", "Penyakit kronis",
					"/PBI-JK/3328/", "SK Halaman");
		}
		finally {
			Files.deleteIfExists(enteredXlsx);
			Files.deleteIfExists(enteredCsv);
		}
		assertThat(mvc.get().uri("/pbi/diinput.xlsx").session(psm)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult noSegment = mvc.post().uri(page + "/hasil").session(dinsos).with(csrf())
			.param("outcome", "MOVED_SEGMENT").exchange();
		assertThat(noSegment.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.REQUIRED");
		// a district-paid place needs the month's quota: none left, refused; the manager sets it on the overview
		MockHttpSession manager = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.post().uri("/pbi/kuota").session(dinsos).with(csrf()).param("places", "1000").exchange())
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/pbi/kuota").session(manager).with(csrf()).param("places", "banyak").exchange()
			.getMvcResult().getFlashMap().get("warning")).isEqualTo("problem.INVALID_VALUE");
		mvc.post().uri("/pbi/kuota").session(manager).with(csrf()).param("places", "0").exchange();
		assertThat(mvc.post().uri(page + "/hasil").session(dinsos).with(csrf()).param("outcome", "MOVED_SEGMENT")
			.param("segment", "PBI_APBD").exchange().getMvcResult().getFlashMap().get("warning"))
			.isEqualTo("problem.QUOTA_EXHAUSTED");
		assertThat(mvc.post().uri("/pbi/kuota").session(manager).with(csrf()).param("places", "1000").exchange()
			.getMvcResult().getFlashMap().get("notice")).isEqualTo("pbi.d.quota.saved");
		mvc.post().uri(page + "/hasil").session(dinsos).with(csrf()).param("outcome", "MOVED_SEGMENT")
			.param("segment", "PBI_APBD").exchange();
		assertThat(mvc.get().uri(page).session(psm)).hasStatusOk().bodyText().contains("Aktif, pindah segmen",
				"Pindah ke PBI-APBD (dibayar kabupaten)");
		assertThat(mvc.get().uri("/pbi/pengajuan").session(dinsos)).hasStatusOk().bodyText().contains("Ibu Halaman Pbi");
		assertThat(mvc.get().uri("/pbi/ringkasan").session(manager)).hasStatusOk().bodyText().contains("Dinonaktifkan",
				"Aktif, pindah segmen", "Belum punya jaminan", "Slawi", "Kuota PBI-APBD", "1.000 tempat",
				"Hari per langkah", "Diajukan → diverifikasi Dinsos", "Simpan kuota");
		assertThat(mvc.get().uri("/pbi/ringkasan").session(dinsos)).hasStatusOk().bodyText().contains("Kuota PBI-APBD")
			.doesNotContain("Simpan kuota");
		// a sub-district's page lists its villages; the same as a workbook
		assertThat(mvc.get().uri("/pbi/ringkasan?wilayah=33.28.10").session(dinsos)).hasStatusOk().bodyText()
			.contains("Procot");
		MvcTestResult workbook = mvc.get().uri("/pbi/ringkasan.xlsx?wilayah=33.28.10").session(dinsos).exchange();
		assertThat(workbook).hasStatusOk();
		assertThat(workbook.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
		Path xlsx = Files.createTempFile("pbi", ".xlsx");
		Path csv = Files.createTempFile("pbi", ".csv");
		try {
			Files.write(xlsx, workbook.getResponse().getContentAsByteArray());
			XlsxFiles.toCsv(xlsx, csv);
			assertThat(Files.readString(csv)).contains("Belum punya jaminan", "33.28.10.1008", "Procot");
		}
		finally {
			Files.deleteIfExists(xlsx);
			Files.deleteIfExists(csv);
		}
		assertThat(mvc.get().uri("/pbi/ringkasan?wilayah=33.23").session(dinsos)).hasStatus(HttpStatus.NOT_FOUND);
		// another village's volunteer does not reach it
		assertThat(mvc.get().uri(page).session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}
}
