package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
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
	BlindIndex index;

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
		assertThat(jdbc.sql("select birth_date from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, head)).query(LocalDate.class)
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

	/** A small workbook written by hand, its first sheet's XML as given: what a forger sends. */
	private static byte[] handMadeWorkbook(String sheetData) throws Exception {
		return handMadeWorkbook(sheetData, "worksheets/sheet1.xml");
	}

	/** The same, with the sheet at {@code target} (relative to xl/), wherever the relationships say it is. */
	private static byte[] handMadeWorkbook(String sheetData, String target) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			String[][] parts = { { "[Content_Types].xml", """
					<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
					<Default Extension="xml" ContentType="application/xml"/></Types>""" },
					{ "xl/workbook.xml", """
							<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
							xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
							<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>""" },
					{ "xl/_rels/workbook.xml.rels", """
							<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
							<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
							Target="%s"/></Relationships>""".formatted(target) },
					{ "xl/" + target, """
							<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
							<sheetData>%s</sheetData></worksheet>""".formatted(sheetData) } };
			for (String[] part : parts) {
				zip.putNextEntry(new ZipEntry(part[0]));
				zip.write(part[1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}

	@Test
	void refusesACellFarToTheRightAndARowFarDownAtOnceWithoutFillingTheHeap() throws Exception {
		// a 1.6 KB file whose one cell sits at column 500,000,000 made the reader allocate for every column
		byte[] wide = handMadeWorkbook("<row r=\"1\"><c r=\"AMFJGLM1\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
		assertThat(wide.length).isLessThan(2_000);
		assertThat(upload("lebar.xlsx", wide)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("XLSX_TOO_MANY_COLUMNS");
		// and one at row 200,000,000 padded the converted file with 191 MB of blank lines
		byte[] deep = handMadeWorkbook("<row r=\"200000000\"><c r=\"A200000000\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
		assertThat(upload("dalam.xlsx", deep)).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("XLSX_TOO_MANY_ROWS");
		// cells without references count by position
		String many = "<row>" + "<c t=\"inlineStr\"><is><t>x</t></is></c>".repeat(201) + "</row>";
		assertThat(upload("banyak.xlsx", handMadeWorkbook(many))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("XLSX_TOO_MANY_COLUMNS");
		// a sheet need not sit in xl/worksheets/: the reader follows the relationships, and so does the check
		assertThat(upload("tersembunyi.xlsx", handMadeWorkbook(
				"<row r=\"1\"><c r=\"AMFJGLM1\" t=\"inlineStr\"><is><t>x</t></is></c></row>", "data/s.xml")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code").isEqualTo("XLSX_TOO_MANY_COLUMNS");
		assertThat(jdbc.sql("select count(*) from registry_import where file_name in ('lebar.xlsx', 'dalam.xlsx', 'banyak.xlsx')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void aZipBombNamedCsvIsCheckedByItsContent() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			byte[] zeros = new byte[1 << 20];
			for (int i = 0; i < 80; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		assertThat(upload("daftar.csv", bytes.toByteArray())).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("XLSX_ZIP_BOMB");
	}

	@Autowired
	RegistryImports imports;

	@Test
	void aJobWhoseRunsKeepDyingIsGivenUpAndItsFileDeleted() throws Exception {
		UUID id = UUID.randomUUID();
		String admin = jdbc.sql("select cast(id as text) from app_user where username = 'manajer.tegal'").query(String.class).single();
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, territory, file_name, byte_size, created_at,
				                             started_at, heartbeat_at, attempts)
				values (:id, 'RUNNING', cast(:by as uuid), '33.28', 'mati.csv', 10, now() - interval '1 hour',
				        now() - interval '1 hour', now() - interval '1 hour', 3)""")
			.param("id", id).param("by", admin).update();
		Path file = imports.file(id);
		Files.createDirectories(file.getParent());
		Files.writeString(file, "no_kk,nik\n");
		imports.work();
		assertThat(jdbc.sql("select status || ' ' || failure from registry_import where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("FAILED IMPORT_ABANDONED");
		assertThat(file).doesNotExist();
	}

	@Test
	void anUploadedFileIsReadableByItsOwnerAlone() throws Exception {
		Path dir = Files.createTempDirectory("eigen");
		Path file = dir.resolve("upload.part");
		try (var out = RegistryImports.ownerOnly(file)) {
			out.write(1);
		}
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
			.isEqualTo("rw-------");
	}
}
