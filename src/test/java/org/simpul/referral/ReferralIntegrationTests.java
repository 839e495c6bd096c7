package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A complaint referred to Dinkes Kabupaten Tegal: sent by the supervisor, accepted and completed by Dinkes'
 * programme manager, the complaint and its tracking following; each wrong move refused (403, 404 or 409 as the contract says).
 */
@SimpulIntegrationTest
class ReferralIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult post(String user, String uri, String body) {
		return mvc.post().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
	}

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	private String provider(String code) {
		return jdbc.sql("select cast(id as text) from provider where code = :code").param("code", code)
			.query(String.class).single();
	}

	/** A complaint received in {@code village} through the API; its id, ticket and tracking code. */
	private String[] complaint(String village) throws Exception {
		MvcTestResult created = post("manajer.tegal", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "%s", "description": "PBI-JK dicabut",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Rujukan"}}""".formatted(village));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String body = created.getResponse().getContentAsString();
		return new String[] { JsonPath.read(body, "$.id"), JsonPath.read(body, "$.ticketNumber"),
				JsonPath.read(body, "$.trackingCode") };
	}

	private String tracked(String ticket, String code) throws Exception {
		return mvc.post().uri("/api/v1/public/tracking").with(request -> {
			request.setRemoteAddr("10.55.0." + (int) (Math.random() * 250));
			return request;
		}).contentType(MediaType.APPLICATION_JSON).content("""
				{"ticketNumber": "%s", "trackingCode": "%s"}""".formatted(ticket, code)).exchange().getResponse()
			.getContentAsString();
	}

	@Test
	void sentAcceptedAndCompletedWhileTheComplaintFollows() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		MvcTestResult sent = post("tksk.slawi", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "PBI-JK anak perlu diaktifkan kembali"}"""
			.formatted(complaint[0], provider("DINKES-3328-JAMKESDA")));
		assertThat(sent).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("SENT");
			// the provider's default: 7 days
			assertThat(json).extractingPath("$.dueDate")
				.isEqualTo(LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(7).toString());
			assertThat(json).extractingPath("$.agencyName").isEqualTo("Dinas Kesehatan Kabupaten Tegal");
		});
		String id = JsonPath.read(sent.getResponse().getContentAsString(), "$.id");
		assertThat(tracked(complaint[1], complaint[2])).contains("\"status\":\"REFERRED\"", "Dirujuk");

		// Dinkes finds it in its inbox; staff of the village see it too; Temanggung does not
		assertThat(get("program.dinkes", "/api/v1/referrals?status=SENT")).hasStatusOk().bodyJson()
			.extractingPath("$.content[*].id").asArray().contains(id);
		assertThat(get("fo.procot", "/api/v1/referrals/" + id)).hasStatusOk();
		assertThat(get("manajer.temanggung", "/api/v1/referrals/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("manajer.temanggung", "/api/v1/referrals")).hasStatusOk().bodyJson()
			.extractingPath("$.content[*].id").asArray().doesNotContain(id);

		// only the receiving agency acts: staff who see it 403, others 404
		assertThat(post("fo.procot", "/api/v1/referrals/" + id + "/accept", "")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("manajer.temanggung", "/api/v1/referrals/" + id + "/accept", "")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/complete", "{\"outcome\": \"Selesai\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/accept", "")).hasStatusOk().bodyJson()
			.extractingPath("$.status").isEqualTo("ACCEPTED");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/accept", "")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("REFERRAL_NOT_SENT");
		assertThat(tracked(complaint[1], complaint[2])).contains("\"status\":\"IN_PROGRESS\"");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/complete", "{\"outcome\": \" \"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("outcome");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/complete",
				"{\"outcome\": \"PBI APBD aktif sejak 1 Desember\"}")).hasStatusOk().bodyJson().satisfies(json -> {
					assertThat(json).extractingPath("$.status").isEqualTo("COMPLETED");
					assertThat(json).extractingPath("$.steps[*].status").asArray()
						.containsExactly("SENT", "ACCEPTED", "COMPLETED");
				});
		assertThat(tracked(complaint[1], complaint[2])).contains("\"status\":\"RESOLVED\"");
		// every read by the receiving agency is on record; the staff's are not referral reads
		assertThat(jdbc.sql("""
				select r.via from referral_read r join app_user u on u.id = r.user_id
				where r.referral_id = cast(:id as uuid) and u.username = 'program.dinkes' order by r.id""")
			.param("id", id).query(String.class).list()).containsExactly("LIST");
		assertThat(get("program.dinkes", "/api/v1/referrals/" + id)).hasStatusOk();
		assertThat(jdbc.sql("select via from referral_read where referral_id = cast(:id as uuid) order by id")
			.param("id", id).query(String.class).list()).containsExactly("LIST", "DETAIL");
		assertThat(jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", complaint[0])
			.query(String.class).single()).isEqualTo("RESOLVED");
	}

	private MvcTestResult put(String user, String uri, String ifMatch, String body) {
		var request = mvc.put().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (ifMatch != null) {
			request = request.header("If-Match", ifMatch);
		}
		return request.exchange();
	}

	private String complaintStatus(String id) {
		return jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single();
	}

	@Test
	void theBackOfficeRecommendsAndTheSupervisorDecides() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		MvcTestResult recommended = post("bo.procot", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}"""
			.formatted(complaint[0], provider("DINKES-3328-JAMKESDA")));
		assertThat(recommended).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.status").isEqualTo("RECOMMENDED");
			assertThat(json).extractingPath("$.dueDate").isNull();
			assertThat(json).extractingPath("$.verificationCode").isNull();
		});
		String id = JsonPath.read(recommended.getResponse().getContentAsString(), "$.id");
		assertThat(complaintStatus(complaint[0])).isEqualTo("RECEIVED");
		// the agency sees nothing before the decision
		assertThat(get("program.dinkes", "/api/v1/referrals/" + id)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("program.dinkes", "/api/v1/referrals?size=100")).hasStatusOk().bodyJson()
			.extractingPath("$.content[*].id").asArray().doesNotContain(id);
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/accept", "")).hasStatus(HttpStatus.NOT_FOUND);
		// only supervisors and managers of the territory decide
		assertThat(post("bo.procot", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("fo.procot", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("manajer.temanggung", "/api/v1/referrals/" + id + "/approve", "{}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("tksk.slawi", "/api/v1/referrals/" + id + "/approve", "{\"dueDate\": \"2020-01-01\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dueDate");
		assertThat(post("tksk.slawi", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatusOk().bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("SENT");
				assertThat(json).extractingPath("$.dueDate")
					.isEqualTo(LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(7).toString());
				assertThat(json).extractingPath("$.verificationCode").isNotNull();
				assertThat(json).extractingPath("$.steps[*].status").asArray().containsExactly("RECOMMENDED", "SENT");
			});
		assertThat(post("manajer.tegal", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("REFERRAL_NOT_RECOMMENDED");
		assertThat(complaintStatus(complaint[0])).isEqualTo("REFERRED");
		assertThat(get("program.dinkes", "/api/v1/referrals/" + id)).hasStatusOk();
	}

	@Test
	void thePuskesosCoordinatorDecidesTheServicesOfItsOwnVillage() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		String id = JsonPath.read(post("bo.procot", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}"""
			.formatted(complaint[0], provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		// the coordinator reads the complaint and the recommendation, and sends it
		assertThat(get("koordinator.procot", "/api/v1/complaints/" + complaint[0])).hasStatusOk();
		assertThat(get("koordinator.procot", "/api/v1/referrals?status=RECOMMENDED&size=200")).hasStatusOk().bodyJson()
			.extractingPath("$.content[*].id").asArray().contains(id);
		assertThat(post("koordinator.procot", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatusOk().bodyJson()
			.extractingPath("$.status").isEqualTo("SENT");
		assertThat(complaintStatus(complaint[0])).isEqualTo("REFERRED");
		// another village's recommendation is not the coordinator's to see
		String[] elsewhere = complaint("33.28.10.1007");
		String other = JsonPath.read(post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}"""
			.formatted(elsewhere[0], provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		assertThat(get("koordinator.procot", "/api/v1/complaints/" + elsewhere[0])).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("koordinator.procot", "/api/v1/referrals/" + other + "/cancel", "{\"reason\": \"Bukan desa kami\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDeclinedRecommendationNeedsAReasonAndIsNeverSent() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		String id = JsonPath.read(post("bo.procot", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}"""
			.formatted(complaint[0], provider("DINKES-3328-JAMKESDA"))).getResponse().getContentAsString(), "$.id");
		assertThat(post("manajer.tegal", "/api/v1/referrals/" + id + "/decline", "{\"reason\": \"  \"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
		assertThat(post("manajer.tegal", "/api/v1/referrals/" + id + "/decline",
				"{\"reason\": \"Sudah terdaftar PBI APBD\"}")).hasStatusOk().bodyJson().satisfies(json -> {
					assertThat(json).extractingPath("$.status").isEqualTo("DECLINED");
					assertThat(json).extractingPath("$.declineReason").isEqualTo("Sudah terdaftar PBI APBD");
				});
		assertThat(post("manajer.tegal", "/api/v1/referrals/" + id + "/approve", "{}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(complaintStatus(complaint[0])).isEqualTo("RECEIVED");
		assertThat(get("program.dinkes", "/api/v1/referrals/" + id)).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aDueDateMovesOnlyAgainstTheVersionRead() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		MvcTestResult sent = post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Perlu PBI-JK"}"""
			.formatted(complaint[0], provider("DINKES-3328-JAMKESDA")));
		String id = JsonPath.read(sent.getResponse().getContentAsString(), "$.id");
		String etag = get("manajer.tegal", "/api/v1/referrals/" + id).getResponse().getHeader("ETag");
		String later = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(20).toString();
		String body = "{\"dueDate\": \"" + later + "\"}";
		assertThat(put("manajer.tegal", "/api/v1/referrals/" + id + "/due-date", null, body))
			.hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		assertThat(put("program.dinkes", "/api/v1/referrals/" + id + "/due-date", etag, body))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(put("fo.procot", "/api/v1/referrals/" + id + "/due-date", etag, body)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(put("manajer.tegal", "/api/v1/referrals/" + id + "/due-date", etag, "{\"dueDate\": \"2020-01-01\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("dueDate");
		MvcTestResult moved = put("tksk.slawi", "/api/v1/referrals/" + id + "/due-date", etag, body);
		assertThat(moved).hasStatusOk().bodyJson().extractingPath("$.dueDate").isEqualTo(later);
		assertThat(moved.getResponse().getHeader("ETag")).isNotEqualTo(etag);
		// the manager still holds the old version: stale
		assertThat(put("manajer.tegal", "/api/v1/referrals/" + id + "/due-date", etag, body))
			.hasStatus(HttpStatus.PRECONDITION_FAILED);
		assertThat(jdbc.sql("select due_date from referral where id = cast(:id as uuid)").param("id", id)
			.query(LocalDate.class).single()).isEqualTo(LocalDate.parse(later));
	}

	@Test
	void aRejectionNeedsAReasonAndEndsTheReferral() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		String id = JsonPath.read(post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Layanan ODGJ", "dueDate": "%s"}"""
			.formatted(complaint[0], provider("DINKES-3328-LAYANAN"),
					LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(3)))
			.getResponse().getContentAsString(), "$.id");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/reject", "{}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/reject",
				"{\"reason\": \"Bukan kewenangan Dinkes; rujuk ke Dinsos\"}")).hasStatusOk().bodyJson()
			.extractingPath("$.rejectionReason").isEqualTo("Bukan kewenangan Dinkes; rujuk ke Dinsos");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/complete", "{\"outcome\": \"x\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/accept", "")).hasStatus(HttpStatus.CONFLICT);
		// a rejected referral is over: it cannot be withdrawn either
		assertThat(post("manajer.tegal", "/api/v1/referrals/" + id + "/cancel", "{\"reason\": \"x\"}"))
			.hasStatus(HttpStatus.CONFLICT);
	}

	@Test
	void theSenderWithdrawsAnOpenReferral() throws Exception {
		String[] complaint = complaint("33.28.10.1008");
		String id = JsonPath.read(post("tksk.slawi", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Salah tujuan"}"""
			.formatted(complaint[0], provider("BAZNAS-3328-ZIS"))).getResponse().getContentAsString(), "$.id");
		assertThat(post("program.dinkes", "/api/v1/referrals/" + id + "/cancel", "{\"reason\": \"x\"}"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("fo.procot", "/api/v1/referrals/" + id + "/cancel", "{\"reason\": \"x\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("tksk.slawi", "/api/v1/referrals/" + id + "/cancel", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("tksk.slawi", "/api/v1/referrals/" + id + "/cancel", "{\"reason\": \"Salah tujuan, dirujuk ulang\"}"))
			.hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("CANCELLED");
		assertThat(post("tksk.slawi", "/api/v1/referrals/" + id + "/cancel", "{\"reason\": \"lagi\"}"))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].code").isEqualTo("REFERRAL_NOT_OPEN");
	}

	@Test
	void badReferralsAreRefusedAndNothingIsWritten() throws Exception {
		String[] pedeslohor = complaint("33.28.11.2001");
		long before = jdbc.sql("select count(*) from referral").query(Long.class).single();
		// Procot's own village service does not serve Pedeslohor
		assertThat(post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "BLT"}""".formatted(pedeslohor[0],
				provider("DESA-3328101008-BLTDD")))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("PROVIDER_NOT_SERVING");
		assertThat(post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "", "dueDate": "2020-01-01"}""".formatted(pedeslohor[0],
				provider("KEMENSOS-PKH")))).hasStatus(HttpStatus.BAD_REQUEST).bodyJson()
			.extractingPath("$.errors[*].field").asArray().containsExactly("reason", "dueDate");
		assertThat(post("manajer.tegal", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "PKH"}""".formatted(pedeslohor[0],
				UUID.randomUUID()))).hasStatus(HttpStatus.BAD_REQUEST);
		// the desk does not send referrals; another district's complaint does not exist
		assertThat(post("fo.procot", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "PKH"}""".formatted(pedeslohor[0],
				provider("KEMENSOS-PKH")))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("manajer.temanggung", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "PKH"}""".formatted(pedeslohor[0],
				provider("KEMENSOS-PKH")))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select count(*) from referral").query(Long.class).single()).isEqualTo(before);
		assertThat(get("program.dinkes", "/api/v1/referrals?status=LOST")).hasStatus(HttpStatus.BAD_REQUEST);
	}
}
