package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** XLSX registry files: Excel dates read, numeric NIKs and formulas refused, ZIP bombs stopped at the door. */
@SimpulIntegrationTest
class XlsxImportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.simpul.shared.crypto.BlindIndex index;

	private MvcTestResult upload(String fileName, byte[] content) {
		return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/registry/imports")
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal")));
	}

	@Test
	void importsAWorkbookWithExcelDatesAndRefusesNumericNiksAndFormulas() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1977, 11, 3), Sex.M);
		String wife = TestIdentifiers.nik("33.28.10", LocalDate.of(1981, 2, 14), Sex.F);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		Workbook workbook = new Workbook(bytes, "Simpul", "1.0");
		Worksheet sheet = workbook.newWorksheet("Registri");
		String[] header = { "no_kk", "nik", "nama", "tanggal_lahir", "jenis_kelamin", "hubungan_keluarga", "kode_desa" };
		for (int c = 0; c < header.length; c++) {
			sheet.value(0, c, header[c]);
		}
		Object[][] rows = { { kk, head, "Soetarno", LocalDate.of(1977, 11, 3), "L", "1", "33.28.10.1008" },
				{ kk, wife, "Wartinah", "14/02/1981", "P", "istri", "33.28.10.1008" },
				{ kk, 3328101203990001L, "Nomor Angka", "12/03/1999", "L", "anak", "33.28.10.1008" },
				{ kk, TestIdentifiers.nik("33.28.10", LocalDate.of(2001, 1, 1), Sex.M), null, "01/01/2001", "L", "anak",
						"33.28.10.1008" } };
		for (int r = 0; r < rows.length; r++) {
			for (int c = 0; c < rows[r].length; c++) {
				Object value = rows[r][c];
				if (value instanceof LocalDate date) {
					sheet.value(r + 1, c, date);
					sheet.style(r + 1, c).format("dd-mm-yyyy").set();
				}
				else if (value instanceof Long number) {
					sheet.value(r + 1, c, number);
				}
				else if (value != null) {
					sheet.value(r + 1, c, value.toString());
				}
			}
		}
		sheet.formula(4, 2, "HYPERLINK(\"http://contoh\")");
		workbook.finish();

		MvcTestResult accepted = upload("registri.xlsx", bytes.toByteArray());
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
		String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
		String token = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		String status = "";
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline) && !status.contains("COMPLETED") && !status.contains("FAILED")) {
			Thread.sleep(200);
			status = mvc.get().uri("/api/v1/registry/imports/{id}", id).header("Authorization", token).exchange()
				.getResponse().getContentAsString();
		}
		assertThat((String) JsonPath.read(status, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(status, "$.rowsImported")).isEqualTo(2);
		assertThat((Integer) JsonPath.read(status, "$.rowsRejected")).isEqualTo(2);
		assertThat(jdbc.sql("select birth_date from person where nik_index = :nik").param("nik", index.of(org.simpul.shared.crypto.BlindIndex.Kind.NIK, head)).query(LocalDate.class)
			.single()).isEqualTo(LocalDate.of(1977, 11, 3));
		String csv = mvc.get().uri("/api/v1/registry/imports/{id}/rejections", id).header("Authorization", token)
			.exchange().getResponse().getContentAsString();
		assertThat(csv).contains("\"4\",\"nik: NIK_NOT_DIGITS\"").contains("\"5\",\"nama: NAME_INVALID\"")
			.doesNotContain(",\"=HYPERLINK");
	}

	@Test
	void refusesAZipBombBeforeUnpackingIt() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 80; i++) {
				zip.write(zeros); // 80 MB of zeros, a few hundred kilobytes packed
			}
			zip.closeEntry();
		}
		assertThat(bytes.size()).isLessThan(1 << 20);
		assertThat(upload("bom.xlsx", bytes.toByteArray())).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("XLSX_ZIP_BOMB");
	}
}
