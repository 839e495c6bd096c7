package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.simpul.shared.events.CaseEvent;
import org.simpul.shared.events.CaseEvent.CaseAssigned;
import org.simpul.shared.events.CaseEvent.CaseClosed;
import org.simpul.shared.events.CaseEvent.CaseNoteAdded;
import org.simpul.shared.events.CaseEvent.CaseReopened;
import org.simpul.shared.events.ComplaintEvent.ComplaintReceived;
import org.simpul.shared.events.ReferralEvent;
import org.simpul.shared.events.ReferralEvent.ReferralAccepted;
import org.simpul.shared.events.ReferralEvent.ReferralCompleted;
import org.simpul.shared.events.ReferralEvent.ReferralDueDateChanged;
import org.simpul.shared.events.ReferralEvent.ReferralRecommended;
import org.simpul.shared.events.ReferralEvent.ReferralSent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Every state change of a complaint's case and its referral publishes its past-tense event, once, and only
 * when the change happened: a refused move, or the same assignment again, publishes nothing.
 */
@SimpulIntegrationTest
@RecordApplicationEvents
class WorkflowEventsIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	private MvcTestResult call(String user, String method, String uri, String body) {
		return DemoLogins.call(mvc, user, method, uri, body);
	}

	private String id(String table, String column, String value) {
		return jdbc.sql("select cast(id as text) from " + table + " where " + column + " = :v").param("v", value)
			.query(String.class).single();
	}

	private <T> List<T> published(Class<T> type) {
		return events.stream(type).toList();
	}

	@Test
	void aComplaintsCaseAndReferralSayWhatHappenedAndTheComplaintFollows() throws Exception {
		String complaint = JsonPath.read(call("manajer.tegal", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Butuh kontrol",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Peristiwa"}}""").getResponse().getContentAsString(), "$.id");
		UUID complaintId = UUID.fromString(complaint);
		assertThat(published(ComplaintReceived.class)).singleElement().satisfies(e -> {
			assertThat(e.complaintId()).isEqualTo(complaintId);
			assertThat(e.villageCode()).isEqualTo("33.28.10.1008");
		});

		String base = "/api/v1/complaints/" + complaint + "/case";
		String assign = "{\"userId\": \"" + id("app_user", "username", "psm.procot") + "\"}";
		assertThat(call("tksk.slawi", "PUT", base + "/assignee", assign)).hasStatusOk();
		assertThat(call("tksk.slawi", "PUT", base + "/assignee", assign)).hasStatusOk();
		assertThat(published(CaseAssigned.class)).as("the same assignment again is no event").hasSize(1);
		assertThat(call("psm.procot", "POST", base + "/notes", "{\"text\": \"Kunjungan rumah\"}")).hasStatusOk();
		assertThat(published(CaseNoteAdded.class)).hasSize(1);

		MvcTestResult sent = call("tksk.slawi", "POST", "/api/v1/referrals", """
				{"complaintId": "%s", "providerId": "%s", "reason": "Kontrol rutin"}"""
			.formatted(complaint, id("provider", "code", "DINKES-3328-JAMKESDA")));
		assertThat(sent).hasStatus(HttpStatus.CREATED);
		String referral = JsonPath.read(sent.getResponse().getContentAsString(), "$.id");
		String version = sent.getResponse().getHeader("ETag");
		assertThat(published(ReferralRecommended.class)).hasSize(1);
		assertThat(published(ReferralSent.class)).singleElement()
			.satisfies(e -> assertThat(e.referralId()).isEqualTo(UUID.fromString(referral)));
		assertThat(status(complaint)).isEqualTo("REFERRED");

		assertThat(call("program.dinkes", "POST", "/api/v1/referrals/" + referral + "/complete", "{\"outcome\": \"x\"}"))
			.hasStatus(HttpStatus.CONFLICT);
		assertThat(published(ReferralCompleted.class)).as("a refused move is no event").isEmpty();
		assertThat(call("program.dinkes", "POST", "/api/v1/referrals/" + referral + "/accept", "")).hasStatusOk();
		assertThat(status(complaint)).isEqualTo("IN_PROGRESS");
		assertThat(call("program.dinkes", "POST", "/api/v1/referrals/" + referral + "/complete",
				"{\"outcome\": \"Kontrol terjadwal\"}")).hasStatusOk();
		assertThat(published(ReferralAccepted.class)).hasSize(1);
		assertThat(published(ReferralCompleted.class)).singleElement()
			.satisfies(e -> assertThat(e.outcome()).isEqualTo("Kontrol terjadwal"));
		assertThat(status(complaint)).isEqualTo("RESOLVED");
		assertThat(published(ReferralEvent.class)).extracting(e -> e.getClass().getSimpleName())
			.containsExactly("ReferralRecommended", "ReferralSent", "ReferralAccepted", "ReferralCompleted");
		assertThat(version).isNotNull();
		assertThat(published(ReferralDueDateChanged.class)).isEmpty();

		assertThat(call("tksk.slawi", "POST", base + "/close", "{\"outcome\": \"Selesai\"}")).hasStatusOk();
		assertThat(status(complaint)).isEqualTo("CLOSED");
		assertThat(call("tksk.slawi", "POST", base + "/close", "{\"outcome\": \"Lagi\"}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(published(CaseClosed.class)).hasSize(1);
		assertThat(call("tksk.slawi", "POST", base + "/reopen", "{\"reason\": \"Datang lagi\"}")).hasStatusOk();
		assertThat(published(CaseReopened.class)).hasSize(1);
		assertThat(status(complaint)).isEqualTo("IN_PROGRESS");
		assertThat(published(CaseEvent.class)).allSatisfy(e -> assertThat(e.complaintId()).isEqualTo(complaintId));
	}

	private String status(String complaint) {
		return jdbc.sql("select status from complaint where id = cast(:id as uuid)").param("id", complaint)
			.query(String.class).single();
	}
}
