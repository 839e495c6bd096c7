package org.simpul.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Usulan from the village to Dinsos and back, through the API (API.md "Registry updates"): the cycle a village
 * works in, each move by the role and territory that may take it (403, 404 and 409 otherwise), corrections
 * against the version read, retries that make one usulan, bad input named by field with nothing written, the
 * drafts that complaints and home visits bring, and the pages of the operator and of Dinsos.
 */
@SimpulIntegrationTest
class UsulanIntegrationTests {

	static final String PROCOT = "33.28.10.1008";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	/** A household of Procot registered through the API, with its head; its id. */
	String household() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F);
		MvcTestResult made = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "002", "rw": "001", "address": "Jl. Usulan 1",
				 "conditions": {"roof": "TILE", "latrine": "NONE"},
				 "members": [{"nik": "%s", "name": "Siti Usulan", "birthDate": "1980-05-15", "sex": "F",
				              "relationship": "HEAD"}]}""".formatted(kk, PROCOT, nik));
		assertThat(made).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(made.getResponse().getContentAsString(), "$.id");
	}

	static String id(MvcTestResult result) throws Exception {
		return JsonPath.read(result.getResponse().getContentAsString(), "$.id");
	}

	@Test
	void theCycleOfAVillageIsItsDistrictsMonthUntilTheCutOff() throws Exception {
		MvcTestResult current = call("psm.procot", "GET", "/api/v1/update-cycles/current?regionCode=" + PROCOT, null);
		assertThat(current).hasStatus(HttpStatus.OK);
		String body = current.getResponse().getContentAsString();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		YearMonth month = today.getDayOfMonth() <= 17 ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);
		assertThat((String) JsonPath.read(body, "$.regionCode")).isEqualTo(PROCOT);
		assertThat((String) JsonPath.read(body, "$.period")).isEqualTo(month.toString());
		assertThat((String) JsonPath.read(body, "$.entryUntil")).isEqualTo(month.atDay(11).toString());
		assertThat((String) JsonPath.read(body, "$.musdesUntil")).isEqualTo(month.atDay(14).toString());
		assertThat((String) JsonPath.read(body, "$.cutOff")).isEqualTo(month.atDay(17).toString());
		// the same cycle for the district's manager asking about the district
		MvcTestResult district = call("manajer.tegal", "GET", "/api/v1/update-cycles/current?regionCode=33.28", null);
		assertThat((String) JsonPath.read(district.getResponse().getContentAsString(), "$.id"))
			.isEqualTo(JsonPath.read(body, "$.id"));
		assertThat(call("psm.procot", "GET", "/api/v1/update-cycles/current?regionCode=33.23.01.2001", null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.procot", "GET", "/api/v1/update-cycles/current", null)).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("psm.procot", "GET", "/api/v1/update-cycles/current?regionCode=33", null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.procot", "GET", "/api/v1/update-cycles/current?regionCode=33.28.x", null).getResponse()
			.getContentAsString()).contains("\"field\":\"regionCode\"");
		assertThat(call("program.dinkes", "GET", "/api/v1/update-cycles/current?regionCode=33.28", null))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void anUsulanGoesFromTheVillageToDinsosAndTheMinistryEachStepByItsOwnPeople() throws Exception {
		String household = household();
		MvcTestResult made = call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "CHANGE", "villageCode": "%s", "householdId": "%s", "reason": "Sudah punya jamban sendiri",
				 "changes": {"conditions": {"latrine": "OWN"}}}""".formatted(PROCOT, household));
		assertThat(made).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("DRAFT");
			assertThat(json).extractingPath("$.changes.conditions.latrine").isEqualTo("OWN");
			assertThat(json).extractingPath("$.before.conditions.latrine").isEqualTo("NONE");
			assertThat(json).extractingPath("$.subjectName").isEqualTo("Siti Usulan");
		});
		assertThat(made.getResponse().getHeader("Location")).isEqualTo("/api/v1/usulan/" + id(made));
		String id = id(made);
		String cycle = JsonPath.read(made.getResponse().getContentAsString(), "$.cycleId");
		assertThat(cycle).isEqualTo(JsonPath.read(call("operator.procot", "GET",
				"/api/v1/update-cycles/current?regionCode=" + PROCOT, null).getResponse().getContentAsString(), "$.id"));
		// what it changes is encrypted at rest
		assertThat(jdbc.sql("select changes_cipher from usulan where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single()).doesNotContain("Siti Usulan").doesNotContain("OWN");

		// nobody skips a step; the village agrees and submits, not the PSM
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(call("psm.procot", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("psm.pedeslohor", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + id + "/agree", """
				{"note": "Musdes 10-12-2026"}""")).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.status")
			.isEqualTo("AGREED");
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.OK)
			.bodyJson().extractingPath("$.status").isEqualTo("SUBMITTED");

		// Dinsos works from the district: the village operator may not return or endorse its own usulan
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/return", """
				{"reason": "x"}""")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/return", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(call("manajer.temanggung", "POST", "/api/v1/usulan/" + id + "/return", """
				{"reason": "x"}""")).hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult returned = call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/return", """
				{"reason": "Foto jamban belum dilampirkan"}""");
		assertThat(returned).hasStatus(HttpStatus.OK).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("RETURNED");
			assertThat(json).extractingPath("$.returnReason").isEqualTo("Foto jamban belum dilampirkan");
		});
		assertThat(call("operator.procot", "GET", "/api/v1/usulan?status=RETURNED&villageCode=" + PROCOT + "&size=200", null)
			.getResponse().getContentAsString()).contains(id);

		// the village corrects it against the version it read: a stale version 412
		String etag = call("operator.procot", "GET", "/api/v1/usulan/" + id, null).getResponse().getHeader("ETag");
		MvcTestResult stale = mvc.put().uri("/api/v1/usulan/" + id).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "operator.procot")).header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"reason": "Sudah punya jamban sendiri (foto dilampirkan)", "changes": {"conditions": {"latrine": "OWN"}}}""")
			.exchange();
		assertThat(stale).hasStatus(HttpStatus.PRECONDITION_FAILED);
		MvcTestResult corrected = mvc.put().uri("/api/v1/usulan/" + id).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "operator.procot")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"reason": "Sudah punya jamban sendiri (foto dilampirkan)", "changes": {"conditions": {"latrine": "OWN"}}}""")
			.exchange();
		assertThat(corrected).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.OK);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.OK);

		// the head of office endorses (not the verifier), the verifier sends; once
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/endorse", null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/send", null)).hasStatus(HttpStatus.CONFLICT);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + id + "/endorse", null)).hasStatus(HttpStatus.OK)
			.bodyJson().extractingPath("$.status").isEqualTo("ENDORSED");
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/send", null)).hasStatus(HttpStatus.OK)
			.bodyJson().extractingPath("$.status").isEqualTo("SENT");
		assertThat(call("operator.tegal", "POST", "/api/v1/usulan/" + id + "/send", null)).hasStatus(HttpStatus.CONFLICT);
		// a sent usulan is no longer the village's to change
		MvcTestResult late = mvc.put().uri("/api/v1/usulan/" + id).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "operator.procot")).header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"reason": "lagi", "changes": {"conditions": {"latrine": "SHARED"}}}""").exchange();
		assertThat(late).hasStatus(HttpStatus.CONFLICT);

		// the history: every step with who took it
		String history = call("manajer.tegal", "GET", "/api/v1/usulan/" + id, null).getResponse().getContentAsString();
		assertThat((java.util.List<String>) JsonPath.read(history, "$.steps[*].status")).containsExactly("DRAFT", "AGREED",
				"SUBMITTED", "RETURNED", "DRAFT", "AGREED", "SUBMITTED", "ENDORSED", "SENT");
		// the registry itself is not changed by any of this (only the ministry's result will)
		assertThat(jdbc.sql("select latrine from household where id = cast(:id as uuid)").param("id", household)
			.query(String.class).single()).isEqualTo("NONE");
	}

	@Test
	void aRetryMakesOneUsulanAndBadInputIsNamedByFieldWithNothingWritten() throws Exception {
		String household = household();
		UUID id = UUID.randomUUID();
		String body = """
				{"id": "%s", "kind": "REMOVE", "householdId": "%s", "reason": "Pindah ke Jakarta",
				 "changes": {"removalReason": "MOVED", "date": "2026-11-01"}}""".formatted(id, household);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", body)).hasStatus(HttpStatus.CREATED);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", body)).hasStatus(HttpStatus.CREATED);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", body.replace("Jakarta", "Bandung")))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(jdbc.sql("select count(*) from usulan where id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(1);

		long before = jdbc.sql("select count(*) from usulan").query(Long.class).single();
		MvcTestResult bad = call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Keluarga baru",
				 "changes": {"members": [{"name": "Budi", "nik": "3328101234567890", "birthDate": "31-02-1990"}],
				             "household": {"rt": "abc", "colour": "red"}}}""".formatted(PROCOT));
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"changes.members[0].nik\"",
				"\"field\":\"changes.members[0].birthDate\"", "\"field\":\"changes.household.rt\"",
				"\"field\":\"changes.household.colour\"");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "SOMETHING", "villageCode": "%s", "reason": "x"}""".formatted(PROCOT)).getResponse()
			.getContentAsString()).contains("\"field\":\"kind\"");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "CHANGE", "householdId": "%s", "reason": "x", "changes": {}}""".formatted(household)).getResponse()
			.getContentAsString()).contains("NOTHING_TO_CHANGE");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "villageCode": "%s", "reason": "x", "changes": {"programme": "PKH"}}"""
			.formatted(PROCOT)).getResponse().getContentAsString()).contains("\"field\":\"householdId\"");
		// a village outside the territory, a household of another village
		assertThat(call("psm.pedeslohor", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "x", "changes": {"programme": "PKH"}}"""
			.formatted(household))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.pedeslohor", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "x", "changes": {"members": [{"name": "A"}]}}"""
			.formatted(PROCOT))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("program.dinkes", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "x", "changes": {"members": [{"name": "A"}]}}"""
			.formatted(PROCOT))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from usulan").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void aComplaintAboutSomeoneNotInTheRegistryAndAHomeVisitBringDrafts() throws Exception {
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 3, 4), Sex.M);
		MvcTestResult complaint = call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "%s", "description": "Belum terdaftar",
				 "ppksCodes": ["24"], "subject": {"nik": "%s", "name": "Warga Baru Usulan", "birthDate": "1990-03-04",
				 "sex": "M"}}""".formatted(PROCOT, nik));
		assertThat(complaint).hasStatus(HttpStatus.CREATED);
		String complaintId = id(complaint);
		String usulan = jdbc.sql("select cast(id as text) from usulan where source = 'COMPLAINT' and source_id = cast(:id as uuid)")
			.param("id", complaintId).query(String.class).single();
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + usulan, null)).hasStatus(HttpStatus.OK).bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.kind").isEqualTo("ENTER");
				assertThat(json).extractingPath("$.status").isEqualTo("DRAFT");
				assertThat(json).extractingPath("$.changes.members[0].name").isEqualTo("Warga Baru Usulan");
				assertThat(json).extractingPath("$.changes.members[0].nik").isEqualTo(nik);
				assertThat(json).extractingPath("$.changes.members[0].birthDate").isEqualTo("1990-03-04");
			});
		// the district's manager sees the NIK masked
		assertThat(call("manajer.tegal", "GET", "/api/v1/usulan/" + usulan, null).getResponse().getContentAsString())
			.doesNotContain(nik);
		// the citizen's tracking follows the usulan, without personal data
		String ticket = JsonPath.read(complaint.getResponse().getContentAsString(), "$.ticketNumber");
		String code = JsonPath.read(complaint.getResponse().getContentAsString(), "$.trackingCode");
		String tracked = mvc.post().uri("/api/v1/public/tracking").with(request -> {
			request.setRemoteAddr("10.77.0.17");
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"ticketNumber": "%s", "trackingCode": "%s"}""".formatted(ticket, code)).exchange().getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(tracked, "$.registryUpdate.status")).isEqualTo("DRAFT");
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + usulan + "/agree", null)).hasStatus(HttpStatus.OK);
		tracked = mvc.post().uri("/api/v1/public/tracking").with(request -> {
			request.setRemoteAddr("10.77.0.18");
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"ticketNumber": "%s", "trackingCode": "%s"}""".formatted(ticket, code)).exchange().getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(tracked, "$.registryUpdate.statusLabel")).isEqualTo("Disepakati desa");
		assertThat(tracked).doesNotContain("Warga Baru Usulan").doesNotContain(nik);

		// a home visit that finds the roof different
		MockHttpSession psm = DemoLogins.session(mvc, "psm.procot");
		String household = household();
		UUID visit = UUID.randomUUID();
		assertThat(mvc.post().uri("/lapangan/api/kirim").session(psm).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"id": "%s", "kind": "visit", "recordedAt": "%s",
					 "fields": {"householdId": "%s", "roof": "THATCH", "note": "Atap rumbia"}}"""
				.formatted(visit, Instant.now().minusSeconds(600), household))).hasStatus(HttpStatus.CREATED);
		String fromVisit = jdbc.sql("select cast(id as text) from usulan where source = 'FIELD_VISIT' and source_id = :id")
			.param("id", visit).query(String.class).single();
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + fromVisit, null)).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.kind").isEqualTo("CHANGE");
			assertThat(json).extractingPath("$.changes.conditions.roof").isEqualTo("THATCH");
			assertThat(json).extractingPath("$.before.conditions.roof").isEqualTo("TILE");
		});
	}

	/** A village of Tegal no other test uses, so that its list of usulan is this test's own. */
	static final String KUDAILE = "33.28.10.1009";

	@Test
	void theIntegrityChecksStopAVillagesListUntilEachFailureIsFixed() throws Exception {
		// a person already registered in another family, and a NIK whose birth date is another day
		String household = household();
		String taken = JsonPath.read(call("fo.procot", "GET", "/api/v1/households/" + household, null).getResponse()
			.getContentAsString(), "$.members[0].nik");
		String kk = TestIdentifiers.kk("33.28.10");
		String otherKk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1985, 1, 20), Sex.M);
		String single = TestIdentifiers.nik("33.28.10", LocalDate.of(1991, 7, 7), Sex.F);
		String newFamily = """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"kkNumber": "%s", "address": "Dk. Baru",
				 "rt": "1", "rw": "2", "members": [
				   {"nik": "%s", "name": "Kepala Baru", "birthDate": "1985-01-20", "sex": "M", "relationship": "HEAD"},
				   {"nik": "%s", "name": "Istri Baru", "birthDate": "1980-05-15", "sex": "F", "relationship": "WIFE"}]}}""";
		MvcTestResult twoFamilies = call("operator.tegal", "POST", "/api/v1/usulan",
				newFamily.formatted(KUDAILE, kk, head, taken));
		assertThat(twoFamilies).hasStatus(HttpStatus.CREATED);
		String singleFamily = """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"household": {"kkNumber": "%s",
				 "address": "Dk. Lain", "rt": "3", "rw": "2"}, "members": [
				   {"nik": "%s", "name": "Tanggal Salah", "birthDate": "%s", "sex": "F", "relationship": "HEAD"}]}}""";
		MvcTestResult wrongDate = call("operator.tegal", "POST", "/api/v1/usulan",
				singleFamily.formatted(KUDAILE, otherKk, single, "1991-07-08"));
		assertThat(wrongDate).hasStatus(HttpStatus.CREATED);
		String first = id(twoFamilies);
		String second = id(wrongDate);
		// the household's fields given beside the members became the new family's household
		assertThat((String) JsonPath.read(twoFamilies.getResponse().getContentAsString(), "$.changes.household.rt"))
			.isEqualTo("001");
		for (String id : new String[] { first, second }) {
			assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.OK);
		}
		MvcTestResult checks = call("operator.tegal", "GET", "/api/v1/usulan/checks?villageCode=" + KUDAILE, null);
		assertThat(checks).hasStatus(HttpStatus.OK);
		assertThat((java.util.List<String>) JsonPath.read(checks.getResponse().getContentAsString(), "$.failures[*].code"))
			.containsExactlyInAnyOrder("PERSON_IN_TWO_FAMILIES", "NIK_BIRTH_DATE_MISMATCH");
		MvcTestResult refused = call("manajer.tegal", "POST", "/api/v1/usulan/submit", """
				{"villageCode": "%s"}""".formatted(KUDAILE));
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(refused.getResponse().getContentAsString()).contains(
				"\"field\":\"usulan[" + first + "].changes.members[1].nik\"",
				"\"field\":\"usulan[" + second + "].changes.members[0].birthDate\"", "sudah terdaftar di keluarga lain");
		// nothing was submitted, and one usulan alone fails the same way
		assertThat(jdbc.sql("select count(*) from usulan where village_code = :v and status = 'SUBMITTED'")
			.param("v", KUDAILE).query(Long.class).single()).isZero();
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + second + "/submit", null))
			.hasStatus(HttpStatus.BAD_REQUEST);

		// the operator corrects the agreed usulan's data; they stay agreed (the musdes agreed the families)
		correct(first, newFamily.formatted(KUDAILE, kk, head,
				TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F)));
		correct(second, singleFamily.formatted(KUDAILE, otherKk, single, "1991-07-07"));
		assertThat(jdbc.sql("select count(*) from usulan where id in (cast(:a as uuid), cast(:b as uuid)) and status = 'AGREED'")
			.param("a", first).param("b", second).query(Long.class).single()).isEqualTo(2);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/submit", """
				{"villageCode": "%s"}""".formatted(KUDAILE))).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.submitted").isEqualTo(2);
	}

	@Test
	void theBnbaNamesWhomAnUsulanIsAboutAndARestrictedPersonsUsulanIsKeptNotShown() throws Exception {
		// a family of two; the village proposes to remove the wife, who moved away
		String kk = TestIdentifiers.kk("33.28.10");
		MvcTestResult family = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "003", "rw": "001", "address": "Jl. Pindah 2",
				 "members": [{"nik": "%s", "name": "Kepala Tetap", "birthDate": "1975-03-03", "sex": "M", "relationship": "HEAD"},
				             {"nik": "%s", "name": "Istri Pindah", "birthDate": "1979-09-09", "sex": "F", "relationship": "WIFE"}]}"""
			.formatted(kk, PROCOT, TestIdentifiers.nik("33.28.10", LocalDate.of(1975, 3, 3), Sex.M),
					TestIdentifiers.nik("33.28.10", LocalDate.of(1979, 9, 9), Sex.F)));
		assertThat(family).hasStatus(HttpStatus.CREATED);
		String household = id(family);
		String wife = ((java.util.List<String>) JsonPath.read(family.getResponse().getContentAsString(),
				"$.members[?(@.relationship == 'WIFE')].id")).getFirst();
		String removal = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "REMOVE", "householdId": "%s", "personId": "%s", "reason": "Pindah ke Brebes",
				 "changes": {"removalReason": "MOVED"}}""".formatted(household, wife)));
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + removal + "/agree", null)).hasStatus(HttpStatus.OK);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + removal + "/submit", null)).hasStatus(HttpStatus.OK);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + removal + "/endorse", null)).hasStatus(HttpStatus.OK);
		MvcTestResult xlsx = mvc.get().uri("/api/v1/usulan/bnba.xlsx?villageCode=" + PROCOT)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange();
		java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
		try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			workbook.getFirstSheet().openStream().forEach(row -> rows.add(row.stream()
				.map(cell -> cell == null ? "" : cell.getRawValue()).toList()));
		}
		// the row is the wife who moved (not the head), with her sex and birth date, at the family's address
		assertThat(rows.subList(2, rows.size())).anySatisfy(row -> {
			assertThat(row.get(1)).isEqualTo("Istri Pindah");
			assertThat(row.get(2)).isEqualTo("P");
			assertThat(row.get(3)).isEqualTo("09-09-1979");
			assertThat(row.get(5)).isEqualTo("Jl. Pindah 2");
		});

		// the wife asks to restrict processing: her usulan is kept, but no list or page shows it until it is lifted
		assertThat(call("dpo.tegal", "PUT", "/api/v1/data-subjects/" + wife + "/restriction", null)).hasStatusOk();
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + removal, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("manajer.tegal", "GET", "/api/v1/usulan?status=ENDORSED&size=200", null).getResponse()
			.getContentAsString()).doesNotContain(removal);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + removal + "/send", null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", removal)
			.query(String.class).single()).isEqualTo("ENDORSED");
		assertThat(call("dpo.tegal", "DELETE", "/api/v1/data-subjects/" + wife + "/restriction", null))
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + removal, null)).hasStatus(HttpStatus.OK);
	}

	@Test
	void oneKkInTwoNewFamiliesFailsTheChecksAndBadPageParametersAnswerPages() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String body = """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"household": {"kkNumber": "%s",
				 "address": "Dk. Kembar", "rt": "4", "rw": "2"}, "members": [
				   {"nik": "%s", "name": "Kembar %s", "birthDate": "1990-02-02", "sex": "M", "relationship": "HEAD"}]}}""";
		String a = id(call("operator.procot", "POST", "/api/v1/usulan",
				body.formatted(PROCOT, kk, TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 2, 2), Sex.M), "A")));
		String b = id(call("operator.procot", "POST", "/api/v1/usulan",
				body.formatted(PROCOT, kk, TestIdentifiers.nik("33.28.10", LocalDate.of(1990, 2, 2), Sex.M), "B")));
		String checks = call("operator.procot", "GET", "/api/v1/usulan/checks?villageCode=" + PROCOT, null).getResponse()
			.getContentAsString();
		assertThat((java.util.List<String>) JsonPath.read(checks, "$.failures[?(@.code == 'KK_IN_TWO_USULAN')].usulanId"))
			.contains(a, b);
		// an empty choice submits nothing (rather than everything)
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/submit", """
				{"villageCode": "%s", "ids": []}""".formatted(PROCOT))).hasStatus(HttpStatus.BAD_REQUEST);

		MockHttpSession operator = DemoLogins.session(mvc, "operator.procot");
		// a kind that needs a household, posted without one, shows the new family's form again (no error page)
		assertThat(mvc.post().uri("/usulan/baru").session(operator).with(csrf()).param("kind", "CHANGE")
			.param("reason", "x")).hasStatus(HttpStatus.OK).bodyText().contains("Usulan");
		MockHttpSession head = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.post().uri("/usulan/pilihan").session(head).with(csrf()).param("aksi", "sahkan")
			.param("usulan", a).param("status", "BUKAN")).hasStatus(HttpStatus.FOUND).hasHeader("Location", "/usulan?");
		assertThat(mvc.post().uri("/usulan/ajukan-semua").session(operator).with(csrf()).param("desa", "33.28.10.1008{x}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Autowired
	LateUsulan lateUsulan;

	@Test
	void anUsulanStillInTheVillageAfterTheCutOffMovesToTheCurrentCycleWithANote() throws Exception {
		jdbc.sql("""
				insert into update_cycle (id, regency_code, period, entry_until, musdes_until, cut_off, ranking, created_at)
				values (gen_random_uuid(), '33.28', '2026-09', date '2026-09-11', date '2026-09-14', date '2026-09-17', true, now())
				on conflict (regency_code, period) do nothing""").update();
		String old = jdbc.sql("select cast(id as text) from update_cycle where regency_code = '33.28' and period = '2026-09'")
			.query(String.class).single();
		String draft = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Terlambat", "changes": {"programme": "PKH"}}"""
			.formatted(household())));
		String inTime = submittedProgramme();
		jdbc.sql("update usulan set cycle_id = cast(:old as uuid) where id in (cast(:a as uuid), cast(:b as uuid))")
			.param("old", old).param("a", draft).param("b", inTime).update();
		assertThat(lateUsulan.moveLate()).isGreaterThanOrEqualTo(1);
		String current = JsonPath.read(call("operator.procot", "GET", "/api/v1/update-cycles/current?regionCode=" + PROCOT,
				null).getResponse().getContentAsString(), "$.id");
		assertThat(jdbc.sql("select cast(cycle_id as text) || ' ' || cast(moved_from as text) from usulan where id = cast(:id as uuid)")
			.param("id", draft).query(String.class).single()).isEqualTo(current + " " + old);
		assertThat(jdbc.sql("select cast(cycle_id as text) from usulan where id = cast(:id as uuid)").param("id", inTime)
			.query(String.class).single()).isEqualTo(old);
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + draft, null).getResponse().getContentAsString())
			.contains("Lewat batas siklus 2026-09");
		// a second scan finds nothing more of it to move
		lateUsulan.moveLate();
		assertThat(jdbc.sql("select count(*) from usulan_step where usulan_id = cast(:id as uuid) and note like 'Lewat batas%'")
			.param("id", draft).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aSanggahIsCheckedInTheFieldBeforeItGoesAndTheCheckSurvivesCorrections() throws Exception {
		String household = household();
		String sanggah = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "SANGGAH", "householdId": "%s", "reason": "Tetangga: sudah punya mobil",
				 "changes": {"objectorName": "Pak Darmo", "programme": "PKH"}}""".formatted(household)));
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + sanggah + "/agree", null)).hasStatus(HttpStatus.OK);
		// agreed but not checked in the field: it does not go yet
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + sanggah + "/submit", null))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("SANGGAH_NOT_CHECKED");
		// the PSM checks it; the operator may not, nor another kind be checked
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + sanggah + "/field-check", """
				{"eligible": true}""")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("psm.procot", "POST", "/api/v1/usulan/" + sanggah + "/field-check", "{}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("\"field\":\"eligible\"");
		String programme = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "x", "changes": {"programme": "PKH"}}""".formatted(household())));
		assertThat(call("psm.procot", "POST", "/api/v1/usulan/" + programme + "/field-check", """
				{"eligible": true}""")).hasStatus(HttpStatus.CONFLICT);
		assertThat(call("psm.procot", "POST", "/api/v1/usulan/" + sanggah + "/field-check", """
				{"eligible": true, "note": "Mobil milik saudara"}""")).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.changes.fieldCheck.eligible").isEqualTo(true);
		// the same check again (a second tap): one step on the history
		assertThat(call("psm.procot", "POST", "/api/v1/usulan/" + sanggah + "/field-check", """
				{"eligible": true, "note": "Mobil milik saudara"}""")).hasStatus(HttpStatus.OK);
		assertThat(jdbc.sql("select count(*) from usulan_step where usulan_id = cast(:id as uuid) and note like 'Cek lapangan%'")
			.param("id", sanggah).query(Long.class).single()).isEqualTo(1);
		// a correction by the village keeps the PSM's check, whatever it sends
		assertThat(mvc.put().uri("/api/v1/usulan/" + sanggah).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "operator.procot")).header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"reason": "Tetangga: sudah punya mobil (diperbaiki)",
					 "changes": {"objectorName": "Pak Darmo", "programme": "PKH", "fieldCheck": {"eligible": false}}}"""))
			.hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.changes.fieldCheck.eligible").isEqualTo(true);
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + sanggah, null).getResponse().getContentAsString())
			.contains("Cek lapangan: layak");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + sanggah + "/submit", null)).hasStatus(HttpStatus.OK);
	}

	@Test
	void theVillageWithdrawsADuplicateBeforeItGoesAndTheChecksNoLongerSeeIt() throws Exception {
		String household = household();
		String body = """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Lansia", "changes": {"programme": "PKH"}}""".formatted(household);
		String first = id(call("operator.procot", "POST", "/api/v1/usulan", body));
		String twice = id(call("operator.procot", "POST", "/api/v1/usulan", body));
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/checks?villageCode=" + PROCOT, null).getResponse()
			.getContentAsString()).contains(twice);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + twice + "/withdraw", "{}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("\"field\":\"reason\"");
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + twice + "/withdraw", """
				{"reason": "Ganda, dibuat dua kali"}""")).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.status")
			.isEqualTo("WITHDRAWN");
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/checks?villageCode=" + PROCOT, null).getResponse()
			.getContentAsString()).doesNotContain(twice).doesNotContain(first);
		// a second tap answers as the first
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + twice + "/withdraw", """
				{"reason": "Ganda, dibuat dua kali"}""")).hasStatus(HttpStatus.OK);
		assertThat(jdbc.sql("select count(*) from usulan_step where usulan_id = cast(:id as uuid) and status = 'WITHDRAWN'")
			.param("id", twice).query(Long.class).single()).isEqualTo(1);
		// nothing moves a withdrawn one; a submitted one is Dinsos' and not the village's to withdraw
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + twice + "/agree", null)).hasStatus(HttpStatus.CONFLICT);
		String submitted = submittedProgramme();
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + submitted + "/withdraw", """
				{"reason": "x"}""")).hasStatus(HttpStatus.CONFLICT).bodyText().contains("USULAN_NOT_WITHDRAWABLE");
	}

	@Test
	void aMusdesFormSentTwiceRecordsOneMusdes() throws Exception {
		String draft = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Musdes dua kali", "changes": {"programme": "PKH"}}"""
			.formatted(household())));
		MockHttpSession operator = DemoLogins.session(mvc, "operator.procot");
		String form = mvc.get().uri("/usulan/musdes?desa=" + PROCOT).session(operator).exchange().getResponse()
			.getContentAsString();
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("name=\"musdesId\" value=\"([0-9a-f-]{36})\"")
			.matcher(form);
		assertThat(id.find()).as("the form carries its own id").isTrue();
		long before = jdbc.sql("select count(*) from musdes where village_code = :v").param("v", PROCOT).query(Long.class)
			.single();
		for (int tap = 0; tap < 2; tap++) {
			assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/usulan/musdes")
				.param("desa", PROCOT).param("kind", "SPTJM").param("heldOn", LocalDate.now(ZoneId.of("Asia/Jakarta")).toString())
				.param("usulan", draft).param("musdesId", id.group(1)).session(operator).with(csrf())))
				.hasStatus(HttpStatus.FOUND);
		}
		assertThat(jdbc.sql("select count(*) from musdes where village_code = :v").param("v", PROCOT).query(Long.class)
			.single()).isEqualTo(before + 1);
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", draft).query(String.class)
			.single()).isEqualTo("AGREED");
	}

	@Test
	void anUsulanTakesPhotosAndDocumentsKnownByTheirContentOnceEach() throws Exception {
		String usulan = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Rumah tidak layak", "changes": {"programme": "PKH"}}"""
			.formatted(household())));
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1 };
		String token = "Bearer " + DemoLogins.token(mvc, "operator.procot");
		String photo = UUID.randomUUID().toString();
		String uri = "/api/v1/usulan/" + usulan + "/attachments/" + photo + "?kind=PHOTO_FRONT";
		assertThat(mvc.put().uri(uri).header("Authorization", token).contentType(MediaType.IMAGE_JPEG).content(jpeg))
			.hasStatus(HttpStatus.CREATED);
		// the same upload again (a retry): the first answer; another content under the same id: 409
		assertThat(mvc.put().uri(uri).header("Authorization", token).contentType(MediaType.IMAGE_JPEG).content(jpeg))
			.hasStatus(HttpStatus.OK);
		byte[] other = jpeg.clone();
		other[11] = 2;
		assertThat(mvc.put().uri(uri).header("Authorization", token).contentType(MediaType.IMAGE_JPEG).content(other))
			.hasStatus(HttpStatus.CONFLICT);
		// known by content, not by name or header: a text file called a JPEG, a PDF as a house photo
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=PHOTO_INSIDE")
			.header("Authorization", token).contentType(MediaType.IMAGE_JPEG).content("bukan foto".getBytes()))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("ATTACHMENT_TYPE");
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=PHOTO_INSIDE")
			.header("Authorization", token).contentType(MediaType.APPLICATION_PDF).content("%PDF-1.4 x".getBytes()))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("ATTACHMENT_TYPE");
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=KK")
			.header("Authorization", token).contentType(MediaType.APPLICATION_PDF)
			.content(new byte[UsulanAttachments.MAX_BYTES + 1])).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("ATTACHMENT_TOO_LARGE");
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=SELFIE")
			.header("Authorization", token).contentType(MediaType.IMAGE_JPEG).content(jpeg)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("\"field\":\"kind\"");
		// encrypted at rest, listed, read back whole (and on the audit trail), not seen from another village
		assertThat(jdbc.sql("select content_cipher from usulan_attachment where id = cast(:id as uuid)").param("id", photo)
			.query(String.class).single()).doesNotContain("JFIF");
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + usulan + "/attachments", null)).bodyJson()
			.extractingPath("$[0].kind").isEqualTo("PHOTO_FRONT");
		MvcTestResult read = call("koordinator.procot", "GET", "/api/v1/usulan/" + usulan + "/attachments/" + photo, null);
		assertThat(read).hasStatus(HttpStatus.OK);
		assertThat(read.getResponse().getContentAsByteArray()).isEqualTo(jpeg);
		assertThat(read.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/usulan/" + usulan + "/attachments/" + photo, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		// ten at most; none once it went to Dinsos
		for (int i = 1; i < UsulanAttachments.MAX_PER_USULAN; i++) {
			assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=DOCUMENT")
				.header("Authorization", token).contentType(MediaType.APPLICATION_PDF).content(("%PDF-1.4 " + i).getBytes()))
				.hasStatus(HttpStatus.CREATED);
		}
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan + "/attachments/" + UUID.randomUUID() + "?kind=DOCUMENT")
			.header("Authorization", token).contentType(MediaType.APPLICATION_PDF).content("%PDF-1.4 11".getBytes()))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("TOO_MANY_ATTACHMENTS");
		String submitted = submittedProgramme();
		assertThat(mvc.put().uri("/api/v1/usulan/" + submitted + "/attachments/" + UUID.randomUUID() + "?kind=DOCUMENT")
			.header("Authorization", token).contentType(MediaType.APPLICATION_PDF).content("%PDF-1.4 late".getBytes()))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void anAgreedUsulanCorrectedIntoAnotherFamilyMustBeAgreedAgain() throws Exception {
		String kk = TestIdentifiers.kk("33.28.10");
		String body = """
				{"kind": "ENTER", "villageCode": "%s", "reason": "Musdes", "changes": {"household": {"kkNumber": "%s",
				 "address": "Dk. Sepakat", "rt": "2", "rw": "2"}, "members": [
				   {"nik": "%s", "name": "%s", "birthDate": "1977-07-07", "sex": "M", "relationship": "HEAD"}]}}""";
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1977, 7, 7), Sex.M);
		String usulan = id(call("operator.procot", "POST", "/api/v1/usulan", body.formatted(PROCOT, kk, nik, "Slamet Riyadi")));
		assertThat(call("koordinator.procot", "POST", "/api/v1/usulan/" + usulan + "/agree", null)).hasStatus(HttpStatus.OK);
		// the name's spelling and the NIK corrected: still the family the musdes agreed
		String other = TestIdentifiers.nik("33.28.10", LocalDate.of(1977, 7, 7), Sex.M);
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan).header("Authorization", "Bearer "
				+ DemoLogins.token(mvc, "operator.procot")).header("If-Match", "*").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(PROCOT, kk, other, "slamet  riyadi"))).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.status").isEqualTo("AGREED");
		// another person: a draft again, for the village to agree
		assertThat(mvc.put().uri("/api/v1/usulan/" + usulan).header("Authorization", "Bearer "
				+ DemoLogins.token(mvc, "operator.procot")).header("If-Match", "*").contentType(MediaType.APPLICATION_JSON)
			.content(body.formatted(PROCOT, kk, other, "Bambang Sutejo"))).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.status").isEqualTo("DRAFT");
		assertThat(call("operator.procot", "GET", "/api/v1/usulan/" + usulan, null).getResponse().getContentAsString())
			.contains("perlu disepakati lagi");
	}

	@Test
	void whoeverSubmittedAnUsulanToDinsosDoesNotAlsoEndorseIt() throws Exception {
		String usulan = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Dua orang", "changes": {"programme": "PKH"}}"""
			.formatted(household())));
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + usulan + "/agree", null)).hasStatus(HttpStatus.OK);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + usulan + "/submit", null)).hasStatus(HttpStatus.OK);
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + usulan + "/endorse", null))
			.hasStatus(HttpStatus.CONFLICT).bodyText().contains("ENDORSER_SUBMITTED");
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", usulan)
			.query(String.class).single()).isEqualTo("SUBMITTED");
	}

	@Test
	void aNulCharacterInAnyTextIsABadRequestNotAnError() throws Exception {
		// a text the service checks names its field
		assertThat(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "ENTER", "villageCode": "%s", "reason": "a\\u0000b", "changes": {"members": [{"name": "A"}]}}"""
			.formatted(PROCOT))).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("\"field\":\"reason\"", "TEXT_INVALID_CHARACTER");
		// one only the database refuses: still 400, and nothing written
		long before = jdbc.sql("select count(*) from musdes").query(Long.class).single();
		assertThat(call("operator.procot", "POST", "/api/v1/musdes", """
				{"villageCode": "%s", "kind": "MUSDES", "heldOn": "%s", "place": "Balai\\u0000Desa", "attendance": 20}"""
			.formatted(PROCOT, LocalDate.now(ZoneId.of("Asia/Jakarta")).minusDays(1)))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText().contains("TEXT_INVALID_CHARACTER");
		assertThat(jdbc.sql("select count(*) from musdes").query(Long.class).single()).isEqualTo(before);
	}

	void correct(String id, String body) throws Exception {
		assertThat(mvc.put().uri("/api/v1/usulan/" + id).header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.tegal")).header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.OK);
	}

	/** A village of Adiwerna (Lumingser) whose musdes are this test's own. */
	static final String ADIWERNA_VILLAGE = "33.28.11.2002";

	@Test
	void aMusdesAgreesItsUsulanAtOnceAndKeepsItsBeritaAcara() throws Exception {
		String[] ids = new String[3];
		for (int i = 0; i < 3; i++) {
			ids[i] = id(call("manajer.tegal", "POST", "/api/v1/usulan", """
					{"kind": "ENTER", "villageCode": "%s", "reason": "Keluarga baru", "changes": {"members": [{"name": "Warga Musdes %d"}]}}"""
				.formatted(ADIWERNA_VILLAGE, i)));
		}
		assertThat(call("manajer.tegal", "POST", "/api/v1/usulan/" + ids[2] + "/agree", null)).hasStatus(HttpStatus.OK);
		String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
		long musdesBefore = jdbc.sql("select count(*) from musdes where village_code = :v").param("v", ADIWERNA_VILLAGE)
			.query(Long.class).single();
		// bad input named by field, an usulan already agreed named by its place in the list: nothing written
		MvcTestResult bad = call("manajer.tegal", "POST", "/api/v1/musdes", """
				{"villageCode": "%s", "kind": "MUSDES", "heldOn": "2999-01-01", "usulanIds": []}""".formatted(ADIWERNA_VILLAGE));
		assertThat(bad).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(bad.getResponse().getContentAsString()).contains("\"field\":\"heldOn\"", "\"field\":\"place\"",
				"\"field\":\"attendance\"");
		MvcTestResult again = call("manajer.tegal", "POST", "/api/v1/musdes", """
				{"villageCode": "%s", "kind": "MUSDES", "heldOn": "%s", "place": "Balai desa", "attendance": 32,
				 "usulanIds": ["%s", "%s"]}""".formatted(ADIWERNA_VILLAGE, today, ids[0], ids[2]));
		assertThat(again).hasStatus(HttpStatus.CONFLICT);
		assertThat(again.getResponse().getContentAsString()).contains("\"field\":\"usulanIds[1]\"");
		assertThat(jdbc.sql("select count(*) from musdes where village_code = :v").param("v", ADIWERNA_VILLAGE)
			.query(Long.class).single()).isEqualTo(musdesBefore);
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", ids[0])
			.query(String.class).single()).isEqualTo("DRAFT");
		assertThat(call("psm.pedeslohor", "POST", "/api/v1/musdes", """
				{"villageCode": "%s", "kind": "SPTJM", "heldOn": "%s"}""".formatted(ADIWERNA_VILLAGE, today)))
			.hasStatus(HttpStatus.FORBIDDEN);

		MvcTestResult held = call("manajer.tegal", "POST", "/api/v1/musdes", """
				{"villageCode": "%s", "kind": "MUSDES", "heldOn": "%s", "place": "Balai desa", "attendance": 32,
				 "usulanIds": ["%s", "%s"]}""".formatted(ADIWERNA_VILLAGE, today, ids[0], ids[1]));
		assertThat(held).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.agreed").isEqualTo(2);
		String musdes = id(held);
		for (String id : new String[] { ids[0], ids[1] }) {
			String steps = call("manajer.tegal", "GET", "/api/v1/usulan/" + id, null).getResponse().getContentAsString();
			assertThat((String) JsonPath.read(steps, "$.status")).isEqualTo("AGREED");
			assertThat((java.util.List<String>) JsonPath.read(steps, "$.steps[*].note")).anySatisfy(
					note -> assertThat(note).startsWith("Musdes "));
		}
		// Simpul's own berita acara until the signed one is uploaded: a PDF by its content, at most 5 MB
		MvcTestResult generated = call("manajer.tegal", "GET", "/api/v1/musdes/" + musdes + "/document.pdf", null);
		assertThat(generated).hasStatus(HttpStatus.OK);
		assertThat(org.simpul.shared.PdfTexts.of(generated.getResponse().getContentAsByteArray())).contains(
				"BERITA ACARA MUSYAWARAH DESA", "Balai desa", "32 orang", "Warga Musdes 0", "Warga Musdes 1")
			.doesNotContain("Warga Musdes 2");
		String token = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		MvcTestResult notPdf = mvc.put().uri("/api/v1/musdes/" + musdes + "/document").header("Authorization", token)
			.contentType(MediaType.APPLICATION_PDF).content("<html>bukan pdf</html>".getBytes()).exchange();
		assertThat(notPdf).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(notPdf.getResponse().getContentAsString()).contains("FILE_NOT_PDF");
		byte[] tooLarge = new byte[VillageDeliberations.MAX_DOCUMENT + 10];
		System.arraycopy("%PDF-1.4".getBytes(), 0, tooLarge, 0, 8);
		assertThat(mvc.put().uri("/api/v1/musdes/" + musdes + "/document").header("Authorization", token)
			.contentType(MediaType.APPLICATION_PDF).content(tooLarge)).hasStatus(HttpStatus.BAD_REQUEST);
		byte[] signed = generated.getResponse().getContentAsByteArray();
		assertThat(mvc.put().uri("/api/v1/musdes/" + musdes + "/document").header("Authorization", token)
			.contentType(MediaType.APPLICATION_PDF).content(signed)).hasStatus(HttpStatus.OK).bodyJson()
			.extractingPath("$.documentUploaded").isEqualTo(true);
		assertThat(jdbc.sql("select document_cipher from musdes where id = cast(:id as uuid)").param("id", musdes)
			.query(String.class).single()).doesNotContain("Warga Musdes");
		assertThat(call("manajer.tegal", "GET", "/api/v1/musdes/" + musdes + "/document.pdf", null).getResponse()
			.getContentAsByteArray()).isEqualTo(signed);
		assertThat(call("psm.procot", "GET", "/api/v1/musdes/" + musdes, null)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(call("psm.pedeslohor", "GET", "/api/v1/musdes?villageCode=" + ADIWERNA_VILLAGE, null))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat((java.util.List<String>) JsonPath.read(call("tksk.slawi", "GET", "/api/v1/musdes?villageCode="
				+ PROCOT, null).getResponse().getContentAsString(), "$[*].id")).doesNotContain(musdes);
		assertThat((java.util.List<String>) JsonPath.read(call("manajer.tegal", "GET", "/api/v1/musdes?villageCode="
				+ ADIWERNA_VILLAGE, null).getResponse().getContentAsString(), "$[*].id")).contains(musdes);
	}

	/** A household of Procot with a PKH usulan submitted to Dinsos; the usulan's id. */
	String submittedProgramme() throws Exception {
		String household = household();
		String id = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "Lansia dan anak sekolah",
				 "changes": {"programme": "PKH"}}""".formatted(household)));
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/agree", null)).hasStatus(HttpStatus.OK);
		assertThat(call("operator.procot", "POST", "/api/v1/usulan/" + id + "/submit", null)).hasStatus(HttpStatus.OK);
		return id;
	}

	@Test
	void dinsosEndorsesWhatItChoseAllOrNoneAndListsItByNameAndAddress() throws Exception {
		String first = submittedProgramme();
		String second = submittedProgramme();
		String draft = id(call("operator.procot", "POST", "/api/v1/usulan", """
				{"kind": "PROGRAMME", "householdId": "%s", "reason": "x", "changes": {"programme": "PKH"}}"""
			.formatted(household())));
		MockHttpSession head = DemoLogins.session(mvc, "manajer.tegal");
		// a draft among the chosen stops them all
		assertThat(mvc.post().uri("/usulan/pilihan").session(head).with(csrf()).param("aksi", "sahkan")
			.param("usulan", first, draft)).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select status from usulan where id = cast(:id as uuid)").param("id", first)
			.query(String.class).single()).isEqualTo("SUBMITTED");
		assertThat(mvc.post().uri("/usulan/pilihan").session(head).with(csrf()).param("aksi", "sahkan")
			.param("usulan", first, second)).hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select count(*) from usulan where id in (cast(:a as uuid), cast(:b as uuid)) and status = 'ENDORSED'")
			.param("a", first).param("b", second).query(Long.class).single()).isEqualTo(2);
		// the verifier may not endorse from the page either
		MockHttpSession verifier = DemoLogins.session(mvc, "operator.tegal");
		assertThat(mvc.get().uri("/usulan?status=ENDORSED").session(verifier)).bodyText()
			.contains("Tandai yang dipilih terkirim ke kementerian").doesNotContain("Sahkan yang dipilih");

		// the BNBA: endorsed usulan by default, the BLT-DD columns, NIKs whole for the verifier, as text
		MvcTestResult xlsx = mvc.get().uri("/api/v1/usulan/bnba.xlsx?villageCode=" + PROCOT)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal")).exchange();
		assertThat(xlsx).hasStatus(HttpStatus.OK);
		assertThat(xlsx.getResponse().getHeader("Cache-Control")).contains("no-store");
		java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
		try (org.dhatim.fastexcel.reader.ReadableWorkbook workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
				new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
			workbook.getFirstSheet().openStream().forEach(row -> rows.add(row.stream()
				.map(cell -> cell == null ? "" : cell.getRawValue()).toList()));
		}
		assertThat(rows.get(1)).containsExactly("NIK", "Nama Kepala Keluarga", "Jenis Kelamin", "Tanggal Lahir",
				"Jumlah Anggota Keluarga", "Alamat", "RT", "RW", "Pekerjaan", "Kriteria", "Cara Pembayaran");
		assertThat(rows.subList(2, rows.size())).anySatisfy(row -> {
			assertThat(row.get(1)).isEqualTo("Siti Usulan");
			assertThat(row.get(0)).hasSize(16).doesNotContain("•");
			assertThat(row.get(2)).isEqualTo("P");
			assertThat(row.get(3)).isEqualTo("15-05-1980");
			assertThat(row.get(9)).isEqualTo("Usulan program PKH");
		});
		// chosen columns; a column not known; the PDF
		MvcTestResult pdf = mvc.get().uri("/api/v1/usulan/bnba.pdf?villageCode=" + PROCOT + "&columns=name,nik,village")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal")).exchange();
		assertThat(pdf).hasStatus(HttpStatus.OK);
		assertThat(org.simpul.shared.PdfTexts.of(pdf.getResponse().getContentAsByteArray())).contains("BNBA", "Siti Usulan",
				"Procot", "••");
		assertThat(mvc.get().uri("/api/v1/usulan/bnba.pdf?columns=name,salary")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/usulan/bnba.xlsx?villageCode=" + PROCOT)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "psm.pedeslohor"))).hasStatus(HttpStatus.NOT_FOUND);
		// a selection larger than a list holds is refused with a word, never cut short
		bnba.maxRows = 1;
		try {
			assertThat(mvc.get().uri("/api/v1/usulan/bnba.xlsx?status=ENDORSED")
				.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatus(HttpStatus.BAD_REQUEST)
				.bodyJson().extractingPath("$.errors[0].code").isEqualTo("BNBA_TOO_LARGE");
			MockHttpSession manager = DemoLogins.session(mvc, "manajer.tegal");
			MvcTestResult page = mvc.get().uri("/usulan/bnba.pdf?status=ENDORSED").session(manager).exchange();
			assertThat(page).hasStatus(HttpStatus.FOUND).redirectedUrl().isEqualTo("/usulan?status=ENDORSED");
			assertThat(mvc.get().uri("/usulan?status=ENDORSED").session(manager)
				.flashAttrs(page.getMvcResult().getFlashMap())).hasStatusOk().bodyText()
				.contains("Daftar ini lebih dari 20.000 baris: pilih satu desa, siklus atau jenis usulan.");
		}
		finally {
			bnba.maxRows = Bnba.MAX_ROWS;
		}
	}

	@Autowired
	Bnba bnba;

	@Test
	void theDistrictSeesEachVillagesMusdesUsulanWaitingAndReturnReasons() throws Exception {
		MvcTestResult overview = call("manajer.tegal", "GET", "/api/v1/usulan/overview?regionCode=33.28", null);
		assertThat(overview).hasStatus(HttpStatus.OK);
		String body = overview.getResponse().getContentAsString();
		// the demo world: Procot held its musdes two days ago; Dinsos returned one of Procot's
		assertThat((java.util.List<Boolean>) JsonPath.read(body, "$.villages[?(@.villageCode == '33.28.10.1008')].musdesOverdue"))
			.containsExactly(false);
		// every village without a musdes or SPTJM in the last three months is counted (other tests hold some)
		long recent = jdbc.sql("select count(distinct village_code) from musdes where village_code like '33.28.%'"
				+ " and held_on >= current_date - interval '3 months'").query(Long.class).single();
		assertThat(((Number) JsonPath.read(body, "$.villagesOverdue")).longValue()).isEqualTo(287 - recent);
		assertThat((java.util.List<Boolean>) JsonPath.read(body, "$.villages[?(@.musdesOverdue == true)].villageCode"))
			.hasSize((int) (287 - recent));
		assertThat((java.util.List<Integer>) JsonPath.read(body, "$.villages[?(@.villageCode == '33.28.10.1008')].byStatus.RETURNED"))
			.allSatisfy(n -> assertThat(n).isPositive());
		assertThat((java.util.List<String>) JsonPath.read(body, "$.returnReasons[*].reason"))
			.contains("Foto rumah tampak depan dan dalam belum dilampirkan.");
		assertThat((java.util.List<String>) JsonPath.read(body, "$.villages[*].villageCode")).hasSize(287);
		assertThat(mvc.get().uri("/usulan/ringkasan").session(DemoLogins.session(mvc, "manajer.tegal")))
			.hasStatus(HttpStatus.OK).bodyText().contains("Procot", "belum musdes", "Foto rumah tampak depan");
		assertThat(call("psm.procot", "GET", "/api/v1/usulan/overview?regionCode=33.28", null)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDistrictsCalendarIsItsManagersToEdit() throws Exception {
		MvcTestResult read = call("manajer.temanggung", "GET", "/api/v1/update-calendars/33.23", null);
		assertThat(read).hasStatus(HttpStatus.OK);
		String etag = read.getResponse().getHeader("ETag");
		String body = """
				{"entryDay": 10, "musdesDay": 12, "cutOffDay": 15, "rankingMonths": [2, 5, 8, 11], "sanggahDays": 14,
				 "musdesMonths": 3}""";
		assertThat(mvc.put().uri("/api/v1/update-calendars/33.28").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.temanggung")).header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.put().uri("/api/v1/update-calendars/33.23").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "psm.procot")).header("If-Match", "*")
			.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult wrong = mvc.put().uri("/api/v1/update-calendars/33.23").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.temanggung")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(body.replace("\"cutOffDay\": 15", "\"cutOffDay\": 31")).exchange();
		assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrong.getResponse().getContentAsString()).contains("\"field\":\"cutOffDay\"");
		MvcTestResult saved = mvc.put().uri("/api/v1/update-calendars/33.23").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.temanggung")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(saved).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.cutOffDay").isEqualTo(15);
		assertThat(mvc.put().uri("/api/v1/update-calendars/33.23").header("Authorization",
				"Bearer " + DemoLogins.token(mvc, "manajer.temanggung")).header("If-Match", etag)
			.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.PRECONDITION_FAILED);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		YearMonth month = today.getDayOfMonth() <= 15 ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);
		String cycle = call("manajer.temanggung", "GET", "/api/v1/update-cycles/current?regionCode=33.23", null)
			.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(cycle, "$.cutOff")).isEqualTo(month.atDay(15).toString());
		assertThat((String) JsonPath.read(cycle, "$.entryUntil")).isEqualTo(month.atDay(10).toString());
	}

	static final String[] MONTHS = { "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
			"September", "Oktober", "November", "Desember" };

	/** The month of Procot's current cycle with the default calendar (cut-off on the 17th). */
	static YearMonth month() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
		return today.getDayOfMonth() <= 17 ? YearMonth.from(today) : YearMonth.from(today).plusMonths(1);
	}

	@Test
	void theOperatorSeesTheCycleAndTheVillagesUsulanAndDinsosActsFromThePages() throws Exception {
		String household = household();
		MockHttpSession operator = DemoLogins.session(mvc, "operator.procot");
		MvcTestResult proposed = mvc.post().uri("/usulan/baru").session(operator).with(csrf())
			.param("kind", "PROGRAMME").param("householdId", household).param("changes.programme", "PKH")
			.param("reason", "Ada ibu hamil dan anak sekolah").exchange();
		assertThat(proposed).hasStatus(HttpStatus.FOUND);
		String location = proposed.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/usulan/");
		assertThat(mvc.get().uri("/usulan").session(operator)).hasStatus(HttpStatus.OK).bodyText()
			.contains("Siklus " + MONTHS[month().getMonthValue() - 1] + " " + month().getYear() + ": entri s.d. 11 "
					+ MONTHS[month().getMonthValue() - 1].substring(0, 3), "Siti Usulan", "Usul program");
		assertThat(mvc.get().uri(location).session(operator)).hasStatus(HttpStatus.OK).bodyText()
			.contains("Ada ibu hamil dan anak sekolah", "Sepakati", "PKH");
		assertThat(mvc.post().uri(location + "/sepakati").session(operator).with(csrf()).param("text", "Musdes 3-12-2026"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post().uri(location + "/ajukan").session(operator).with(csrf())).hasStatus(HttpStatus.FOUND);
		MockHttpSession dinsos = DemoLogins.session(mvc, "operator.tegal");
		assertThat(mvc.get().uri("/usulan?desa=" + PROCOT + "&status=SUBMITTED").session(dinsos)).hasStatus(HttpStatus.OK)
			.bodyText().contains("Siti Usulan", "Diajukan ke Dinsos");
		assertThat(mvc.get().uri(location).session(dinsos)).bodyText().contains("Kembalikan ke desa untuk diperbaiki")
			.doesNotContain("Sahkan<");
		assertThat(mvc.post().uri(location + "/kembalikan").session(dinsos).with(csrf()).param("text", "Lampirkan KK"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/usulan").session(operator)).bodyText().contains("Dikembalikan: Lampirkan KK");
		assertThat(mvc.get().uri("/usulan?periksa=true").session(operator)).hasStatus(HttpStatus.OK).bodyText()
			.contains("Periksa data sebelum diajukan");
		// a bad form comes back with what was typed and the field to correct
		assertThat(mvc.post().uri("/usulan/baru").session(operator).with(csrf()).param("kind", "ENTER")
			.param("changes.members[0].name", "Keluarga Baru").param("changes.members[0].nik", "12345")
			.param("reason", "Hasil musdes")).hasStatus(HttpStatus.OK).bodyText()
			.contains("Keluarga Baru", "Ada isian yang perlu diperbaiki");
		// another village's usulan does not exist for its PSM
		assertThat(mvc.get().uri(location).session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}
}
