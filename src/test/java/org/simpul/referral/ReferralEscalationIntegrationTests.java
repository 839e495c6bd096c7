package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Overdue referrals escalate with the clock: to the supervisor past the due date, to the manager seven days
 * later, once each; a completed referral never; and a scan waits its turn while another instance holds the
 * lock.
 */
@SimpulIntegrationTest
class ReferralEscalationIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	ReferralEscalation escalation;

	@Autowired
	DataSource dataSource;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String send(String reason) throws Exception {
		String complaint = JsonPath.read(mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Eskalasi",
					 "ppksCodes": ["24"], "subject": {"name": "Ibu Eskalasi"}}""")
			.exchange().getResponse().getContentAsString(), "$.id");
		String provider = jdbc.sql("select cast(id as text) from provider where code = 'DINKES-3328-JAMKESDA'")
			.query(String.class).single();
		return JsonPath.read(mvc.post().uri("/api/v1/referrals")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"complaintId": "%s", "providerId": "%s", "reason": "%s", "dueDate": "%s"}""".formatted(complaint,
					provider, reason, LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(3)))
			.exchange().getResponse().getContentAsString(), "$.id");
	}

	private List<String> levels(String referral) {
		return jdbc.sql("select level from referral_escalation where referral_id = cast(:id as uuid) order by escalated_at, level desc")
			.param("id", referral).query(String.class).list();
	}

	private List<String> escalatedTo(String user) throws Exception {
		return JsonPath.read(mvc.get().uri("/api/v1/referrals?escalated=true&size=200")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange().getResponse()
			.getContentAsString(), "$.content[*].id");
	}

	@Test
	void escalatesToTheSupervisorThenTheManagerOnceEach() throws Exception {
		String late = send("Akan terlambat");
		String done = send("Selesai tepat waktu");
		jdbc.sql("update referral set status = 'COMPLETED', outcome = 'Selesai' where id = cast(:id as uuid)")
			.param("id", done).update();

		escalation.scan();
		assertThat(levels(late)).isEmpty();

		clock.advance(Duration.ofDays(4)); // a day past the due date
		assertThat(escalation.scan().ran()).isTrue();
		assertThat(levels(late)).containsExactly("SUPERVISOR");
		assertThat(escalation.scan().toSupervisor()).isZero();
		assertThat(levels(late)).containsExactly("SUPERVISOR");
		// the supervisor sees it among the overdue referrals of the sub-district, with its escalation
		assertThat(mvc.get().uri("/api/v1/referrals?overdue=true&size=200")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "tksk.slawi"))).hasStatusOk().bodyJson()
			.satisfies(json -> {
				List<String> ids = JsonPath.read(json.getJson(), "$.content[*].id");
				assertThat(ids).contains(late).doesNotContain(done);
			});

		// the supervisor is told on every page, and finds it among the referrals passed to them; the manager not yet
		assertThat(escalatedTo("tksk.slawi")).contains(late);
		assertThat(escalatedTo("manajer.tegal")).doesNotContain(late);
		assertThat(escalatedTo("manajer.temanggung")).doesNotContain(late);
		assertThat(mvc.get().uri("/").session(DemoLogins.session(mvc, "tksk.slawi"))).hasStatusOk().bodyText()
			.contains("rujukan lewat batas waktu diteruskan kepada Anda", "/rujukan?escalated=true");

		// the district overview counts it as overdue at Dinkes; the agency itself has no overview
		assertThat(mvc.get().uri("/api/v1/referrals/overview")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatusOk().bodyJson()
			.satisfies(json -> {
				List<Integer> overdue = JsonPath.read(json.getJson(),
						"$[?(@.agencyName == 'Dinas Kesehatan Kabupaten Tegal')].overdue");
				assertThat(overdue).singleElement().satisfies(n -> assertThat(n).isPositive());
			});
		assertThat(mvc.get().uri("/api/v1/referrals/overview")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "program.dinkes")))
			.hasStatus(org.springframework.http.HttpStatus.FORBIDDEN);

		clock.advance(Duration.ofDays(7));
		escalation.scan();
		assertThat(levels(late)).containsExactly("SUPERVISOR", "MANAGER");
		assertThat(levels(done)).isEmpty();
		assertThat(escalatedTo("manajer.tegal")).contains(late);
		// once the agency answers, nobody is chased about it any more
		jdbc.sql("update referral set status = 'ACCEPTED' where id = cast(:id as uuid)").param("id", late).update();
		assertThat(escalatedTo("manajer.tegal")).contains(late);
		jdbc.sql("update referral set status = 'COMPLETED', outcome = 'x' where id = cast(:id as uuid)").param("id", late)
			.update();
		assertThat(escalatedTo("manajer.tegal")).doesNotContain(late);
		assertThat(escalatedTo("tksk.slawi")).doesNotContain(late);
		assertThat(mvc.get().uri("/api/v1/referrals/" + late)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))).hasStatusOk().bodyJson()
			.extractingPath("$.escalations[*].level").asArray().containsExactly("SUPERVISOR", "MANAGER");
	}

	/**
	 * "Today" is the village's: at 23:30 WIB on the due date it is the next day in a WIT village (Papua), so
	 * that referral is overdue and escalates while the same one in a WIB village is not yet overdue.
	 */
	@Test
	void aReferralIsOverdueByTheDateOfItsVillagesZone() throws Exception {
		String java = send("Desa WIB");
		String papua = send("Desa WIT");
		jdbc.sql("update referral set village_code = '91.71.01.1001' where id = cast(:id as uuid)").param("id", papua)
			.update();
		LocalDate due = jdbc.sql("select due_date from referral where id = cast(:id as uuid)").param("id", java)
			.query(LocalDate.class).single();
		clock.advance(Duration.between(clock.instant(), due.atTime(23, 30).atZone(ZoneId.of("Asia/Jakarta"))));

		escalation.scan();
		assertThat(levels(papua)).containsExactly("SUPERVISOR");
		assertThat(levels(java)).isEmpty();
		for (String[] expected : new String[][] { { papua, "true" }, { java, "false" } }) {
			assertThat(mvc.get().uri("/api/v1/referrals/" + expected[0])
				.header("Authorization", "Bearer " + DemoLogins.token(mvc, "program.dinkes"))).hasStatusOk().bodyJson()
				.extractingPath("$.overdue").isEqualTo(Boolean.valueOf(expected[1]));
		}
		// half an hour later it is the next day in Java too
		clock.advance(Duration.ofHours(1));
		escalation.scan();
		assertThat(levels(java)).containsExactly("SUPERVISOR");
	}

	@Test
	void aScanWaitsWhileAnotherInstanceHoldsTheLock() throws Exception {
		String late = send("Terlambat, instans lain");
		clock.advance(Duration.ofDays(4));
		try (Connection other = dataSource.getConnection(); Statement sql = other.createStatement()) {
			// another instance in the middle of its scan
			sql.execute("select pg_advisory_lock(" + 0x5e_5ca1a7e_0001L + ")");
			assertThat(escalation.scan().ran()).isFalse();
			assertThat(levels(late)).isEmpty();
			sql.execute("select pg_advisory_unlock(" + 0x5e_5ca1a7e_0001L + ")");
		}
		assertThat(escalation.scan().ran()).isTrue();
		assertThat(levels(late)).containsExactly("SUPERVISOR");
	}
}
