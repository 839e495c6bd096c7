package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.pbi.PbiFixture.Listed;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.events.ReactivationEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The ministry's answers as a file: applied to the requests waiting for them with a step and an event each, the same
 * answer again unchanged, each refused line named with its column, the district's PBI-APBD places taken in file
 * order; and the quota a manager sets, which a move to PBI-APBD by hand uses too.
 */
@SimpulIntegrationTest
@RecordApplicationEvents
class MinistryAnswersIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	MvcTestResult answers(String user, String csv) {
		return mvc.post().uri("/api/v1/pbi/answer-imports").multipart()
			.file(new MockMultipartFile("file", "jawaban.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	String status(String request) {
		return jdbc.sql("select status from pbi_reactivation where id = cast(:id as uuid)").param("id", request)
			.query(String.class).single();
	}

	@Test
	void aFileOfAnswersMovesTheWaitingRequestsOnceAndNamesEveryLineItRefuses() throws Exception {
		PbiFixture pbi = new PbiFixture(mvc);
		String month = YearMonth.now(ZoneId.of("Asia/Jakarta")).toString();
		// the quota is the manager's; a month without one has no places
		assertThat(pbi.call("operator.tegal", "PUT", "/api/v1/pbi/apbd-quota?month=" + month, "{\"places\": 5}"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(pbi.call("manajer.tegal", "PUT", "/api/v1/pbi/apbd-quota?month=" + month, "{\"places\": -1}"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("places");
		long used = JsonPath.<Integer>read(pbi.call("operator.tegal", "GET", "/api/v1/pbi/apbd-quota?month=" + month, null)
			.getResponse().getContentAsString(), "$.used");
		assertThat(pbi.call("manajer.tegal", "PUT", "/api/v1/pbi/apbd-quota?month=" + month,
				"{\"places\": %d}".formatted(used + 1))).hasStatusOk().bodyJson().extractingPath("$.left").isEqualTo(1);

		Listed a = pbi.deactivated("Jawaban Disetujui");
		Listed b = pbi.deactivated("Jawaban Aktif");
		Listed c = pbi.deactivated("Jawaban APBD");
		Listed d = pbi.deactivated("Jawaban APBD Kedua");
		Listed e = pbi.deactivated("Jawaban Ditolak");
		String ra = pbi.entered(a, "CHRONIC");
		String rb = pbi.entered(b, "CATASTROPHIC");
		String rc = pbi.entered(c, "EMERGENCY");
		String rd = pbi.entered(d, "OTHER");
		String re = pbi.entered(e, "MATERNITY");
		String stranger = TestIdentifiers.nik("33.28.10", LocalDate.of(1980, 2, 2), Sex.M);
		String file = """
				NIK;Status;Segmen;Alasan
				%s;DISETUJUI;;
				%s;AKTIF;;
				%s;PINDAH_SEGMEN;PBI_APBD;
				%s;pindah segmen;PBI-APBD;
				%s;DITOLAK;;
				%s;AKTIF;;
				%s;AKTIF;;
				12345;AKTIF;;
				""".formatted(a.nik(), b.nik(), c.nik(), d.nik(), e.nik(), stranger, a.nik());
		// a village's user records no answers
		assertThat(answers("psm.procot", file)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult imported = answers("operator.tegal", file);
		assertThat(imported).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.rowsRead").isEqualTo(8);
			assertThat(json).extractingPath("$.rowsApplied").isEqualTo(3);
			assertThat(json).extractingPath("$.rowsSame").isEqualTo(0);
			assertThat(json).extractingPath("$.rowsRejected").isEqualTo(5);
		});
		String id = JsonPath.read(imported.getResponse().getContentAsString(), "$.id");
		assertThat(List.of(status(ra), status(rb), status(rc), status(rd), status(re)))
			.containsExactly("APPROVED", "ACTIVE", "MOVED_SEGMENT", "ENTERED", "ENTERED");
		assertThat(jdbc.sql("select segment from pbi_reactivation where id = cast(:id as uuid)").param("id", rc)
			.query(String.class).single()).isEqualTo("PBI_APBD");
		MvcTestResult read = pbi.call("psm.procot", "GET", "/api/v1/pbi/reactivations/" + rb, null);
		assertThat((List<String>) JsonPath.read(read.getResponse().getContentAsString(), "$.steps[*].status"))
			.containsExactly("DRAFT", "SUBMITTED", "VERIFIED", "LETTER_ISSUED", "ENTERED", "ACTIVE");
		assertThat(events.stream(ReactivationEvent.class)
			.filter(ev -> ev.reactivationId().toString().equals(rc) && ev.status().equals("MOVED_SEGMENT"))).hasSize(1);
		MvcTestResult refused = pbi.call("operator.tegal", "GET", "/api/v1/pbi/answer-imports/" + id + "/rejections",
				null);
		assertThat(refused).hasStatusOk();
		String json = refused.getResponse().getContentAsString();
		assertThat((List<Integer>) JsonPath.read(json, "$.content[*].line")).containsExactly(5, 6, 7, 8, 9);
		assertThat((List<String>) JsonPath.read(json, "$.content[*].field"))
			.containsExactly("Segmen", "Alasan", "NIK", "NIK", "NIK");
		assertThat((List<String>) JsonPath.read(json, "$.content[*].code")).containsExactly("QUOTA_EXHAUSTED", "REQUIRED",
				"NO_REQUEST_WAITING", "DUPLICATE_IN_FILE", "NIK_INVALID_LENGTH");
		// another district's manager does not see the import
		assertThat(pbi.call("manajer.temanggung", "GET", "/api/v1/pbi/answer-imports/" + id, null))
			.hasStatus(HttpStatus.NOT_FOUND);

		// the same file again is the same import; the ministry's cumulative list changes only what is new
		assertThat(answers("operator.tegal", file)).hasStatus(HttpStatus.OK).bodyJson().extractingPath("$.id")
			.isEqualTo(id);
		assertThat(answers("operator.tegal", "NIK,Status\n%s,AKTIF\n%s,AKTIF\n".formatted(a.nik(), b.nik())))
			.hasStatus(HttpStatus.CREATED).bodyJson().satisfies(second -> {
				assertThat(second).extractingPath("$.rowsApplied").isEqualTo(1);
				assertThat(second).extractingPath("$.rowsSame").isEqualTo(1);
			});
		assertThat(status(ra)).isEqualTo("ACTIVE");
		// the same answer for another district's list: nobody of Temanggung is waiting
		assertThat(answers("manajer.temanggung", "NIK,Status\n%s,AKTIF\n".formatted(e.nik()))).hasStatus(HttpStatus.CREATED)
			.bodyJson().extractingPath("$.rowsRejected").isEqualTo(1);
		assertThat(status(re)).isEqualTo("ENTERED");

		// the places are used up: a move to PBI-APBD by hand is refused until the manager adds one
		assertThat(pbi.call("operator.tegal", "GET", "/api/v1/pbi/apbd-quota?month=" + month, null)).hasStatusOk()
			.bodyJson().extractingPath("$.left").isEqualTo(0);
		String apbd = "{\"status\": \"MOVED_SEGMENT\", \"segment\": \"PBI_APBD\"}";
		assertThat(pbi.call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + rd + "/decide", apbd))
			.hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.errors[0].code").isEqualTo("QUOTA_EXHAUSTED");
		assertThat(status(rd)).isEqualTo("ENTERED");
		pbi.call("manajer.tegal", "PUT", "/api/v1/pbi/apbd-quota?month=" + month, "{\"places\": %d}".formatted(used + 2));
		assertThat(pbi.call("operator.tegal", "POST", "/api/v1/pbi/reactivations/" + rd + "/decide", apbd)).hasStatusOk();
		assertThat(pbi.call("operator.tegal", "GET", "/api/v1/pbi/apbd-quota?month=" + month, null)).hasStatusOk()
			.bodyJson().satisfies(q -> {
				assertThat(q).extractingPath("$.used").isEqualTo((int) used + 2);
				assertThat(q).extractingPath("$.left").isEqualTo(0);
			});
	}
}
