package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Ids chosen by the client on every creating {@code POST} (the offline field app names its records): a new id
 * makes the record with that id; the same id with the same content, sent again, answers the first answer and
 * makes nothing; the same id with other content, from another user, or naming a record that exists already
 * answers 409 on the field {@code id}; an id that is not a UUID is a 400 naming it.
 */
@SimpulIntegrationTest
class ClientIdIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	/**
	 * One creating endpoint: who calls it, where (set up per case), the body for an id (with a variant that
	 * changes its content), the answer it gives, and how many rows the database holds under the id.
	 */
	record Create(String name, String user, Function<ClientIdIntegrationTests, String> uri,
			Function<Variant, String> body, HttpStatus created, String counted) {

		@Override
		public String toString() {
			return name;
		}
	}

	/** The id and whether the content is the changed one. */
	record Variant(UUID id, boolean changed, String suffix) {

		String text(String first, String other) {
			return changed ? other : first;
		}
	}

	static Stream<Create> creates() {
		return Stream.of(
				new Create("complaint", "fo.procot", t -> "/api/v1/complaints", v -> """
						{"id": "%s", "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
						 "description": "%s", "ppksCodes": ["24"], "subject": {"name": "Ibu Luring %s"}}"""
					.formatted(v.id(), v.text("Dicatat di dusun", "Dicatat lain"), v.suffix()), HttpStatus.CREATED,
						"select count(*) from complaint where id = :id"),
				new Create("referral", "bo.procot", t -> "/api/v1/referrals", v -> """
						{"id": "%s", "complaintId": "%s", "providerId": "%s", "reason": "%s"}"""
					.formatted(v.id(), v.suffix().split(" ")[0], v.suffix().split(" ")[1],
							v.text("Perlu layanan kesehatan", "Alasan lain")), HttpStatus.CREATED,
						"select count(*) from referral where id = :id"),
				new Create("household", "fo.procot", t -> "/api/v1/households", v -> """
						{"id": "%s", "kkNumber": "%s", "villageCode": "33.28.10.1008", "rt": "2", "rw": "001",
						 "address": "%s",
						 "members": [{"nik": "%s", "name": "Sumirah Luring", "birthDate": "1980-05-15", "sex": "F",
						              "relationship": "HEAD"}]}"""
					.formatted(v.id(), v.suffix().split(" ")[0], v.text("Dukuh Krajan 3", "Dukuh Lain 4"),
							v.suffix().split(" ")[1]), HttpStatus.CREATED,
						"select count(*) from household where id = :id"),
				new Create("member", "operator.tegal", t -> "/api/v1/households/" + t.household() + "/members", v -> """
						{"id": "%s", "nik": "%s", "name": "%s", "birthDate": "2018-02-03", "sex": "M",
						 "relationship": "CHILD"}"""
					.formatted(v.id(), v.suffix(), v.text("Anak Luring", "Anak Lain")), HttpStatus.CREATED,
						"select count(*) from person where id = :id"),
				new Create("assessment", "psm.procot", t -> "/api/v1/complaints/" + t.complaint() + "/assessments",
						v -> """
								{"id": "%s", "formId": "5e1ec7ed-0000-4000-8000-00000000a001",
								 "answers": {"urgency": "BIASA", "safe": true, "sick": false, "needs": ["MAKANAN"],
								             "householdSize": %d}}"""
							.formatted(v.id(), v.changed() ? 3 : 2), HttpStatus.CREATED,
						"select count(*) from assessment where id = :id"),
				new Create("case note", "bo.procot", t -> "/api/v1/complaints/" + t.complaint() + "/case/notes",
						v -> """
								{"id": "%s", "text": "%s"}""".formatted(v.id(), v.text("Ibu tidak di rumah",
								"Ibu sudah pindah")), HttpStatus.OK,
						"select count(*) from case_event where client_id = :id"),
				new Create("assessment form", "manajer.tegal", t -> "/api/v1/assessment-forms", v -> """
						{"id": "%s", "kind": "QUICK", "regencyCode": "33.28", "title": "%s %s",
						 "sections": [{"id": "keadaan", "title": "Keadaan", "questions": [
						   {"id": "urgency", "label": "Seberapa mendesak?", "type": "CHOICE", "required": true,
						    "options": [{"value": "SEGERA", "label": "Darurat"}, {"value": "BIASA", "label": "Biasa"}]}]}]}"""
					.formatted(v.id(), v.text("Asesmen cepat luring", "Asesmen lain"), v.suffix()), HttpStatus.CREATED,
						"select count(*) from assessment_form where id = :id"),
				new Create("PPKS list", "manajer.temanggung", t -> "/api/v1/ppks-lists", v -> """
						{"id": "%s", "regencyCode": "33.23", "name": "%s %s",
						 "categories": [{"code": "T01", "label": "Balita gizi buruk", "nationalCode": "1"}]}"""
					.formatted(v.id(), v.text("Indikator luring", "Indikator lain"), v.suffix()), HttpStatus.CREATED,
						"select count(*) from ppks_taxonomy where id = :id"),
				new Create("user", "manajer.tegal", t -> "/api/v1/users", v -> """
						{"id": "%s", "username": "luring.%s", "password": "Sandi-Panjang-Sekali-2026",
						 "displayName": "%s", "role": "FACILITATOR", "regionCode": "33.28.10.1008"}"""
					.formatted(v.id(), v.suffix(), v.text("Pendamping Luring", "Nama Lain")), HttpStatus.CREATED,
						"select count(*) from app_user where id = :id"),
				new Create("data subject request", "dpo", t -> "/api/v1/data-subjects/" + t.person() + "/requests",
						v -> """
								{"id": "%s", "kind": "ACCESS", "details": "%s"}""".formatted(v.id(),
								v.text("Minta salinan data", "Minta hal lain")), HttpStatus.CREATED,
						"select count(*) from data_subject_request where id = :id"));
	}

	private String complaint;

	private String household;

	private String person;

	private String dpo;

	/** What other tests rely on stays as it was: the national PPKS list and Tegal's quick form in force. */
	@AfterEach
	void backToTheListsAndFormsInForce() {
		jdbc.sql("update ppks_taxonomy set active = false where region_code = '33.23'").update();
		jdbc.sql("delete from assessment_form where definition ->> 'title' like 'Asesmen % luring %'"
				+ " or definition ->> 'title' like 'Asesmen lain %'").update();
	}

	String complaint() {
		if (complaint == null) {
			complaint = JsonPath.read(text(call("fo.procot", "POST", "/api/v1/complaints", """
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Uji",
					 "ppksCodes": ["24"], "subject": {"name": "Ibu Id Klien"}}""")),
					"$.id");
		}
		return complaint;
	}

	String household() {
		if (household == null) {
			registerHousehold();
		}
		return household;
	}

	String person() {
		if (person == null) {
			registerHousehold();
		}
		return person;
	}

	private void registerHousehold() {
		String body = householdBody(UUID.randomUUID()).replaceFirst("\"id\": \"[^\"]+\", ", "");
		MvcTestResult created = call("fo.procot", "POST", "/api/v1/households", body);
		assertThat(created).hasStatus(HttpStatus.CREATED);
		household = JsonPath.read(text(created), "$.id");
		person = JsonPath.<List<String>>read(text(created), "$.members[*].id").getFirst();
	}

	private static String householdBody(UUID id) {
		return """
				{"id": "%s", "kkNumber": "%s", "villageCode": "33.28.10.1008", "rt": "2", "rw": "001",
				 "address": "Dukuh Krajan 3",
				 "members": [{"nik": "%s", "name": "Sumirah Luring", "birthDate": "1980-05-15", "sex": "F",
				              "relationship": "HEAD"}]}""".formatted(id, TestIdentifiers.kk("33.28.10"),
				TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F));
	}

	private String caller(Create create) {
		if (!create.user().equals("dpo")) {
			return create.user();
		}
		if (dpo == null) {
			dpo = "dpo." + UUID.randomUUID().toString().substring(0, 8);
			assertThat(call("admin", "POST", "/api/v1/users", """
					{"username": "%s", "password": "%s", "displayName": "Pejabat PDP", "role": "DPO",
					 "regionCode": "33.28"}""".formatted(dpo, DemoLogins.PASSWORD))).hasStatus(HttpStatus.CREATED);
			DemoLogins.exemptFromSecondFactor(jdbc, dpo);
		}
		return dpo;
	}

	/** What makes each case's content its own (fresh NIKs, names, the complaint and provider of a referral). */
	private String suffix(Create create) {
		return switch (create.name()) {
			case "referral" -> complaint() + " " + jdbc.sql("select cast(id as text) from provider where code = :code")
				.param("code", "DINKES-3328-JAMKESDA").query(String.class).single();
			case "household" -> TestIdentifiers.kk("33.28.10") + " "
					+ TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F);
			case "member" -> TestIdentifiers.nik("33.28.10", LocalDate.of(2018, 2, 3), Sex.M);
			default -> UUID.randomUUID().toString().substring(0, 8);
		};
	}

	private static String text(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private long count(Create create, UUID id) {
		return jdbc.sql(create.counted()).param("id", id).query(Long.class).single();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("creates")
	void theClientsIdMakesOneRecordWhateverTheRetries(Create create) throws Exception {
		UUID id = UUID.randomUUID();
		String user = caller(create);
		String uri = create.uri().apply(this);
		String suffix = suffix(create);
		String body = create.body().apply(new Variant(id, false, suffix));

		MvcTestResult first = call(user, "POST", uri, body);
		assertThat(first).hasStatus(create.created());
		assertThat(count(create, id)).isOne();
		if (create.name().equals("member")) {
			// the answer is the household, the new member among its members
			assertThat(JsonPath.<List<String>>read(text(first), "$.members[*].id")).contains(id.toString());
		}
		else if (!create.name().equals("case note")) {
			assertThat(first).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
		}

		// sent again after a lost answer, re-serialised by the device (another spacing, another property order)
		String reordered = body.replaceFirst("\\{\"id\": \"" + id + "\", ", "{").replaceFirst("}\\s*$", ", \"id\": \"" + id + "\"}")
			.replace("\n", " ");
		for (String again : List.of(body, reordered)) {
			MvcTestResult repeated = call(user, "POST", uri, again);
			assertThat(repeated).hasStatus(create.created());
			assertThat(repeated.getResponse().getHeader("Idempotent-Replayed")).isEqualTo("true");
			assertThat(text(repeated)).isEqualTo(text(first));
		}
		assertThat(count(create, id)).isOne();

		// the same id with other content: refused, and nothing else is written
		MvcTestResult other = call(user, "POST", uri, create.body().apply(new Variant(id, true, suffix)));
		assertThat(other).hasStatus(HttpStatus.CONFLICT).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.errors[0].field").isEqualTo("id");
			assertThat(json).extractingPath("$.errors[0].code").isEqualTo("ID_TAKEN");
		});
		assertThat(count(create, id)).isOne();
	}

	@Test
	void anotherUsersIdIsNotTheirs() throws Exception {
		UUID id = UUID.randomUUID();
		String body = """
				{"id": "%s", "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
				 "description": "Uji", "ppksCodes": ["24"], "subject": {"name": "Ibu Dua Petugas"}}""".formatted(id);
		MvcTestResult first = call("fo.procot", "POST", "/api/v1/complaints", body);
		assertThat(first).hasStatus(HttpStatus.CREATED);
		// the same body from another desk officer: not a repeat, and never the first answer (its tracking code)
		MvcTestResult second = call("manajer.tegal", "POST", "/api/v1/complaints", body);
		assertThat(second).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("id");
		assertThat(text(second))
			.doesNotContain(JsonPath.<String>read(text(first), "$.trackingCode"));
		assertThat(jdbc.sql("select count(*) from complaint where id = :id").param("id", id).query(Long.class).single())
			.isOne();
	}

	@Test
	void anIdThatNamesARecordMadeWithoutItIsRefused() throws Exception {
		// a complaint the server named; a client that read its id sends it as the id of a new one
		String existing = complaint();
		MvcTestResult reused = call("fo.procot", "POST", "/api/v1/complaints", """
				{"id": "%s", "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
				 "description": "Uji", "ppksCodes": ["24"], "subject": {"name": "Ibu Salah Id"}}""".formatted(existing));
		assertThat(reused).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("ID_TAKEN");
		assertThat(jdbc.sql("select subject_name from complaint where id = cast(:id as uuid)").param("id", existing)
			.query(String.class).single()).isEqualTo("Ibu Id Klien");
		// and a member given a household's id
		MvcTestResult member = call("operator.tegal", "POST", "/api/v1/households/" + household() + "/members", """
				{"id": "%s", "nik": "%s", "name": "Anak Salah Id", "birthDate": "2018-02-03", "sex": "M",
				 "relationship": "CHILD"}""".formatted(person(),
				TestIdentifiers.nik("33.28.10", LocalDate.of(2018, 2, 3), Sex.M)));
		assertThat(member).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("id");
	}

	@Test
	void anIdThatIsNotAUuidIsNamed() {
		for (String id : List.of("\"12345\"", "42", "\"5e1ec7ed00004000800000000000a001\"")) {
			MvcTestResult refused = call("fo.procot", "POST", "/api/v1/complaints", """
					{"id": %s, "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
					 "description": "Uji", "ppksCodes": ["24"], "subject": {"name": "Ibu Id Rusak"}}""".formatted(id));
			assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field")
				.isEqualTo("id");
		}
	}

	@Test
	void anIdWhoseNameIsEscapedIsStillTheId() {
		UUID id = UUID.randomUUID();
		String body = """
				{"\\u0069d": "%s", "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
				 "description": "Uji", "ppksCodes": ["24"], "subject": {"name": "Ibu Nama Lolos"}}""".formatted(id);
		assertThat(call("fo.procot", "POST", "/api/v1/complaints", body)).hasStatus(HttpStatus.CREATED);
		assertThat(call("fo.procot", "POST", "/api/v1/complaints", body)).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select count(*) from complaint where id = :id").param("id", id).query(Long.class).single())
			.isOne();
	}

	/** Only creating requests take a client's id: a search or a token request is never kept in the ledger. */
	@Test
	void anIdOnARequestThatCreatesNothingIsNobodysRecord() {
		UUID id = UUID.randomUUID();
		MvcTestResult search = call("fo.procot", "POST", "/api/v1/persons/search", """
				{"id": "%s", "name": "Sumirah"}""".formatted(id));
		assertThat(search).hasStatusOk();
		assertThat(call("fo.procot", "POST", "/api/v1/persons/search", "{\"id\": \"bukan\", \"name\": \"Sumirah\"}"))
			.hasStatusOk();
		assertThat(jdbc.sql("select count(*) from idempotent_request where idempotency_key = :id").param("id", id)
			.query(Long.class).single()).isZero();
	}

	/** Someone else's assessment id, sent with other answers, is refused, not answered with that assessment. */
	@Test
	void anAssessmentIdOfAnotherAuthorIsRefused() {
		String body = """
				{"id": "%s", "formId": "5e1ec7ed-0000-4000-8000-00000000a001",
				 "answers": {"urgency": "BIASA", "safe": true, "sick": false, "needs": ["MAKANAN"], "householdSize": %d}}""";
		UUID id = UUID.randomUUID();
		String uri = "/api/v1/complaints/" + complaint() + "/assessments";
		assertThat(call("psm.procot", "POST", uri, body.formatted(id, 2))).hasStatus(HttpStatus.CREATED);
		assertThat(call("bo.procot", "POST", uri, body.formatted(id, 5))).hasStatus(HttpStatus.CONFLICT).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("ID_TAKEN");
		assertThat(jdbc.sql("select answers ->> 'householdSize' from assessment where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("2");
	}

	@Test
	void twoMembersCannotShareAnId() {
		UUID shared = UUID.randomUUID();
		MvcTestResult refused = call("fo.procot", "POST", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "rt": "2", "rw": "001", "address": "Dukuh Krajan 3",
				 "members": [{"id": "%s", "nik": "%s", "name": "Sumirah Kembar", "birthDate": "1980-05-15", "sex": "F",
				              "relationship": "HEAD"},
				             {"id": "%s", "nik": "%s", "name": "Anak Kembar", "birthDate": "2018-02-03", "sex": "M",
				              "relationship": "CHILD"}]}""".formatted(TestIdentifiers.kk("33.28.10"), shared,
				TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 5, 15), Sex.F), shared,
				TestIdentifiers.nik("33.28.10", LocalDate.of(2018, 2, 3), Sex.M)));
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[*].field").asArray()
			.contains("members[1].id");
		assertThat(jdbc.sql("select count(*) from person where id = :id").param("id", shared).query(Long.class).single())
			.isZero();
	}

	@Test
	void anImportSentAgainWithItsIdIsTheSameImport() throws Exception {
		UUID id = UUID.randomUUID();
		byte[] csv = ("no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n"
				+ TestIdentifiers.kk("33.28.10") + "," + TestIdentifiers.nik("33.28.10", LocalDate.of(1970, 1, 2), Sex.M)
				+ ",Darmo Impor,1970-01-02,L,1,33.28.10.1008\n").getBytes();
		String token = DemoLogins.token(mvc, "manajer.tegal");
		Function<byte[], MvcTestResult> upload = content -> mvc.post().uri("/api/v1/registry/imports")
			.header("Authorization", "Bearer " + token)
			.multipart()
			.file(new MockMultipartFile("file", "luring.csv", "text/csv", content))
			.param("id", id.toString())
			.exchange();
		MvcTestResult first = upload.apply(csv);
		assertThat(first).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
		MvcTestResult again = upload.apply(csv);
		assertThat(again).hasStatus(HttpStatus.ACCEPTED).bodyJson().extractingPath("$.id").isEqualTo(id.toString());
		assertThat(jdbc.sql("select count(*) from registry_import where id = :id").param("id", id).query(Long.class)
			.single()).isOne();
		byte[] other = new String(csv).replace("Darmo", "Darmi").getBytes();
		assertThat(upload.apply(other)).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].field")
			.isEqualTo("id");
		assertThat(mvc.post().uri("/api/v1/registry/imports")
			.header("Authorization", "Bearer " + token)
			.multipart()
			.file(new MockMultipartFile("file", "luring.csv", "text/csv", csv))
			.param("id", "bukan-uuid")
			.exchange()).hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("id");
	}
}
