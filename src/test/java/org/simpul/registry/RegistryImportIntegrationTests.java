package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Bulk import of registry files: good rows in, every bad row reported with its line, re-import a no-op. */
@SimpulIntegrationTest
class RegistryImportIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Value("${simpul.data-dir}")
	Path dataDir;

	@Autowired
	RegistryImports imports;

	@Autowired
	BlindIndex index;

	private MvcTestResult upload(String user, String fileName, String content) {
		return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/registry/imports")
			.file(new MockMultipartFile("file", fileName, "text/csv", content.getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user)));
	}

	/** Uploads and waits for the worker to finish; answers the final status as JSON text. */
	private String importAndWait(String user, String content) throws Exception {
		MvcTestResult accepted = upload(user, "registri.csv", content);
		assertThat(accepted).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.status").isEqualTo("QUEUED");
		String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
		// every upload is on the audit trail, one record per file
		assertThat(jdbc.sql("select count(*) from audit_event where object_type = 'REGISTRY_IMPORT'"
				+ " and object_id = cast(:id as uuid) and username = :user").param("id", id).param("user", user)
			.query(Long.class).single()).isEqualTo(1);
		String token = "Bearer " + DemoLogins.token(mvc, user);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			String body = mvc.get().uri("/api/v1/registry/imports/{id}", id).header("Authorization", token).exchange()
				.getResponse()
				.getContentAsString();
			String status = JsonPath.read(body, "$.status");
			if (status.equals("COMPLETED") || status.equals("FAILED")) {
				return body;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import did not finish in 60 s");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	@Test
	void importsGoodRowsRejectsBadOnesByLineAndIsANoOpTheSecondTime() throws Exception {
		String kk1 = TestIdentifiers.kk("33.28.10");
		String kk2 = TestIdentifiers.kk("33.28.10");
		String kk3 = TestIdentifiers.kk("33.28.10");
		String head1 = TestIdentifiers.nik("33.28.10", LocalDate.of(1970, 4, 3), Sex.M);
		String wife1 = TestIdentifiers.nik("33.28.10", LocalDate.of(1972, 9, 21), Sex.F);
		String head2 = TestIdentifiers.nik("33.28.10", LocalDate.of(1965, 12, 1), Sex.F);
		String child2 = TestIdentifiers.nik("33.28.10", LocalDate.of(2010, 6, 30), Sex.M);
		String lonely = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 1, 1), Sex.M);
		String outside = TestIdentifiers.nik("33.23.01", LocalDate.of(1990, 1, 1), Sex.M);
		String formula = TestIdentifiers.nik("33.28.10", LocalDate.of(1991, 1, 1), Sex.M);
		String file = "\uFEFFNo_KK;NIK;Nama;Tanggal_Lahir;Jenis_Kelamin;Hubungan_Keluarga;Kode_Desa;Alamat;RT;Desil;Atap;Program\r\n"
				+ kk1 + ";" + head1 + ";Soedarmo;03/04/1970;L;Kepala Keluarga;33.28.10.1008;\"Jl. Mawar, No. 5\";2;3;genteng;PKH|PBI-JK\r\n"
				+ kk1 + ";" + wife1 + ";Roekmini;1972-09-21;P;3;33.28.10.1008;;;;;PBI-JK\r\n"
				+ "\r\n"
				+ kk2 + ";" + head2 + ";\"Tjitjih\";01-12-1965;PEREMPUAN;1;33.28.10.1007;;;1;ZINC;\r\n"
				+ kk2 + ";" + child2 + ";Asep;30/06/2010;1;anak;33.28.10.1007;;;;;PIP\r\n"
				+ kk2 + ";3328107205800003;Tanggal Salah;15-05-1980;P;anak;33.28.10.1007;;;;;\r\n"
				+ kk2 + ";" + child2 + ";Asep Lagi;30/06/2010;L;anak;33.28.10.1007;;;;;\r\n"
				+ kk3 + ";" + lonely + ";Sendiri;01/01/1990;L;anak;33.28.10.1008;;;;;\r\n"
				+ kk3.substring(0, 6) + "0101900001;" + outside + ";Temanggung;01/01/1990;L;1;33.23.01.2001;;;;;\r\n"
				+ kk1 + ";" + formula + ";=HYPERLINK(\"http://x\");01/01/1991;L;anak;33.28.10.1008;;;;;\r\n"
				+ kk1 + ";" + TestIdentifiers.nik("33.28.10", LocalDate.of(1992, 1, 1), Sex.M)
				+ ";Desa Asing;01/01/1992;L;anak;99.99.99.9999;;;;;\r\n";
		long changesBefore = count("select count(*) from registry_change");
		String first = importAndWait("manajer.tegal", file);
		assertThat((String) JsonPath.read(first, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(first, "$.rowsRead")).isEqualTo(10);
		assertThat((Integer) JsonPath.read(first, "$.rowsImported")).isEqualTo(4);
		assertThat((Integer) JsonPath.read(first, "$.rowsRejected")).isEqualTo(6);
		assertThat((Integer) JsonPath.read(first, "$.rowsCreated")).isEqualTo(4);
		assertThat((Integer) JsonPath.read(first, "$.rowsUnchanged")).isZero();

		assertThat(jdbc.sql("select name from person where nik_index in (:niks) order by name")
			.param("niks", Stream.of(head1, wife1, head2, child2).map(n -> index.of(BlindIndex.Kind.NIK, n)).toList())
			.query(String.class)
			.list()).containsExactly("Asep", "Roekmini", "Soedarmo", "Tjitjih");
		assertThat(jdbc.sql("select address || '|' || rt || '|' || welfare_decile || '|' || roof from household where kk_index = :kk")
			.param("kk", index.of(BlindIndex.Kind.KK, kk1)).query(String.class).single()).isEqualTo("Jl. Mawar, No. 5|002|3|TILE");
		assertThat(count("select count(*) from programme_membership m join person p on p.id = m.person_id where p.nik_index = '"
				+ index.of(BlindIndex.Kind.NIK, wife1) + "' and m.programme_code = 'PBI-JK' and m.status = 'ACTIVE'")).isEqualTo(1);
		assertThat(count("select count(*) from programme_membership m join household h on h.id = m.household_id"
				+ " where h.kk_index = '" + index.of(BlindIndex.Kind.KK, kk1) + "' and m.programme_code = 'PKH'")).isEqualTo(1);

		String id = JsonPath.read(first, "$.id");
		// the uploaded file, full of NIKs, is not kept once the import is done
		assertThat(dataDir.resolve("imports").resolve(id + ".upload")).doesNotExist();
		// and what a dead process left behind goes at the next start (only files older than an hour)
		Path leftover = dataDir.resolve("imports").resolve(UUID.randomUUID() + ".upload");
		Path fresh = dataDir.resolve("imports").resolve(UUID.randomUUID() + ".part");
		Files.writeString(leftover, "no_kk,nik\n");
		Files.writeString(fresh, "no_kk,nik\n");
		Files.setLastModifiedTime(leftover,
				FileTime.from(Instant.now().minus(Duration.ofHours(2))));
		// an upload cut off three minutes ago, and the temporary file of a run whose job no longer runs
		Path deadPart = dataDir.resolve("imports").resolve(UUID.randomUUID() + ".part");
		Path deadTemp = dataDir.resolve("imports").resolve(UUID.randomUUID() + "123.rejections");
		for (Path dead : List.of(deadPart, deadTemp)) {
			Files.writeString(dead, "3328,Nama\n");
			Files.setLastModifiedTime(dead,
					FileTime.from(Instant.now().minus(Duration.ofMinutes(3))));
		}
		imports.sweep();
		assertThat(leftover).doesNotExist();
		assertThat(deadPart).doesNotExist();
		assertThat(deadTemp).doesNotExist();
		assertThat(fresh).exists();
		Files.delete(fresh);
		MvcTestResult rejections = mvc.get().uri("/api/v1/registry/imports/{id}/rejections", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal")).exchange();
		assertThat(rejections).hasStatusOk();
		assertThat(rejections.getResponse().getContentType()).startsWith("text/csv");
		String csv = rejections.getResponse().getContentAsString();
		assertThat(csv).startsWith("line,reason,row")
			.contains("\"7\",\"nik: NIK_INVALID_DATE\"")
			.contains("\"8\",\"nik: NIK_REPEATED_IN_FILE\"")
			.contains("\"9\",\"hubungan_keluarga: HOUSEHOLD_WITHOUT_HEAD\"")
			.contains("\"10\",\"kode_desa: VILLAGE_OUTSIDE_TERRITORY\"")
			.contains("\"11\",\"nama: NAME_INVALID\"")
			.contains("\"12\",\"kode_desa: REGION_UNKNOWN\"")
			.doesNotContain(",\"=HYPERLINK");
		long changesAfterFirst = count("select count(*) from registry_change");
		assertThat(changesAfterFirst).isGreaterThan(changesBefore);

		// the same file again: nothing changes
		long persons = count("select count(*) from person");
		long households = count("select count(*) from household");
		long memberships = count("select count(*) from programme_membership");
		String second = importAndWait("manajer.tegal", file);
		assertThat((Integer) JsonPath.read(second, "$.rowsImported")).isEqualTo(4);
		// and it says so: nothing created, nothing changed, four rows already as the registry holds them
		assertThat((Integer) JsonPath.read(second, "$.rowsCreated")).isZero();
		assertThat((Integer) JsonPath.read(second, "$.rowsChanged")).isZero();
		assertThat((Integer) JsonPath.read(second, "$.rowsUnchanged")).isEqualTo(4);
		assertThat((Boolean) JsonPath.read(second, "$.resumed")).isFalse();
		assertThat(count("select count(*) from person")).isEqualTo(persons);
		assertThat(count("select count(*) from household")).isEqualTo(households);
		assertThat(count("select count(*) from programme_membership")).isEqualTo(memberships);
		assertThat(count("select count(*) from registry_change")).isEqualTo(changesAfterFirst);

		// a changed decile and a corrected name update the registry, with history
		String changed = file.replace(";2;3;genteng;", ";2;1;genteng;").replace(";Roekmini;", ";Rukmini;");
		String third = importAndWait("manajer.tegal", changed);
		assertThat((Integer) JsonPath.read(third, "$.rowsChanged")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(third, "$.rowsUnchanged")).isEqualTo(3);
		assertThat(jdbc.sql("select welfare_decile from household where kk_index = :kk").param("kk", index.of(BlindIndex.Kind.KK, kk1))
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select name from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, wife1)).query(String.class).single())
			.isEqualTo("Rukmini");
		assertThat(jdbc.sql("select changes::text from registry_change where action = 'MEMBER_UPDATED' and person_id ="
				+ " (select id from person where nik_index = :nik)").param("nik", index.of(BlindIndex.Kind.NIK, wife1)).query(String.class).list())
			.anySatisfy(change -> assertThat(change).contains("Roekmini", "Rukmini"));
	}

	@Autowired
	FieldCipher cipher;

	/**
	 * A job whose worker died mid-run (its heartbeat 40 s old, written every 10 s by a live one) is taken over
	 * within seconds, not two minutes, and says it was resumed after an interruption.
	 */
	@Test
	void aJobWhoseWorkerDiedIsTakenOverPromptlyAndSaysItWasResumed() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1971, 7, 7), Sex.F);
		UUID id = UUID.randomUUID();
		Files.createDirectories(dataDir.resolve("imports"));
		Files.writeString(imports.file(id), "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,"
				+ "kode_desa\n" + kk + "," + head + ",Ibu Dilanjutkan,07-07-1971,P,1,33.28.10.1008\n");
		Instant beforeDeath = Instant.now().minus(Duration.ofSeconds(40));
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, territory, file_name, byte_size, created_at, started_at,
				                             heartbeat_at, attempts, rows_read)
				values (:id, 'RUNNING', (select id from app_user where username = 'manajer.tegal'), '33.28', 'terputus.csv',
				        10, :at, :at, :at, 1, 1)""")
			.param("id", id).param("at", Timestamp.from(beforeDeath)).update();
		Instant taken = null;
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		String token = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		String body = "";
		while (Instant.now().isBefore(deadline)) {
			body = mvc.get().uri("/api/v1/registry/imports/{id}", id).header("Authorization", token).exchange()
				.getResponse().getContentAsString();
			if (JsonPath.read(body, "$.status").equals("COMPLETED")) {
				taken = Instant.now();
				break;
			}
			Thread.sleep(200);
		}
		assertThat(taken).as("taken over and completed within 20 s").isNotNull();
		assertThat((Boolean) JsonPath.read(body, "$.resumed")).isTrue();
		assertThat((Integer) JsonPath.read(body, "$.rowsCreated")).isEqualTo(1);
		assertThat(mvc.get().uri("/registri/impor/{id}", id).session(DemoLogins.session(mvc, "manajer.tegal")))
			.bodyText().contains("dilanjutkan setelah gangguan");
	}

	/** A household has one head: a file naming a new head for a registered family whose head is still in it. */
	@Test
	void aSecondHeadForARegisteredHouseholdIsRefused() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Karsih Kepala");
		String household = jdbc.sql("select cast(household_id as text) from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single();
		String kk = cipher.decrypt(jdbc.sql("select kk_cipher from household where id = cast(:id as uuid)")
			.param("id", household).query(String.class).single());
		String newcomer = TestIdentifiers.nik("33.28.10", LocalDate.of(1975, 3, 3), Sex.M);
		String status = importAndWait("manajer.tegal", "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ kk + "," + newcomer + ",Darto Kepala Baru,1975-03-03,L,1,33.28.10.1008\n");
		assertThat(jdbc.sql("select count(*) from person where household_id = cast(:id as uuid) and relationship = 'HEAD'"
				+ " and left_on is null").param("id", household).query(Long.class).single()).isOne();
		assertThat((Integer) JsonPath.read(status, "$.rowsRejected")).isEqualTo(1);
		// the same file that also names the current head a wife hands the household to the newcomer
		String head = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		String handed = importAndWait("manajer.tegal", "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ kk + "," + newcomer + ",Darto Kepala Baru,1975-03-03,L,1,33.28.10.1008\n"
				+ kk + "," + head + ",Karsih Kepala,1980-05-15,P,3,33.28.10.1008\n");
		assertThat((Integer) JsonPath.read(handed, "$.rowsRejected")).isZero();
		assertThat(jdbc.sql("select name from person where household_id = cast(:id as uuid) and relationship = 'HEAD'"
				+ " and left_on is null").param("id", household).query(String.class).list())
			.containsExactly("Darto Kepala Baru");
	}

	@Test
	void aNikOfAnotherTerritoryIsRefusedWithoutSayingItIsRegisteredAndTheProbeIsAudited() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Warsini Diintip");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		String kk = TestIdentifiers.kk("33.23.01");
		String status = importAndWait("manajer.temanggung", "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ kk + "," + nik + ",Warsini,1980-05-15,P,1,33.23.01.2001\n");
		assertThat((Integer) JsonPath.read(status, "$.rowsRejected")).isEqualTo(1);
		String id = JsonPath.read(status, "$.id");
		String csv = mvc.get().uri("/api/v1/registry/imports/{id}/rejections", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung")).exchange().getResponse()
			.getContentAsString();
		assertThat(csv).contains("nik: NIK_NOT_USABLE_HERE").doesNotContain("REGISTERED").doesNotContain("ELSEWHERE");
		// the data protection officer finds the probe in the person's processing history
		assertThat(jdbc.sql("""
				select username from audit_event where object_type = 'REGISTRY_IMPORT_REFUSED'
				and object_id = cast(:import as uuid) and subject_ids @> array[cast(:person as uuid)]""")
			.param("import", id).param("person", person).query(String.class).list()).containsExactly("manajer.temanggung");
	}

	@Test
	void aFileWithoutARequiredColumnFailsWholeAndImportsNothing() throws Exception {
		String status = importAndWait("manajer.tegal", "no_kk,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ "3328101203150001,Siti,1980-05-15,P,1,33.28.10.1008\n");
		assertThat((String) JsonPath.read(status, "$.status")).isEqualTo("FAILED");
		assertThat((String) JsonPath.read(status, "$.failure")).isEqualTo("HEADER_MISSING_NIK");
		String onlyHeader = importAndWait("manajer.tegal", "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n");
		assertThat((String) JsonPath.read(onlyHeader, "$.status")).isEqualTo("COMPLETED");
		assertThat((Integer) JsonPath.read(onlyHeader, "$.rowsRead")).isZero();
	}

	@Test
	void refusesEmptyAndUnreadableFilesAndRolesThatDoNotImport() {
		assertThat(upload("manajer.tegal", "kosong.csv", "")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("FILE_EMPTY");
		assertThat(upload("manajer.tegal", "registri.xlsx", "PK")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("XLSX_INVALID");
		assertThat(upload("manajer.tegal", "registri.pdf", "%PDF")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("FILE_TYPE_UNSUPPORTED");
		assertThat(upload("fo.procot", "registri.csv", "nik\n1\n")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("psm.procot", "registri.csv", "nik\n1\n")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anImportIsNotVisibleOutsideItsTerritory() throws Exception {
		MvcTestResult accepted = upload("manajer.tegal", "registri.csv", "nik\n");
		String id = JsonPath.read(accepted.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/api/v1/registry/imports/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/registry/imports/{id}/rejections", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/registry/imports/{id}", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "admin"))).hasStatusOk();
	}
}
