package org.simpul.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The ministry's result list imported by Dinsos: the sent usulan it names decided, the registry changed with
 * its history (a new family registered with its desil, a member who moved away gone, a new latrine, desil
 * set), every refused row named by line, the same file again a no-op, a file that cannot be read refused with
 * nothing written, and nobody but Dinsos of the district importing.
 */
@SimpulIntegrationTest
class UsulanResultsIntegrationTests {

	static final String PROCOT = UsulanIntegrationTests.PROCOT;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	MvcTestResult upload(String user, String name, byte[] content) {
		return mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/usulan/results")
			.file(new MockMultipartFile("file", name, "text/csv", content))
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user)));
	}

	/** An usulan proposed by the village and taken through each step to the ministry; its id. */
	String sent(String body) throws Exception {
		MvcTestResult made = call("operator.procot", "POST", "/api/v1/usulan", body);
		assertThat(made).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(made.getResponse().getContentAsString(), "$.id");
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.OK);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.OK);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + id + "/endorse", null)).hasStatus(HttpStatus.OK);
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/send", null)).hasStatus(HttpStatus.OK);
		return id;
	}

	String status(String usulan) {
		return jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", usulan).query(String.class)
			.single();
	}

	@Test
	void theResultListDecidesTheSentUsulanAndChangesTheRegistryOnce() throws Exception {
		// a registered family of two (the wife moves away), whose latrine the PSM found new
		String kk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1970, 4, 4), Sex.M);
		String wife = TestIdentifiers.nik("33.28.10", LocalDate.of(1974, 6, 6), Sex.F);
		MvcTestResult family = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "001", "rw": "001", "address": "Jl. Hasil 1",
				 "conditions": {"latrine": "NONE", "roof": "TILE"},
				 "members": [{"nik": "%s", "name": "Kepala Hasil", "birthDate": "1970-04-04", "sex": "M", "relationship": "HEAD"},
				             {"nik": "%s", "name": "Istri Hasil", "birthDate": "1974-06-06", "sex": "F", "relationship": "WIFE"}]}"""
			.formatted(kk, PROCOT, head, wife));
		assertThat(family).hasStatus(HttpStatus.CREATED);
		String household = JsonPath.read(family.getResponse().getContentAsString(), "$.id");
		String wifeId = ((List<String>) JsonPath.read(family.getResponse().getContentAsString(),
				"$.members[?(@.relationship == 'WIFE')].id")).getFirst();
		String removal = sent("""
				{"kind": "REMOVE", "householdId": "%s", "personId": "%s", "reason": "Pindah ke Brebes",
				 "changes": {"removalReason": "MOVED"}}""".formatted(household, wifeId));
		String change = sent("""
				{"kind": "CHANGE", "householdId": "%s", "reason": "Sudah punya jamban", "changes": {"latrine": "OWN"}}"""
			.formatted(household));
		// a new family the musdes agreed on
		String newKk = TestIdentifiers.kk("33.28.10");
		String newHead = TestIdentifiers.nik("33.28.10", LocalDate.of(1988, 8, 8), Sex.F);
		String entry = sent("""
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"household": {"kkNumber": "%s",
				 "address": "Dk. Baru Hasil", "rt": "5", "rw": "1"}, "members": [
				   {"nik": "%s", "name": "Ibu Baru Hasil", "birthDate": "1988-08-08", "sex": "F", "relationship": "HEAD"}]}}"""
			.formatted(PROCOT, newKk, newHead));
		// a registered family without an usulan, whose desil the ranking sets
		String otherKk = TestIdentifiers.kk("33.28.10");
		assertThat(call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "002", "rw": "001", "address": "Jl. Peringkat",
				 "members": [{"nik": "%s", "name": "Warga Peringkat", "birthDate": "1960-01-01", "sex": "M", "relationship": "HEAD"}]}"""
			.formatted(otherKk, PROCOT, TestIdentifiers.nik("33.28.10", LocalDate.of(1960, 1, 1), Sex.M))))
			.hasStatus(HttpStatus.CREATED);
		String nobody = TestIdentifiers.nik("33.28.10", LocalDate.of(1999, 9, 9), Sex.M);

		String file = """
				NIK;No_KK;Hasil;Desil;Kode_Exclude;Alasan
				%s;;MASUK;2;;
				%s;;EXCLUDE;;EXCLUDE PINDAH;Pindah domisili
				;%s;Masuk;4;;
				;%s;MASUK;3;;
				%s;;MASUK;1;;
				12345;;MASUK;1;;
				%s;;LAYAK SEKALI;;;
				""".formatted(newHead, wife, kk, otherKk, nobody, newHead);
		byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
		assertThat(upload("psm.procot", "hasil.csv", bytes)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(upload("operator.procot", "hasil.csv", bytes)).hasStatus(HttpStatus.FORBIDDEN);
		long before = jdbc.sql("select count(*) from registry_change").query(Long.class).single();
		MvcTestResult imported = upload("operator.tegal", "hasil.csv", bytes);
		assertThat(imported).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.rowsRead").isEqualTo(7);
			assertThat(json).extractingPath("$.usulanDecided").isEqualTo(3);
			assertThat(json).extractingPath("$.familiesEntered").isEqualTo(1);
			assertThat(json).extractingPath("$.rowsRejected").isEqualTo(3);
			assertThat(json).extractingPath("$.repeated").isEqualTo(false);
		});
		String id = JsonPath.read(imported.getResponse().getContentAsString(), "$.id");

		// each usulan shows its outcome
		assertThat(status(entry)).isEqualTo("INCLUDED");
		assertThat(status(removal)).isEqualTo("EXCLUDED");
		assertThat(status(change)).isEqualTo("INCLUDED");
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + removal, null).getResponse().getContentAsString())
			.contains("EXCLUDE PINDAH");
		// the registry: the new family with its desil, the wife gone, the latrine and the desil, with history
		assertThat(jdbc.sql("""
				select h.welfare_decile from household h join person p on p.household_id = h.id
				where p.name = 'Ibu Baru Hasil'""").query(Integer.class).single()).isEqualTo(2);
		assertThat(jdbc.sql("select left_on is not null from person where id = cast(:id as uuid)").param("id", wifeId)
			.query(Boolean.class).single()).isTrue();
		assertThat(jdbc.sql("select latrine || ':' || welfare_decile from household where id = cast(:id as uuid)")
			.param("id", household).query(String.class).single()).isEqualTo("OWN:4");
		assertThat(jdbc.sql("""
				select h.welfare_decile from household h join person p on p.household_id = h.id
				where p.name = 'Warga Peringkat'""").query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from registry_change where source = :s and action = 'DECILE_SET'")
			.param("s", "USULAN_RESULT:" + id).query(Long.class).single()).isEqualTo(2);

		// the refused rows by line: nobody with this NIK, a NIK that is no NIK, a result not known
		String rejected = call("manajer.tegal", "GET", "/api/v1/usulan/results/" + id + "/rejections", null).getResponse()
			.getContentAsString();
		assertThat((List<Integer>) JsonPath.read(rejected, "$.content[*].line")).containsExactly(6, 7, 8);
		List<String> codes = JsonPath.read(rejected, "$.content[*].code");
		assertThat(codes.getFirst()).isEqualTo("RESULT_NOBODY");
		assertThat(codes.getLast()).isEqualTo("RESULT_UNKNOWN");
		assertThat(call("manajer.temanggung", "GET", "/api/v1/usulan/results/" + id, null)).hasStatus(HttpStatus.NOT_FOUND);

		// the same file again: the earlier import, nothing changed
		long after = jdbc.sql("select count(*) from registry_change").query(Long.class).single();
		assertThat(after).isGreaterThan(before);
		assertThat(upload("manajer.tegal", "hasil-lagi.csv", bytes)).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.repeated").isEqualTo(true);
		// the same rows in another file: nothing to decide, no desil to change
		MvcTestResult again = upload("manajer.tegal", "hasil-salinan.csv", (file + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(again).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.usulanDecided").isEqualTo(0);
			assertThat(json).extractingPath("$.householdsChanged").isEqualTo(0);
		});
		assertThat(jdbc.sql("select count(*) from registry_change").query(Long.class).single()).isEqualTo(after);

		// Dinsos' page lists the imports and names the refused rows
		assertThat(mvc.get().uri("/usulan/hasil/" + id).session(DemoLogins.session(mvc, "operator.tegal"))).bodyText()
			.contains("hasil.csv", "Tidak ada usulan terkirim maupun warga terdaftar");
	}

	/** A registered family of Procot: its id and each member's id and NIK, head first. */
	String[][] family(String... names) throws Exception {
		StringBuilder members = new StringBuilder();
		String[] niks = new String[names.length];
		for (int i = 0; i < names.length; i++) {
			LocalDate born = LocalDate.of(1960 + i, 3, 3 + i);
			niks[i] = TestIdentifiers.nik("33.28.10", born, i == 1 ? Sex.F : Sex.M);
			members.append(i == 0 ? "" : ", ").append("""
					{"nik": "%s", "name": "%s", "birthDate": "%s", "sex": "%s", "relationship": "%s"}"""
				.formatted(niks[i], names[i], born, i == 1 ? "F" : "M", i == 0 ? "HEAD" : i == 1 ? "WIFE" : "CHILD"));
		}
		MvcTestResult made = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "004", "rw": "001", "address": "Jl. Tinjau",
				 "members": [%s]}""".formatted(TestIdentifiers.kk("33.28.10"), PROCOT, members));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		String body = made.getResponse().getContentAsString();
		String[][] out = new String[names.length + 1][];
		out[0] = new String[] { JsonPath.read(body, "$.id") };
		for (int i = 0; i < names.length; i++) {
			out[i + 1] = new String[] { JsonPath.read(body, "$.members[" + i + "].id"), niks[i] };
		}
		return out;
	}

	@Test
	void aRowDecidesOnlyTheUsulanItNamesAndNothingOfARestrictedPerson() throws Exception {
		// a newcomer proposed into a registered family: only the newcomer's own row decides it
		String[][] joined = family("Kepala Tinjau", "Istri Tinjau");
		String newcomer = TestIdentifiers.nik("33.28.10", LocalDate.of(2001, 2, 2), Sex.M);
		String entry = sent("""
				{"kind": "ENTER", "householdId": "%s", "reason": "Anak pulang", "changes": {"members": [
				  {"nik": "%s", "name": "Anak Tinjau", "birthDate": "2001-02-02", "sex": "M", "relationship": "CHILD"}]}}"""
			.formatted(joined[0][0], newcomer));
		// a member excluded as able to support himself still lives with his family
		String[][] able = family("Kepala Mampu", "Istri Mampu", "Anak Mampu");
		String removal = sent("""
				{"kind": "REMOVE", "householdId": "%s", "personId": "%s", "reason": "Sudah bekerja tetap",
				 "changes": {"removalReason": "ABLE"}}""".formatted(able[0][0], able[3][0]));
		// a member who moved, under a restriction of processing when the result comes
		String[][] moved = family("Kepala Pindah", "Istri Pindah");
		String restricted = sent("""
				{"kind": "REMOVE", "householdId": "%s", "personId": "%s", "reason": "Pindah",
				 "changes": {"removalReason": "MOVED"}}""".formatted(moved[0][0], moved[2][0]));
		assertThat(call("dpo.tegal", "PUT", "/api/v1/data-subjects/" + moved[2][0] + "/restriction", null)).hasStatusOk();

		String file = """
				NIK;Hasil;Desil;Kode_Exclude
				%s;TIDAK MASUK;;
				%s;MASUK;4;
				%s;EXCLUDE;;EXCLUDE MAMPU
				%s;EXCLUDE;;EXCLUDE PINDAH
				""".formatted(newcomer, joined[1][1], able[3][1], moved[2][1]);
		MvcTestResult imported = upload("operator.tegal", "tinjau.csv", file.getBytes(StandardCharsets.UTF_8));
		assertThat(imported).hasStatus(HttpStatus.CREATED);
		// the head's row (line 3, later) did not decide the newcomer's usulan; the newcomer is not registered
		assertThat(status(entry)).isEqualTo("NOT_INCLUDED");
		assertThat(jdbc.sql("select count(*) from person where name = 'Anak Tinjau'").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select welfare_decile from household where id = cast(:id as uuid)").param("id", joined[0][0])
			.query(Integer.class).single()).isEqualTo(4);
		assertThat(status(removal)).isEqualTo("EXCLUDED");
		assertThat(jdbc.sql("select left_on is null from person where id = cast(:id as uuid)").param("id", able[3][0])
			.query(Boolean.class).single()).isTrue();
		assertThat(status(restricted)).isEqualTo("SENT");
		assertThat(jdbc.sql("select left_on is null from person where id = cast(:id as uuid)").param("id", moved[2][0])
			.query(Boolean.class).single()).isTrue();
		String id = JsonPath.read(imported.getResponse().getContentAsString(), "$.id");
		assertThat((List<Integer>) JsonPath.read(call("operator.tegal", "GET", "/api/v1/usulan/results/" + id + "/rejections",
				null).getResponse().getContentAsString(), "$.content[*].line")).containsExactly(5);
		assertThat(call("dpo.tegal", "DELETE", "/api/v1/data-subjects/" + moved[2][0] + "/restriction", null))
			.hasStatus(HttpStatus.NO_CONTENT);
	}

	@Test
	void anIncludedCorrectionOfAPersonChangesThePersonWithHistoryAndOneTheRegistryRefusesWaits() throws Exception {
		String[][] family = family("Kepala Ejaan", "Istri Ejaan", "Anak Ejan");
		String renamed = sent("""
				{"kind": "CHANGE", "householdId": "%s", "personId": "%s", "reason": "Salah ketik nama",
				 "changes": {"name": "Anak Ejaan", "relationship": "GRANDCHILD"}}""".formatted(family[0][0], family[3][0]));
		String secondHead = sent("""
				{"kind": "CHANGE", "householdId": "%s", "personId": "%s", "reason": "Istri menjadi kepala",
				 "changes": {"relationship": "HEAD"}}""".formatted(family[0][0], family[2][0]));
		MvcTestResult imported = upload("operator.tegal", "ejaan.csv", """
				NIK;Hasil;Desil
				%s;MASUK;2
				%s;MASUK;2
				""".formatted(family[3][1], family[2][1]).getBytes(StandardCharsets.UTF_8));
		assertThat(imported).hasStatus(HttpStatus.CREATED);
		// the child's name and place in the family as the ministry took them, with what they were
		assertThat(status(renamed)).isEqualTo("INCLUDED");
		assertThat(jdbc.sql("select name || ' ' || relationship from person where id = cast(:id as uuid)")
			.param("id", family[3][0]).query(String.class).single()).isEqualTo("Anak Ejaan GRANDCHILD");
		assertThat(jdbc.sql("""
				select changes ->> 'name' from registry_change where person_id = cast(:id as uuid)
				and action = 'MEMBER_UPDATED' and source = :source""")
			.param("id", family[3][0]).param("source", "USULAN:" + renamed).query(String.class).single())
			.isEqualTo("[\"Anak Ejan\", \"Anak Ejaan\"]");
		// a second head is the registry's to refuse: the usulan waits, the row says why
		assertThat(status(secondHead)).isEqualTo("SENT");
		assertThat(jdbc.sql("select relationship from person where id = cast(:id as uuid)").param("id", family[2][0])
			.query(String.class).single()).isEqualTo("WIFE");
		String id = JsonPath.read(imported.getResponse().getContentAsString(), "$.id");
		assertThat(call("operator.tegal", "GET", "/api/v1/usulan/results/" + id + "/rejections", null)
			.getResponse().getContentAsString()).contains("MORE_THAN_ONE_HEAD");
	}

	@Test
	void aHouseholdTheVillageRegistersIsProposedForDtsenAsItIsAndItsResultRanksIt() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1966, 6, 16), Sex.M);
		MvcTestResult registered = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "003", "rw": "002", "address": "Jl. Daftar Desa",
				 "members": [{"nik": "%s", "name": "Kepala Daftar Desa", "birthDate": "1966-06-16", "sex": "M",
				              "relationship": "HEAD"}]}""".formatted(kk, PROCOT, head));
		assertThat(registered).hasStatus(HttpStatus.CREATED);
		String household = JsonPath.read(registered.getResponse().getContentAsString(), "$.id");
		// the desk's registration brought a draft to enter the household into DTSEN as it is registered, once
		List<String> drafts = jdbc.sql("""
				select cast(id as text) from usulan where source = 'REGISTRATION' and household_id = cast(:id as uuid)""")
			.param("id", household).query(String.class).list();
		assertThat(drafts).hasSize(1);
		String entry = drafts.getFirst();
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + entry, null)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.kind").isEqualTo("ENTER");
			assertThat(json).extractingPath("$.status").isEqualTo("DRAFT");
			assertThat(json).extractingPath("$.householdId").isEqualTo(household);
			assertThat(json).extractingPath("$.source").isEqualTo("REGISTRATION");
		});
		MockHttpSession operator = DemoLogins.session(mvc, "operator.procot");
		assertThat(mvc.get().uri("/usulan/" + entry).session(operator)).hasStatusOk().bodyText()
			.contains("Rumah tangga ini, dengan anggota sebagaimana terdaftar, diusulkan masuk DTSEN.", "Kepala Daftar Desa",
					"Pendaftaran di Puskesos");
		// a second whole-household entry of the same family fails the checks; withdrawn, the first goes on
		MvcTestResult twice = call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "householdId": "%s", "reason": "Diusulkan lagi", "changes": {}}""".formatted(household));
		assertThat(twice).hasStatus(HttpStatus.CREATED);
		String second = JsonPath.read(twice.getResponse().getContentAsString(), "$.id");
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + entry + "/agree", null)).hasStatusOk();
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + entry + "/submit", null))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("DUPLICATE_USULAN");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + second + "/withdraw", "{\"reason\": \"Ganda\"}"))
			.hasStatusOk();
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + entry + "/submit", null)).hasStatusOk();
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + entry + "/endorse", null)).hasStatusOk();
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + entry + "/send", null)).hasStatusOk();
		// the district's own registration is a correction of what DTSEN holds: no draft
		MvcTestResult corrected = call("operator.tegal", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "003", "rw": "002", "address": "Jl. Koreksi",
				 "members": [{"nik": "%s", "name": "Kepala Koreksi", "birthDate": "1967-07-17", "sex": "M",
				              "relationship": "HEAD"}]}""".formatted(TestIdentifiers.kk("33.28.10"), PROCOT,
					TestIdentifiers.nik("33.28.10", LocalDate.of(1967, 7, 17), Sex.M)));
		assertThat(corrected).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select count(*) from usulan where household_id = cast(:id as uuid)")
			.param("id", (String) JsonPath.read(corrected.getResponse().getContentAsString(), "$.id")).query(Long.class)
			.single()).isZero();

		// the ministry's row names the family's card: included, ranked, nothing registered twice
		MvcTestResult imported = upload("operator.tegal", "daftar.csv", """
				No_KK;Hasil;Desil
				%s;MASUK;3
				""".formatted(kk).getBytes(StandardCharsets.UTF_8));
		assertThat(imported).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.usulanDecided").isEqualTo(1);
			assertThat(json).extractingPath("$.familiesEntered").isEqualTo(0);
			assertThat(json).extractingPath("$.rowsRejected").isEqualTo(0);
		});
		assertThat(status(entry)).isEqualTo("INCLUDED");
		assertThat(jdbc.sql("select welfare_decile from household where id = cast(:id as uuid)").param("id", household)
			.query(Integer.class).single()).isEqualTo(3);
		assertThat(jdbc.sql("select count(*) from person where name = 'Kepala Daftar Desa'").query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void aProvinceDataOperatorNamesTheDistrictOnThePage() throws Exception {
		String username = "operator.jateng." + java.util.UUID.randomUUID().toString().substring(0, 6);
		assertThat(call("admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "%s", "displayName": "Operator Provinsi", "role": "DATA_OPERATOR",
				 "regionCode": "33"}""".formatted(username, DemoLogins.PASSWORD))).hasStatus(HttpStatus.CREATED);
		var session = DemoLogins.session(mvc, username);
		assertThat(mvc.get().uri("/usulan/hasil").session(session)).hasStatus(HttpStatus.OK).bodyText()
			.contains("name=\"regionCode\"", "33.28");
		String nobody = TestIdentifiers.nik("33.28.10", LocalDate.of(1999, 9, 9), Sex.M);
		MvcTestResult done = mvc.perform(MockMvcRequestBuilders.multipart("/usulan/hasil")
			.file(new MockMultipartFile("file", "provinsi.csv", "text/csv",
					("NIK;Hasil;Desil\n" + nobody + ";MASUK;3\n").getBytes(StandardCharsets.UTF_8)))
			.param("regionCode", "33.28").session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()));
		assertThat(done).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select count(*) from usulan_result_import where file_name = 'provinsi.csv' and regency_code = '33.28'")
			.query(Long.class).single()).isEqualTo(1);
		// without a district: the form again, naming what is missing
		assertThat(mvc.perform(MockMvcRequestBuilders.multipart("/usulan/hasil")
			.file(new MockMultipartFile("file", "lagi.csv", "text/csv", "NIK;Hasil\n".getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())))
			.hasStatus(HttpStatus.OK).bodyText().contains("Wajib diisi");
	}

	@Test
	void aFileThatCannotBeReadIsRefusedWithNothingWritten() throws Exception {
		long imports = jdbc.sql("select count(*) from usulan_result_import").query(Long.class).single();
		assertThat(upload("operator.tegal", "kosong.csv", new byte[0])).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("\"field\":\"file\"");
		assertThat(upload("operator.tegal", "judul.csv", "NIK;Nama\n3328100101800001;Siti\n".getBytes(StandardCharsets.UTF_8)))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("RESULT_HEADER_MISSING");
		// a ZIP that is no workbook, named .csv: known by its content
		assertThat(upload("operator.tegal", "hasil.csv", new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0 }))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("XLSX_INVALID");
		// a row that never ends
		assertThat(upload("operator.tegal", "kutip.csv", ("NIK;Hasil\n\"" + "x".repeat(70_000) + "\n")
			.getBytes(StandardCharsets.UTF_8))).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("RECORD_TOO_LONG");
		assertThat(jdbc.sql("select count(*) from usulan_result_import").query(Long.class).single()).isEqualTo(imports);
		// a province user names the district; a village is no district
		assertThat(mvc.perform(MockMvcRequestBuilders.multipart("/api/v1/usulan/results")
			.file(new MockMultipartFile("file", "a.csv", "text/csv", "NIK;Hasil\n".getBytes(StandardCharsets.UTF_8)))
			.param("regionCode", PROCOT)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")))).hasStatus(HttpStatus.BAD_REQUEST);
	}
}
