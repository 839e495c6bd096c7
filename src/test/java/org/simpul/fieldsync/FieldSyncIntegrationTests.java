package org.simpul.fieldsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The field app's sync: a record the phone's outbox sends is stored once whatever the retries, with the phone's
 * time beside the server's; refused with the form's own field names; territorial (404 outside) and by role
 * (403); an ended session or a stale token is told as problem+json, never a login page the outbox cannot read.
 */
@SimpulIntegrationTest
class FieldSyncIntegrationTests {

	private static final String PROCOT = "33.28.10.1008";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@org.springframework.beans.factory.annotation.Value("${simpul.data-dir:./data}")
	String dataDir;

	static String complaint(UUID id, String village, String name, Instant recordedAt) {
		return """
				{"id": "%s", "kind": "complaint", "recordedAt": "%s",
				 "fields": {"channel": "OUTREACH", "category": "HEALTH", "villageCode": "%s",
				            "description": "Ditemui di dusun tanpa sinyal", "ppksCodes": ["24"],
				            "subjectName": "%s", "subjectBirthDate": "1961-03-04", "subjectSex": "F"}}"""
			.formatted(id, recordedAt, village, name);
	}

	MvcTestResult send(MockHttpSession session, String body) {
		return mvc.post().uri("/lapangan/api/kirim").session(session).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	long complaints(UUID id) {
		return jdbc.sql("select count(*) from complaint where id = :id").param("id", id).query(Long.class).single();
	}

	@Test
	void storesARecordOnceWhateverTheRetriesWithThePhonesTimeBesideTheServers() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		Instant recordedAt = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
		String body = complaint(id, PROCOT, "Mbah Sutinah", recordedAt);

		MvcTestResult first = send(session, body);
		assertThat(first).hasStatus(HttpStatus.CREATED);
		String answer = first.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(answer, "$.id")).isEqualTo(id.toString());
		assertThat((String) JsonPath.read(answer, "$.location")).isEqualTo("/pengaduan/" + id);
		assertThat((String) JsonPath.read(answer, "$.facts.ticketNumber")).isNotBlank();
		assertThat((String) JsonPath.read(answer, "$.facts.trackingCode")).isNotBlank();
		assertThat(Instant.parse(JsonPath.read(answer, "$.recordedAt"))).isEqualTo(recordedAt);

		// the answer was lost: the phone sends again, with and without an Idempotency-Key, and so does a second tab
		for (int i = 0; i < 3; i++) {
			MvcTestResult again = i == 1
					? mvc.post().uri("/lapangan/api/kirim").session(session).with(csrf())
						.header("Idempotency-Key", id.toString()).contentType(MediaType.APPLICATION_JSON).content(body)
						.exchange()
					: send(session, body);
			assertThat(again).hasStatus(HttpStatus.CREATED);
			assertThat((String) JsonPath.read(again.getResponse().getContentAsString(), "$.facts.ticketNumber"))
				.isEqualTo(JsonPath.read(answer, "$.facts.ticketNumber"));
		}
		assertThat(complaints(id)).isEqualTo(1);
		record Times(Instant recordedInFieldAt, Instant createdAt) {
		}
		Times times = jdbc.sql("select recorded_in_field_at, created_at from complaint where id = :id").param("id", id)
			.query(Times.class).single();
		assertThat(times.recordedInFieldAt()).isEqualTo(recordedAt);
		assertThat(times.createdAt()).isAfter(recordedAt.plus(Duration.ofHours(4)));
	}

	@Test
	void theComplaintAndItsCaseSayWhenTheRecordWasMadeInTheFieldAndWhenItArrived() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		Instant recordedAt = OffsetDateTime.parse("2026-12-01T09:15:00+07:00").toInstant();
		assertThat(send(session, complaint(id, PROCOT, "Mbah Karsinah", recordedAt))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.get().uri("/pengaduan/" + id).session(session)).hasStatus(HttpStatus.OK)
			.bodyText().contains("Dari aplikasi lapangan").contains("Dicatat di lapangan 01-12-2026 09:15");
		assertThat(mvc.get().uri("/pengaduan/" + id + "/kasus").session(session)).hasStatus(HttpStatus.OK)
			.bodyText().contains("Dicatat di lapangan 01-12-2026 09:15");
	}

	@Test
	void aPhoneClockAheadOfTheServerGivesWayToTheArrivalTime() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		MvcTestResult result = send(session, complaint(id, PROCOT, "Pak Darmo", Instant.now().plus(Duration.ofDays(3))));
		assertThat(result).hasStatus(HttpStatus.CREATED);
		Instant recorded = Instant.parse(JsonPath.read(result.getResponse().getContentAsString(), "$.recordedAt"));
		Instant received = Instant.parse(JsonPath.read(result.getResponse().getContentAsString(), "$.receivedAt"));
		assertThat(recorded).isEqualTo(received);
	}

	@Test
	void aRefusedRecordNamesTheFormsFieldsAndNothingIsWritten() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		String body = """
				{"id": "%s", "kind": "complaint", "recordedAt": "%s",
				 "fields": {"channel": "OUTREACH", "category": "HEALTH", "villageCode": "%s", "description": "",
				            "subjectName": "Ibu Wati", "subjectBirthDate": "31-02-1970"}}"""
			.formatted(id, Instant.now().minusSeconds(60), PROCOT);
		MvcTestResult result = send(session, body);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		String problem = result.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).contains("subject.birthDate");
		assertThat(complaints(id)).isZero();

		// fixed on the phone, the same record (same id) goes through
		String fixed = body.replace("\"description\": \"\"", "\"description\": \"Butuh kursi roda\"")
			.replace("31-02-1970", "1970-02-28");
		assertThat(send(session, fixed)).hasStatus(HttpStatus.CREATED);
		assertThat(complaints(id)).isEqualTo(1);
	}

	@Test
	void anEmptyDescriptionIsNamedInTheUsersLanguage() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		String body = complaint(UUID.randomUUID(), PROCOT, "Ibu Rah", Instant.now().minusSeconds(5))
			.replace("Ditemui di dusun tanpa sinyal", " ");
		MvcTestResult result = send(session, body);
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		String problem = result.getResponse().getContentAsString();
		assertThat(JsonPath.<List<String>>read(problem, "$.errors[?(@.field == 'description')].message"))
			.containsExactly("Wajib diisi.");
	}

	/** A complaint of Procot made through the sync, for the case's records. */
	private UUID complaintOfProcot(MockHttpSession session) throws Exception {
		UUID complaint = UUID.randomUUID();
		assertThat(send(session, complaint(complaint, PROCOT, "Ibu Kasus", Instant.now().minusSeconds(3600))))
			.hasStatus(HttpStatus.CREATED);
		return complaint;
	}

	@Test
	void aQuickAssessmentFromThePhoneIsStoredOnceWithItsFieldTime() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID complaint = complaintOfProcot(session);
		String html = mvc.get().uri("/pengaduan/{id}/asesmen/baru?jenis=QUICK", complaint).session(session).exchange()
			.getResponse().getContentAsString();
		assertThat(html).contains("data-outbox=\"assessment\"", "name=\"complaintId\"");
		String formId = html.replaceAll("(?s).*name=\"formId\" value=\"([0-9a-f-]{36})\".*", "$1");
		UUID id = UUID.randomUUID();
		Instant recordedAt = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"id": "%s", "kind": "assessment", "recordedAt": "%s",
				 "fields": {"complaintId": "%s", "formId": "%s", "submission": "%s", "q.urgency": "CEPAT",
				            "q.safe": "true", "q.danger": "BENCANA", "q.sick": "false", "q.needs": ["MAKANAN", "PENGOBATAN"],
				            "q.householdSize": "3"}}""".formatted(id, recordedAt, complaint, formId, UUID.randomUUID());
		for (int i = 0; i < 2; i++) {
			MvcTestResult result = send(session, body);
			assertThat(result).hasStatus(HttpStatus.CREATED);
			assertThat((String) JsonPath.read(result.getResponse().getContentAsString(), "$.location"))
				.isEqualTo("/pengaduan/" + complaint + "/kasus");
		}
		record Stored(UUID complaintId, Instant recordedInFieldAt, String needs) {
		}
		Stored stored = jdbc.sql("select complaint_id, recorded_in_field_at, answers ->> 'needs' as needs"
				+ " from assessment where id = :id").param("id", id).query(Stored.class).single();
		assertThat(stored.complaintId()).isEqualTo(complaint);
		assertThat(stored.recordedInFieldAt()).isEqualTo(recordedAt);
		assertThat(stored.needs()).contains("MAKANAN", "PENGOBATAN");
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(session)).hasStatus(HttpStatus.OK)
			.bodyText().contains("dicatat di lapangan");

		// a photo of the house taken during the assessment is shown on the case
		byte[] photo = jpeg();
		UUID photoId = UUID.randomUUID();
		assertThat(mvc.put().uri("/lapangan/api/foto/{id}", photoId).session(session).with(csrf())
			.contentType(MediaType.IMAGE_JPEG).header("X-Record-Kind", "assessment").header("X-Record-Id", id.toString())
			.header("X-Photo-Size", Integer.toString(photo.length))
			.header("X-Photo-Sha256", java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
				.digest(photo)))
			.header("X-Chunk-Offset", "0").content(photo)).hasStatus(HttpStatus.OK);
		assertThat(mvc.get().uri("/pengaduan/{id}/kasus", complaint).session(session)).bodyText()
			.contains("/lapangan/foto/" + photoId);

		// an answer of the wrong type is named by its question; an unknown complaint is unknown
		MvcTestResult wrong = send(session, body.replace(id.toString(), UUID.randomUUID().toString())
			.replace("\"q.householdSize\": \"3\"", "\"q.householdSize\": \"tiga\""));
		assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrong.getResponse().getContentAsString()).contains("answers.householdSize");
		assertThat(send(session, body.replace(id.toString(), UUID.randomUUID().toString())
			.replace(complaint.toString(), UUID.randomUUID().toString()))).hasStatus(HttpStatus.NOT_FOUND);
		// another village's volunteer does not reach the case
		assertThat(send(DemoLogins.session(mvc, "psm.pedeslohor"), body.replace(id.toString(),
				UUID.randomUUID().toString()))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aCaseNoteFromThePhoneJoinsTheTimelineOnce() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID complaint = complaintOfProcot(session);
		UUID id = UUID.randomUUID();
		Instant recordedAt = Instant.now().minus(Duration.ofMinutes(90)).truncatedTo(ChronoUnit.SECONDS);
		String body = """
				{"id": "%s", "kind": "case-note", "recordedAt": "%s",
				 "fields": {"complaintId": "%s", "text": "Rumah kosong, tetangga bilang ke pasar"}}"""
			.formatted(id, recordedAt, complaint);
		for (int i = 0; i < 3; i++) {
			assertThat(send(session, body)).hasStatus(HttpStatus.CREATED);
		}
		assertThat(jdbc.sql("select count(*) from case_event where client_id = :id and recorded_in_field_at = :at")
			.param("id", id).param("at", java.sql.Timestamp.from(recordedAt)).query(Long.class).single()).isEqualTo(1);
		MvcTestResult empty = send(session, body.replace(id.toString(), UUID.randomUUID().toString())
			.replace("Rumah kosong, tetangga bilang ke pasar", " "));
		assertThat(empty).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(empty.getResponse().getContentAsString()).contains("\"field\":\"text\"");
		assertThat(send(session, body.replace(id.toString(), UUID.randomUUID().toString())
			.replace("\"complaintId\": \"" + complaint + "\", ", ""))).hasStatus(HttpStatus.BAD_REQUEST);
	}

	private UUID procotHousehold() {
		return jdbc.sql("select household_id from person where name = 'Mohamad Rochim' and village_code = :v")
			.param("v", PROCOT).query(UUID.class).list().getFirst();
	}

	private String visit(UUID id, UUID household, String roof) {
		return """
				{"id": "%s", "kind": "visit", "recordedAt": "%s",
				 "fields": {"householdId": "%s", "roof": "%s", "note": "Atap bocor di dapur",
				            "latitude": "-6.983512", "longitude": "109.139871", "accuracyM": "12"}}"""
			.formatted(id, Instant.now().minusSeconds(900), household, roof);
	}

	@Test
	void aHomeVisitProposesWhatDiffersAndNeverOverwritesTheRegistry() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID household = procotHousehold();
		String roof = jdbc.sql("select roof from household where id = :id").param("id", household).query(String.class)
			.single();
		String other = "THATCH".equals(roof) ? "ZINC" : "THATCH";
		UUID id = UUID.randomUUID();
		String body = visit(id, household, other);
		for (int i = 0; i < 2; i++) {
			assertThat(send(session, body)).hasStatus(HttpStatus.CREATED);
		}
		record Stored(String note, java.math.BigDecimal latitude, Integer accuracyM, Instant recordedInFieldAt) {
		}
		Stored stored = jdbc.sql("select note, latitude, accuracy_m, recorded_in_field_at from household_visit where id = :id")
			.param("id", id).query(Stored.class).single();
		assertThat(stored.note()).isEqualTo("Atap bocor di dapur");
		assertThat(stored.latitude()).isEqualByComparingTo("-6.983512");
		assertThat(stored.accuracyM()).isEqualTo(12);
		assertThat(stored.recordedInFieldAt()).isNotNull();
		assertThat(jdbc.sql("select roof from household where id = :id").param("id", household).query(String.class)
			.single()).isEqualTo(roof);
		assertThat(jdbc.sql("select proposed_value from registry_proposal where source = 'VISIT' and source_id = :id"
				+ " and field = 'roof'").param("id", id).query(String.class).single()).isEqualTo(other);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", household).session(session)).hasStatus(HttpStatus.OK)
			.bodyText().contains("Atap bocor di dapur", "dicatat di lapangan");

		// a value that is no code, another village, a role that does not visit
		// a number no field asks for is refused before any arithmetic on it
		MvcTestResult huge = send(session, visit(UUID.randomUUID(), household, other).replace("-6.983512", "1e-999999999"));
		assertThat(huge).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(huge.getResponse().getContentAsString()).contains("\"field\":\"latitude\"");
		MvcTestResult wrong = send(session, visit(UUID.randomUUID(), household, "GOLD"));
		assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrong.getResponse().getContentAsString()).contains("\"field\":\"roof\"");
		assertThat(send(DemoLogins.session(mvc, "psm.pedeslohor"), visit(UUID.randomUUID(), household, other)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(send(DemoLogins.session(mvc, "fo.procot"), visit(UUID.randomUUID(), household, other)))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private static byte[] jpeg() throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(320, 240,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 320; x++) {
			for (int y = 0; y < 240; y++) {
				image.setRGB(x, y, (x * 7 + y * 13) * 2654435 & 0xffffff);
			}
		}
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private MvcTestResult chunk(MockHttpSession session, UUID photo, UUID visit, byte[] whole, String sha256, int from,
			int to) {
		return mvc.put().uri("/lapangan/api/foto/{id}", photo).session(session).with(csrf())
			.contentType(MediaType.IMAGE_JPEG).header("X-Record-Kind", "visit").header("X-Record-Id", visit.toString())
			.header("X-Photo-Size", Integer.toString(whole.length)).header("X-Photo-Sha256", sha256)
			.header("X-Chunk-Offset", Integer.toString(from))
			.content(java.util.Arrays.copyOfRange(whole, from, to)).exchange();
	}

	@Test
	void aPhotoGoesUpInChunksResumesAfterACutAndIsKeptEncryptedForThoseWhoMaySeeTheVisit() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID household = procotHousehold();
		UUID visit = UUID.randomUUID();
		assertThat(send(session, visit(visit, household, "TILE"))).hasStatus(HttpStatus.CREATED);
		byte[] photo = jpeg();
		assertThat(photo.length).isGreaterThan(2000);
		String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
		UUID id = UUID.randomUUID();
		int half = photo.length / 2;

		MvcTestResult first = chunk(session, id, visit, photo, sha256, 0, half);
		assertThat(first).hasStatus(HttpStatus.OK);
		assertThat((Integer) JsonPath.read(first.getResponse().getContentAsString(), "$.received")).isEqualTo(half);
		// the answer was lost: the phone sends the first chunk again, and is told where the server is
		MvcTestResult again = chunk(session, id, visit, photo, sha256, 0, half);
		assertThat((Integer) JsonPath.read(again.getResponse().getContentAsString(), "$.received")).isEqualTo(half);
		MvcTestResult last = chunk(session, id, visit, photo, sha256, half, photo.length);
		assertThat((Boolean) JsonPath.read(last.getResponse().getContentAsString(), "$.complete")).isTrue();

		// what the others of the village see; a neighbouring village does not
		MvcTestResult shown = mvc.get().uri("/lapangan/foto/{id}", id).session(DemoLogins.session(mvc, "bo.procot"))
			.exchange();
		assertThat(shown).hasStatus(HttpStatus.OK);
		assertThat(shown.getResponse().getContentAsByteArray()).isEqualTo(photo);
		assertThat(shown.getResponse().getHeader("Cache-Control")).contains("no-store");
		assertThat(mvc.get().uri("/lapangan/foto/{id}", id).session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", household).session(session)).bodyText()
			.contains("/lapangan/foto/" + id);

		// at rest, the photo's bytes are nowhere in the clear
		java.nio.file.Path folder = java.nio.file.Path.of(dataDir, "photos", id.toString());
		try (var files = java.nio.file.Files.list(folder)) {
			for (java.nio.file.Path file : files.toList()) {
				byte[] stored = java.nio.file.Files.readAllBytes(file);
				assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
					.doesNotContain(new String(java.util.Arrays.copyOfRange(photo, 0, 64),
							java.nio.charset.StandardCharsets.ISO_8859_1));
			}
		}
	}

	@Test
	void aPhotoThatIsNotWhatWasAnnouncedOrNotAJpegOrOfAnotherRecordIsRefused() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID visit = UUID.randomUUID();
		assertThat(send(session, visit(visit, procotHousehold(), "TILE"))).hasStatus(HttpStatus.CREATED);
		byte[] photo = jpeg();
		String wrongSha = "0".repeat(64);
		// what arrived is not what was announced: dropped, and the phone is told to start again
		UUID damaged = UUID.randomUUID();
		MvcTestResult corrupt = chunk(session, damaged, visit, photo, wrongSha, 0, photo.length);
		assertThat(corrupt).hasStatus(HttpStatus.OK);
		assertThat((Boolean) JsonPath.read(corrupt.getResponse().getContentAsString(), "$.restarted")).isTrue();
		assertThat((Integer) JsonPath.read(corrupt.getResponse().getContentAsString(), "$.received")).isZero();
		assertThat(mvc.get().uri("/lapangan/foto/{id}", damaged).session(session)).hasStatus(HttpStatus.NOT_FOUND);
		// sent again under the hash it was announced with, it is dropped again: that hash is the one that counts
		String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo));
		MvcTestResult right = mvc.put().uri("/lapangan/api/foto/{id}", damaged).session(session).with(csrf())
			.contentType(MediaType.IMAGE_JPEG).header("X-Record-Kind", "visit").header("X-Record-Id", visit.toString())
			.header("X-Photo-Size", Integer.toString(photo.length)).header("X-Photo-Sha256", wrongSha)
			.header("X-Chunk-Offset", "0").content(photo).exchange();
		assertThat((Boolean) JsonPath.read(right.getResponse().getContentAsString(), "$.complete")).isFalse();
		// another worker of the village sees the visit but adds nothing to it
		assertThat(chunk(DemoLogins.session(mvc, "bo.procot"), UUID.randomUUID(), visit, photo, sha256, 0,
				photo.length)).hasStatus(HttpStatus.NOT_FOUND);
		byte[] text = "bukan foto, hanya teks".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(chunk(session, UUID.randomUUID(), visit, text, wrongSha, 0, text.length))
			.hasStatus(HttpStatus.BAD_REQUEST);
		// a record unknown, or of another village's volunteer
		assertThat(chunk(session, UUID.randomUUID(), UUID.randomUUID(), photo, wrongSha, 0, 100))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(chunk(DemoLogins.session(mvc, "psm.pedeslohor"), UUID.randomUUID(), visit, photo, wrongSha, 0, 100))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aHouseholdRegisteredFromThePhoneIsOneAndACollisionNamesWhatExists() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		String kk = TestIdentifiers.kk("33.28.10");
		String nik = TestIdentifiers.nik("33.28.10", LocalDate.of(1975, 3, 2), Sex.F);
		UUID id = UUID.randomUUID();
		String body = """
				{"id": "%s", "kind": "household", "recordedAt": "%s",
				 "fields": {"kkNumber": "%s", "villageCode": "%s", "rt": "003", "rw": "002", "address": "Dusun Krajan",
				            "roof": "TILE", "members[0].nik": "%s", "members[0].name": "Sumiyati Lapangan",
				            "members[0].birthDate": "1975-03-02", "members[0].sex": "F", "members[0].relationship": "HEAD"}}"""
			.formatted(id, Instant.now().minusSeconds(60), kk, PROCOT, nik);
		for (int i = 0; i < 2; i++) {
			assertThat(send(session, body)).hasStatus(HttpStatus.CREATED);
		}
		assertThat(jdbc.sql("select count(*) from household where id = :id").param("id", id).query(Long.class).single())
			.isEqualTo(1);
		// the front office registered the family meanwhile: another phone's record of it is told what exists
		MvcTestResult collision = send(DemoLogins.session(mvc, "bo.procot"), body.replace(id.toString(),
				UUID.randomUUID().toString()));
		assertThat(collision).hasStatus(HttpStatus.CONFLICT);
		String problem = collision.getResponse().getContentAsString();
		assertThat(problem).contains("DUPLICATE_KK");
		assertThat((String) JsonPath.read(problem, "$.existing")).isEqualTo("/registri/rumah-tangga/" + id);
		// a wrong birth date is named by the form's own field
		MvcTestResult wrong = send(session, body.replace(id.toString(), UUID.randomUUID().toString())
			.replace("\"members[0].birthDate\": \"1975-03-02\"", "\"members[0].birthDate\": \"kemarin\""));
		assertThat(wrong).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(wrong.getResponse().getContentAsString()).contains("members[0].birthDate");
	}

	@Test
	void theSameIdWithOtherContentIsRefused() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		Instant at = Instant.now().minusSeconds(600);
		assertThat(send(session, complaint(id, PROCOT, "Ibu Satu", at))).hasStatus(HttpStatus.CREATED);
		MvcTestResult other = send(session, complaint(id, PROCOT, "Ibu Dua", at));
		assertThat(other).hasStatus(HttpStatus.CONFLICT);
		assertThat(other.getResponse().getContentAsString()).contains("ID_TAKEN");
		// nor may another user's phone take it
		assertThat(send(DemoLogins.session(mvc, "fo.procot"), complaint(id, PROCOT, "Ibu Satu", at)))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(complaints(id)).isEqualTo(1);
	}

	static Stream<Arguments> callers() {
		return Stream.of(
				Arguments.of("psm.procot", "OWN", HttpStatus.CREATED),
				Arguments.of("psm.procot", "SIBLING", HttpStatus.NOT_FOUND),
				Arguments.of("psm.procot", "OTHER", HttpStatus.NOT_FOUND),
				Arguments.of("fo.procot", "OWN", HttpStatus.CREATED),
				Arguments.of("fo.procot", "OTHER", HttpStatus.NOT_FOUND),
				Arguments.of("bo.procot", "OWN", HttpStatus.CREATED),
				Arguments.of("tksk.slawi", "OWN", HttpStatus.CREATED),
				Arguments.of("tksk.slawi", "SIBLING", HttpStatus.CREATED),
				Arguments.of("tksk.slawi", "OTHER", HttpStatus.NOT_FOUND),
				Arguments.of("psm.pedeslohor", "OWN", HttpStatus.NOT_FOUND),
				Arguments.of("program.dinkes", "OWN", HttpStatus.FORBIDDEN));
	}

	/** The sync is territorial like every write: a village outside the caller's territory is unknown to them. */
	@ParameterizedTest(name = "{0} sends a complaint of a {1} village: {2}")
	@MethodSource("callers")
	void syncIsTerritorialAndByRole(String user, String relation, HttpStatus expected) throws Exception {
		String village = switch (relation) {
			case "OWN" -> PROCOT;
			// another village of Kecamatan Slawi
			case "SIBLING" -> jdbc.sql("select code from region where length(code) = 13 and code like '33.28.10.%'"
					+ " and code <> :procot order by code limit 1").param("procot", PROCOT).query(String.class).single();
			default -> jdbc.sql("select code from region where length(code) = 13 and code like '33.23.%' order by code"
					+ " limit 1").query(String.class).single();
		};
		UUID id = UUID.randomUUID();
		MvcTestResult result = send(DemoLogins.session(mvc, user), complaint(id, village, "Ibu Wilayah",
				Instant.now().minusSeconds(30)));
		assertThat(result).hasStatus(expected);
		assertThat(complaints(id)).isEqualTo(expected == HttpStatus.CREATED ? 1 : 0);
		if (expected != HttpStatus.CREATED) {
			assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		}
	}

	@Test
	void aRecordMadeForAnotherUserIsNotTakenOverByThisSession() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "fo.procot");
		UUID id = UUID.randomUUID();
		String psm = jdbc.sql("select id::text from app_user where username = 'psm.procot'").query(String.class).single();
		String body = complaint(id, PROCOT, "Ibu Milik Orang", Instant.now().minusSeconds(30))
			.replace("\"kind\": \"complaint\"", "\"kind\": \"complaint\", \"userId\": \"" + psm + "\"");
		MvcTestResult result = send(session, body);
		assertThat(result).hasStatus(HttpStatus.CONFLICT);
		assertThat(result.getResponse().getContentAsString()).contains("RECORD_OF_ANOTHER_USER");
		assertThat(complaints(id)).isZero();
		// its own user sends it
		assertThat(send(DemoLogins.session(mvc, "psm.procot"), body)).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void anIdleSessionEndsAsProblemJsonForTheOutbox() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		assertThat(mvc.get().uri("/lapangan/api/sesi").session(session)).hasStatus(HttpStatus.OK);
		MvcTestResult ended;
		try {
			clock.advance(Duration.ofMinutes(31));
			ended = mvc.get().uri("/lapangan/api/sesi").session(session).exchange();
		}
		finally {
			clock.reset();
		}
		assertThat(ended).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(ended.getResponse().getContentType()).startsWith("application/problem+json");
	}

	@Test
	void theEnvelopeIsChecked() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		MvcTestResult unknown = send(session, """
				{"id": "%s", "kind": "rocket", "recordedAt": "2026-12-01T00:00:00Z", "fields": {}}"""
			.formatted(UUID.randomUUID()));
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getResponse().getContentAsString()).contains("FIELD_KIND_UNKNOWN");
		MvcTestResult noTime = send(session, """
				{"id": "%s", "kind": "complaint", "fields": {}}""".formatted(UUID.randomUUID()));
		assertThat(noTime).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(JsonPath.<List<String>>read(noTime.getResponse().getContentAsString(), "$.errors[*].field"))
			.contains("recordedAt");
		MvcTestResult noId = send(session, """
				{"kind": "complaint", "recordedAt": "2026-12-01T00:00:00Z", "fields": {}}""");
		assertThat(noId).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(noId.getResponse().getContentAsString()).contains("\"field\":\"id\"");
		MvcTestResult badField = send(session, """
				{"id": "%s", "kind": "complaint", "recordedAt": "2026-12-01T00:00:00Z", "fields": {"description": {"x": 1}}}"""
			.formatted(UUID.randomUUID()));
		assertThat(badField).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(badField.getResponse().getContentAsString()).contains("fields.description");
	}

	@Test
	void anEndedSessionOrAStaleTokenIsToldAsProblemJsonAndNothingIsKept() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		UUID id = UUID.randomUUID();
		String body = complaint(id, PROCOT, "Ibu Sesi", Instant.now().minusSeconds(10));

		MvcTestResult stale = mvc.post().uri("/lapangan/api/kirim").session(session)
			.with(csrf().useInvalidToken()).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(stale).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(stale.getResponse().getContentAsString()).contains("CSRF_INVALID");

		session.invalidate();
		MvcTestResult ended = mvc.post().uri("/lapangan/api/kirim").cookie(new jakarta.servlet.http.Cookie(
				"SIMPUL_SESSION", "ended")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		assertThat(ended).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(ended.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(mvc.get().uri("/lapangan/api/sesi")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(complaints(id)).isZero();
	}

	@Test
	void theSessionCallGivesTheUserAndAFreshToken() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		MvcTestResult result = mvc.get().uri("/lapangan/api/sesi").session(session).exchange();
		assertThat(result).hasStatus(HttpStatus.OK);
		String body = result.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(body, "$.username")).isEqualTo("psm.procot");
		assertThat((String) JsonPath.read(body, "$.csrfToken")).isNotBlank();
		assertThat(JsonPath.<List<String>>read(body, "$.kinds")).contains("complaint");
		String userId = JsonPath.read(body, "$.userId");
		assertThat(mvc.post().uri("/lapangan/api/kirim").session(session)
			.header(JsonPath.read(body, "$.csrfHeader"), (String) JsonPath.read(body, "$.csrfToken"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(complaint(UUID.randomUUID(), PROCOT, "Ibu Token", Instant.now().minusSeconds(3))))
			.hasStatus(HttpStatus.CREATED);
		assertThat(userId).isNotBlank();
	}

	@Test
	void onlyTheFieldPagesAreMarkedForThePhonesCacheAndForTheirUser() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "psm.procot");
		String userId = jdbc.sql("select id::text from app_user where username = 'psm.procot'").query(String.class)
			.single();
		assertThat(mvc.get().uri("/pengaduan/baru").session(session)).hasStatus(HttpStatus.OK)
			.headers().hasValue(OfflinePages.HEADER, userId);
		assertThat(mvc.get().uri("/lapangan").session(session)).hasStatus(HttpStatus.OK)
			.headers().hasValue(OfflinePages.HEADER, userId);
		assertThat(mvc.get().uri("/pengaduan").session(session)).hasStatus(HttpStatus.OK)
			.headers().doesNotContainHeader(OfflinePages.HEADER);
	}

	@Test
	void theAppIsInstallableWithoutLogin() throws Exception {
		MvcTestResult manifest = mvc.get().uri("/manifest.json").exchange();
		assertThat(manifest).hasStatus(HttpStatus.OK);
		String body = manifest.getResponse().getContentAsString();
		assertThat((String) JsonPath.read(body, "$.short_name")).isEqualTo("Simpul");
		assertThat((String) JsonPath.read(body, "$.display")).isEqualTo("standalone");
		assertThat((String) JsonPath.read(body, "$.start_url")).startsWith("/");
		assertThat(JsonPath.<List<String>>read(body, "$.icons[*].sizes")).contains("192x192", "512x512");
		for (String icon : new String[] { "/img/icon-192.png", "/img/icon-512.png", "/offline.html" }) {
			assertThat(mvc.get().uri(icon)).hasStatus(HttpStatus.OK);
		}

		MvcTestResult worker = mvc.get().uri("/sw.js").exchange();
		assertThat(worker).hasStatus(HttpStatus.OK);
		assertThat(worker.getResponse().getContentType()).startsWith("text/javascript");
		assertThat(worker.getResponse().getHeader("Cache-Control")).contains("no-cache");
		String script = worker.getResponse().getContentAsString();
		assertThat(script).doesNotContain("__VERSION__").doesNotContain("__SHELL__")
			.contains("\"/js/field.js\"", "\"/offline.html\"", "\"/webjars/htmx.org/dist/htmx.min.js\"");
		for (String path : ServiceWorkerScript.SHELL) {
			assertThat(mvc.get().uri(path)).as(path).hasStatus(HttpStatus.OK);
		}
	}
}
