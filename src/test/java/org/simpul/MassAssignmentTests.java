package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Fields a client must not write, sent anyway (DHIS2 CVE-2023-31138 reached objects through nested ids):
 * ids, statuses, versions, owners, territories, timestamps and other objects' ids in create and update
 * bodies. What the database holds afterwards is what the server decided, never what was smuggled in.
 */
@SimpulIntegrationTest
class MassAssignmentTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String stored(String sql, String id) {
		return jdbc.sql(sql).param("id", id).query(String.class).single();
	}

	/**
	 * The id is the client's to choose (offline devices name their records, ClientIdIntegrationTests); the
	 * status, ticket, author, version, times and the subject's registry link stay the server's.
	 */
	@Test
	void aComplaintTakesTheClientsIdButKeepsTheServersStatusTicketAndAuthor() throws Exception {
		String smuggledId = UUID.randomUUID().toString();
		String manager = jdbc.sql("select cast(id as text) from app_user where username = 'manajer.tegal'")
			.query(String.class).single();
		MvcTestResult created = call("fo.procot", "POST", "/api/v1/complaints", """
				{"id": "%s", "status": "RESOLVED", "ticketNumber": "FAKE-1", "trackingCode": "AAAAAAAAAA",
				 "createdBy": "%s", "version": 99, "createdAt": "2020-01-01T00:00:00Z",
				 "channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Uji",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Penyelundup", "id": "%s"}}"""
			.formatted(smuggledId, manager, smuggledId));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		assertThat(id).isEqualTo(smuggledId);
		assertThat(stored("""
				select c.status || ' ' || c.version || ' ' || u.username || ' ' || (c.ticket_number like '3328101008-%')
				       || ' ' || (c.created_at > now() - interval '1 hour') || ' ' || coalesce(cast(c.subject_person_id as text), '-')
				from complaint c join app_user u on u.id = c.created_by where c.id = cast(:id as uuid)""", id))
			.isEqualTo("RECEIVED 0 fo.procot true true -");
	}

	@Test
	void aReferralsStatusAgencyCodeAndSenderAreTheServers() throws Exception {
		String complaint = JsonPath.read(call("manajer.tegal", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Uji",
				 "ppksCodes": ["24"], "subject": {"name": "Bapak Rujukan Palsu"}}""").getResponse().getContentAsString(),
				"$.id");
		String provider = stored("select cast(id as text) from provider where code = :id", "DINKES-3328-JAMKESDA");
		String otherAgency = stored("select cast(id as text) from agency where code = :id", "DISDUKCAPIL-3328");
		MvcTestResult sent = call("bo.procot", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Uji", "status": "COMPLETED",
				 "agencyId": "%s", "verificationCode": "AAAAAAAAAA", "sentBy": "%s", "outcome": "Selesai palsu",
				 "villageCode": "33.23.01.2001", "version": 7}""".formatted(complaint, provider, otherAgency,
				UUID.randomUUID()));
		assertThat(sent).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(sent.getResponse().getContentAsString(), "$.id");
		assertThat(stored("""
				select r.status || ' ' || a.code || ' ' || coalesce(r.verification_code, '-') || ' ' || r.village_code
				       || ' ' || coalesce(r.outcome, '-') || ' ' || r.version || ' ' || coalesce(cast(r.sent_by as text), '-')
				from referral r join agency a on a.id = r.agency_id where r.id = cast(:id as uuid)""", id))
			.isEqualTo("RECOMMENDED DINKES-3328 - 33.28.10.1008 - 0 -");
	}

	@Test
	void aHouseholdChangeCannotMoveOtherPeopleOrItsOwnVersion() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Karsinah Massal");
		String household = stored("select cast(household_id as text) from person where id = cast(:id as uuid)", person);
		String stranger = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Tarsono Lain");
		MvcTestResult read = call("operator.tegal", "GET", "/api/v1/households/" + household, null);
		String etag = read.getResponse().getHeader("ETag");
		MvcTestResult changed = mvc.put().uri("/api/v1/households/" + household)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "operator.tegal"))
			.header("If-Match", etag)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("""
					{"address": "Jl. Kenanga 9", "id": "%s", "version": 42, "kkNumber": "3328100101010001",
					 "members": [{"id": "%s", "name": "Diambil alih", "householdId": "%s"}],
					 "createdAt": "2020-01-01T00:00:00Z"}""".formatted(UUID.randomUUID(), stranger, household))
			.exchange();
		// the fields a client may not set are ignored, not refused: the change itself is saved
		assertThat(changed).hasStatusOk();
		assertThat(jdbc.sql("select address from household where id = cast(:id as uuid)").param("id", household)
			.query(String.class).single()).isEqualTo("Jl. Kenanga 9");
		// the stranger is untouched
		assertThat(jdbc.sql("select name from person where id = cast(:id as uuid)").param("id", stranger)
			.query(String.class).single()).isEqualTo("Tarsono Lain");
		assertThat(jdbc.sql("select household_id from person where id = cast(:id as uuid)").param("id", stranger)
			.query(UUID.class).single()).isNotEqualTo(UUID.fromString(household));
		assertThat(jdbc.sql("select version from household where id = cast(:id as uuid)").param("id", household)
			.query(Integer.class).single()).isLessThan(42);
	}

	@Test
	void aManagerCannotGrantMoreThanTheirOwnReach() throws Exception {
		String username = "massal." + UUID.randomUUID().toString().substring(0, 8);
		MvcTestResult created = call("manajer.tegal", "POST", "/api/v1/users", """
				{"username": "%s", "password": "Sandi-Panjang-Sekali-2026", "displayName": "Uji", "role": "FACILITATOR",
				 "regionCode": "33.28.10.1008", "active": false, "id": "%s", "version": 9, "passwordHash": "x",
				 "territory": "33"}""".formatted(username, UUID.randomUUID()));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		assertThat(jdbc.sql("select role || ' ' || region_code || ' ' || active || ' ' || (password_hash <> 'x')"
				+ " from app_user where username = :u").param("u", username).query(String.class).single())
			.isEqualTo("FACILITATOR 33.28.10.1008 true true");
		// a role above their own, a territory beyond it: refused
		assertThat(call("manajer.tegal", "POST", "/api/v1/users", """
				{"username": "%s.x", "password": "Sandi-Panjang-Sekali-2026", "displayName": "Uji", "role": "ADMIN"}"""
			.formatted(username))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(call("manajer.tegal", "POST", "/api/v1/users", """
				{"username": "%s.y", "password": "Sandi-Panjang-Sekali-2026", "displayName": "Uji", "role": "FACILITATOR",
				 "regionCode": "33.23.01.2001"}""".formatted(username))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void anAssessmentBelongsToThePathsComplaintAndItsAuthor() throws Exception {
		String complaint = JsonPath.read(call("fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Uji",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Asesmen Massal"}}""").getResponse().getContentAsString(),
				"$.id");
		String elsewhere = JsonPath.read(call("manajer.temanggung", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.23.01.2001", "description": "Uji",
				 "ppksCodes": ["24"], "subject": {"name": "Bapak Temanggung"}}""").getResponse().getContentAsString(),
				"$.id");
		MvcTestResult stored = call("psm.procot", "POST", "/api/v1/complaints/" + complaint + "/assessments", """
				{"formId": "5e1ec7ed-0000-4000-8000-00000000a001", "complaintId": "%s", "submittedBy": "%s",
				 "id": "%s", "submittedAt": "2020-01-01T00:00:00Z",
				 "answers": {"urgency": "BIASA", "safe": true, "sick": false, "needs": ["MAKANAN"], "householdSize": 2}}"""
			.formatted(elsewhere, UUID.randomUUID(), UUID.randomUUID()));
		assertThat(stored).hasStatus(HttpStatus.CREATED);
		String id = JsonPath.read(stored.getResponse().getContentAsString(), "$.id");
		assertThat(stored("""
				select cast(a.complaint_id as text) || ' ' || u.username || ' ' || (a.submitted_at > now() - interval '1 hour')
				from assessment a join app_user u on u.id = a.submitted_by where a.id = cast(:id as uuid)""", id))
			.isEqualTo(complaint + " psm.procot true");
		assertThat(jdbc.sql("select count(*) from assessment where complaint_id = cast(:id as uuid)").param("id", elsewhere)
			.query(Long.class).single()).isZero();
	}
}
