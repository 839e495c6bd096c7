package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Merging a duplicate: memberships and complaints move to the kept person, the empty household goes, history
 * records it.
 */
@SimpulIntegrationTest
class DuplicateMergeIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	private void register(String body) {
		assertThat(mvc.post().uri("/api/v1/households")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON).content(body)).hasStatus(HttpStatus.CREATED);
	}

	private UUID person(String nik) {
		return jdbc.sql("select id from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, nik)).query(UUID.class).single();
	}

	@Test
	void mergesTheDuplicateIntoTheKeptPerson() {
		String kkA = TestIdentifiers.kk("33.28.10");
		String kkB = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1960, 1, 5), Sex.M);
		String child = TestIdentifiers.nik("33.28.10", LocalDate.of(1995, 7, 7), Sex.F);
		String twin = TestIdentifiers.nik("33.28.10", LocalDate.of(1995, 7, 7), Sex.F);
		register("""
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "members": [
				  {"nik": "%s", "name": "Karto", "birthDate": "1960-01-05", "sex": "M", "relationship": "HEAD"},
				  {"nik": "%s", "name": "Sri Wahyuni", "birthDate": "1995-07-07", "sex": "F", "relationship": "CHILD",
				   "programmes": [{"code": "PBI-JK", "status": "ACTIVE"}]}]}""".formatted(kkA, head, child));
		register("""
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "programmes": [{"code": "PKH", "status": "ACTIVE"}],
				 "members": [
				  {"nik": "%s", "name": "Sri Wahjoeni", "birthDate": "1995-07-07", "sex": "F", "relationship": "HEAD",
				   "programmes": [{"code": "PBI-JK", "status": "ACTIVE"}, {"code": "PIP", "status": "ACTIVE"}]}]}"""
			.formatted(kkB, twin));
		UUID keep = person(child);
		UUID drop = person(twin);
		UUID householdA = jdbc.sql("select household_id from person where id = :id").param("id", keep).query(UUID.class).single();
		// a volunteer visited the family that goes: the visit stays with the family that is kept
		UUID householdB = jdbc.sql("select household_id from person where id = :id").param("id", drop).query(UUID.class).single();
		UUID visit = UUID.randomUUID();
		jdbc.sql("""
				insert into household_visit (id, household_id, village_code, visited_by, received_at, note, conditions)
				values (:id, :household, '33.28.10.1008', gen_random_uuid(), now(), 'Kunjungan sebelum digabung', '{}')""")
			.param("id", visit).param("household", householdB).update();
		UUID candidate = UUID.randomUUID();
		boolean keepFirst = keep.toString().compareTo(drop.toString()) < 0;
		jdbc.sql("insert into duplicate_candidate (id, person_a, person_b, score, blocks, status, found_at)"
				+ " values (:id, :a, :b, 0.97, 'DISTRICT_BIRTH_DATE', 'OPEN', now())")
			.param("id", candidate).param("a", keepFirst ? keep : drop).param("b", keepFirst ? drop : keep).update();

		// a complaint about the record that will go
		assertThat(mvc.post().uri("/api/v1/complaints").header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Sebelum digabung",
					 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(drop))).hasStatus(HttpStatus.CREATED);

		String tksk = "Bearer " + DemoLogins.token(mvc, "tksk.slawi");
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/merge", candidate).header("Authorization", tksk)
			.contentType(MediaType.APPLICATION_JSON).content("{\"keep\": \"" + UUID.randomUUID() + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/merge", candidate)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"keep\": \"" + keep + "\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/merge", candidate)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"keep\": \"" + keep + "\"}")).hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post().uri("/api/v1/registry/duplicates/{id}/merge", candidate).header("Authorization", tksk)
			.contentType(MediaType.APPLICATION_JSON).content("{\"keep\": \"" + keep + "\"}")).hasStatus(HttpStatus.NO_CONTENT);

		assertThat(jdbc.sql("select count(*) from person where id = :id").param("id", drop).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select household_id from household_visit where id = :id").param("id", visit)
			.query(UUID.class).single()).isEqualTo(householdA);
		// the merge is on the audit trail, concerning both persons
		assertThat(jdbc.sql("""
				select count(*) from audit_event where object_type = 'PERSON_MERGE' and username = 'tksk.slawi'
				and subject_ids @> array[cast(:keep as uuid), cast(:drop as uuid)]""")
			.param("keep", keep).param("drop", drop).query(Long.class).single()).isEqualTo(1);
		// the complaint now points at the kept record
		assertThat(jdbc.sql("select subject_person_id from complaint where description = 'Sebelum digabung'")
			.query(UUID.class).single()).isEqualTo(keep);
		assertThat(jdbc.sql("select count(*) from household where kk_index = :kk").param("kk", index.of(BlindIndex.Kind.KK, kkB)).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select programme_code || ':' || status from programme_membership where person_id = :id"
				+ " order by 1").param("id", keep).query(String.class).list())
			.containsExactly("PBI-JK:ACTIVE", "PBI-JK:INACTIVE", "PIP:ACTIVE");
		assertThat(jdbc.sql("select programme_code from programme_membership where household_id = :h").param("h", householdA)
			.query(String.class).list()).containsExactly("PKH");
		assertThat(jdbc.sql("select status from duplicate_candidate where id = :id").param("id", candidate)
			.query(String.class).single()).isEqualTo("MERGED");
		assertThat(jdbc.sql("select changes::text from registry_change where action = 'MERGED' and household_id = :h")
			.param("h", householdA).query(String.class).single()).contains(twin.substring(0, 4) + "••••••••")
			.doesNotContain(twin);
	}
}
