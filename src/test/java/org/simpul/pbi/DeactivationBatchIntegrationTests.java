package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A decree's list of the people a district lost from PBI-JK, imported by Dinsos (API.md "PBI-JK reactivation"):
 * matched to the registry, each refused row named by line, the same file again the same batch, the same person
 * from another file known, only Dinsos importing, and each village seeing its own people, the one being helped with
 * their health first.
 */
@SimpulIntegrationTest
class DeactivationBatchIntegrationTests {

	static final String PROCOT = "33.28.10.1008";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	MvcTestResult upload(String user, String name, String content, String decree, String effective, String window) {
		var request = mvc.post().uri("/api/v1/pbi/deactivation-batches").multipart()
			.file("file", content.getBytes(StandardCharsets.UTF_8));
		if (decree != null) {
			request.param("decree", decree);
		}
		if (effective != null) {
			request.param("effectiveDate", effective);
		}
		if (window != null) {
			request.param("windowMonths", window);
		}
		return request.header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	/** A person registered in Procot by the district's operator; their id and NIK. */
	String[] person(String name, LocalDate born) throws Exception {
		String nik = TestIdentifiers.nik("33.28.10", born, Sex.F);
		MvcTestResult made = call("operator.tegal", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "001", "rw": "002", "address": "Jl. PBI",
				 "members": [{"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "F", "relationship": "HEAD"}]}"""
			.formatted(TestIdentifiers.kk("33.28.10"), PROCOT, nik, name, born));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		return new String[] { JsonPath.read(made.getResponse().getContentAsString(), "$.members[0].id"), nik };
	}

	long batches() {
		return jdbc.sql("select count(*) from pbi_batch").query(Long.class).single();
	}

	@Test
	void aDecreesListIsMatchedToTheRegistryOnceAndEachVillageSeesItsOwnPeople() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		String[] sari = person("Sari Nonaktif", LocalDate.of(1975, 5, 5));
		String[] wati = person("Wati Nonaktif", LocalDate.of(1982, 2, 2));
		// Wati is being helped at the Puskesos with her health
		assertThat(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "%s", "description": "Cuci darah, PBI nonaktif",
				 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(PROCOT, wati[0]))).hasStatus(HttpStatus.CREATED);
		String stranger = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 9, 9), Sex.M);
		LocalDate removed = today.minusMonths(1);
		String dmy = removed.format(DateTimeFormatter.ofPattern("dd-MM-yyyy"));
		String file = """
				NIK;Nama;Tanggal_Nonaktif
				%s;Sari Nonaktif;%s
				%s;Wati Nonaktif;%s
				%s;Orang Luar Registri;%s
				12345;NIK Salah;%s
				%s;;%s
				%s;Tanggal Salah;31-02-2026
				%s;Sari Nonaktif;%s
				""".formatted(sari[1], dmy, wati[1], removed, stranger, dmy, dmy,
				TestIdentifiers.nik("33.28.10", LocalDate.of(1991, 1, 1), Sex.M), dmy,
				TestIdentifiers.nik("33.28.10", LocalDate.of(1992, 1, 1), Sex.M), sari[1], dmy);

		// only Dinsos imports: not the village, not the volunteer
		long before = batches();
		assertThat(upload("psm.procot", "sk.csv", file, "SK 3/HUK/2026", "2026-02-01", "6")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("operator.procot", "sk.csv", file, "SK 3/HUK/2026", "2026-02-01", "6"))
			.hasStatus(HttpStatus.FORBIDDEN);
		// what the import is told is checked first, each field named, nothing written
		MvcTestResult bad = upload("operator.tegal", "sk.csv", file, " ", "2026-02-30", "0");
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat((List<String>) JsonPath.read(bad.getResponse().getContentAsString(), "$.errors[*].field"))
			.containsExactlyInAnyOrder("decree", "effectiveDate", "windowMonths");
		assertThat(upload("operator.tegal", "sk.csv", "Nomor;Nama\n1;A\n", "SK 3/HUK/2026", "2026-02-01", "6"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("DEACTIVATION_HEADER_MISSING");
		assertThat(batches()).isEqualTo(before);

		MvcTestResult imported = upload("operator.tegal", "sk.csv", file, "SK 3/HUK/2026", "01-02-2026", "6");
		assertThat(imported).hasStatus(HttpStatus.ACCEPTED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("COMPLETED");
			assertThat(json).extractingPath("$.rowsRead").isEqualTo(7);
			assertThat(json).extractingPath("$.rowsMatched").isEqualTo(2);
			assertThat(json).extractingPath("$.rowsRejected").isEqualTo(4);
			assertThat(json).extractingPath("$.effectiveDate").isEqualTo("2026-02-01");
		});
		String id = JsonPath.read(imported.getResponse().getContentAsString(), "$.id");
		assertThat(imported.getResponse().getHeader("Location")).isEqualTo("/api/v1/pbi/deactivation-batches/" + id);
		assertThat(call("manajer.tegal", "GET", "/api/v1/pbi/deactivation-batches/" + id, null)).hasStatusOk().bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.rowsRead").isEqualTo(7);
				assertThat(json).extractingPath("$.rowsMatched").isEqualTo(2);
				assertThat(json).extractingPath("$.rowsRejected").isEqualTo(4);
			});
		assertThat(call("manajer.temanggung", "GET", "/api/v1/pbi/deactivation-batches/" + id, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		String rejected = call("operator.tegal", "GET", "/api/v1/pbi/deactivation-batches/" + id + "/rejections", null)
			.getResponse().getContentAsString();
		assertThat((List<Integer>) JsonPath.read(rejected, "$.content[*].line")).containsExactly(5, 6, 7, 8);
		assertThat((List<String>) JsonPath.read(rejected, "$.content[*].code")).contains("REQUIRED", "INVALID_DATE",
				"DUPLICATE_IN_FILE");
		// the NIK is kept encrypted
		assertThat(jdbc.sql("select nik_cipher from pbi_deactivation where batch_id = cast(:id as uuid)").param("id", id)
			.query(String.class).list()).hasSize(3).noneMatch(cipher -> cipher.contains(sari[1]));

		// the same file again: the same batch; the same person in another file: known, nothing added
		assertThat(upload("operator.tegal", "sk-lagi.csv", file, "SK 3/HUK/2026", "2026-02-01", "6"))
			.hasStatus(HttpStatus.ACCEPTED).bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.id").isEqualTo(id);
				assertThat(json).extractingPath("$.repeated").isEqualTo(true);
			});
		assertThat(upload("operator.tegal", "sk-2.csv", "NIK,Nama,Tanggal_Nonaktif\n%s,Sari Nonaktif,%s\n"
			.formatted(sari[1], removed), "SK 3/HUK/2026", "2026-02-01", "6")).hasStatus(HttpStatus.ACCEPTED).bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.rowsKnown").isEqualTo(1);
				assertThat(json).extractingPath("$.rowsMatched").isEqualTo(1);
			});
		assertThat(jdbc.sql("select count(*) from pbi_deactivation where nik_index in (select nik_index from"
				+ " pbi_deactivation where batch_id = cast(:id as uuid))").param("id", id).query(Long.class).single())
			.isEqualTo(3);

		// the village's volunteer sees her two, Wati (in care) first, with the day the window closes
		String list = call("psm.procot", "GET", "/api/v1/pbi/deactivations?villageCode=" + PROCOT + "&size=200", null)
			.getResponse().getContentAsString();
		List<String> names = JsonPath.read(list, "$.content[?(@.name =~ /.*Nonaktif/)].name");
		assertThat(names).containsExactly("Wati Nonaktif", "Sari Nonaktif");
		assertThat(list).doesNotContain("Orang Luar Registri");
		assertThat((List<String>) JsonPath.read(list, "$.content[?(@.name == 'Wati Nonaktif')].priority"))
			.containsExactly("HIGH");
		assertThat((List<String>) JsonPath.read(list, "$.content[?(@.name == 'Sari Nonaktif')].windowClosesOn"))
			.containsExactly(removed.plusMonths(6).toString());
		assertThat((List<String>) JsonPath.read(list, "$.content[?(@.name == 'Sari Nonaktif')].personId"))
			.containsExactly(sari[0]);
		// the district sees whom the registry does not hold too; another village's volunteer sees none of them
		assertThat(call("manajer.tegal", "GET", "/api/v1/pbi/deactivations?size=200", null).getResponse()
			.getContentAsString()).contains("Orang Luar Registri");
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/pbi/deactivations?size=200", null).getResponse()
			.getContentAsString()).doesNotContain("Nonaktif");
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/pbi/deactivations?villageCode=" + PROCOT, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("program.dinkes", "GET", "/api/v1/pbi/deactivations", null)).hasStatus(HttpStatus.FORBIDDEN);
	}
}
