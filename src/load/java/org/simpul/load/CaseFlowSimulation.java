package org.simpul.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The whole case flow under load, 32 village teams at once over a registry of 1,000,000 persons.
 * One flow, as a Puskesos, its TKSK and an agency do it: the front office takes the complaint about a registry person;
 * the supervisor writes the case plan; the front office records the quick assessment; the supervisor decides
 * and sends the referral to Kemensos PKH; Kemensos' programme manager accepts it and completes it. Six HTTP
 * steps, each reported apart; a flow is counted when its last step answers. Before the load, in the same run:
 * the raw JDBC baseline of intake writes (what this machine's PostgreSQL does with no application between).
 *
 * <p>Run with {@code ./mvnw -Pload test-compile gatling:test -Dload.simulation=org.simpul.load.CaseFlowSimulation}
 * ({@code -Dload.seconds}, {@code -Dload.warmUpSeconds} as for intake). Results: the console,
 * {@code target/gatling/} and {@code target/benchmarks/case-flow.md}.
 */
public class CaseFlowSimulation extends Simulation {

	private static final int SECONDS = Integer.getInteger("load.seconds", 60);

	private static final int WARM_UP = Integer.getInteger("load.warmUpSeconds", 20);

	private static final LoadWorld WORLD;

	private static final LoadWorld.FlowStaff STAFF;

	/** The programme manager's token, asked once: 32 parallel logins of one account would lock it. */
	private static final String AGENCY_TOKEN;

	static {
		try {
			WORLD = LoadWorld.start();
			STAFF = WORLD.flowStaff();
			AGENCY_TOKEN = WORLD.token(STAFF.programManager());
			LoadWorld.Baseline baseline = WORLD.jdbcBaseline(Math.max(10, SECONDS / 2));
			String report = """
					| measure | value |
					|---|---|
					| raw JDBC baseline, %d threads, %.0f s: intakes | %,d (**%,.0f /s**) |
					| raw JDBC baseline latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |
					""".formatted(WORLD.officers.size(), baseline.seconds(), baseline.intakes(), baseline.perSecond(),
					baseline.p50(), baseline.p95(), baseline.p99());
			Files.createDirectories(Path.of("target/benchmarks"));
			Files.writeString(Path.of("target/benchmarks/case-flow.md"), report);
			LoadWorld.log("%n%s", report);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The load world did not start", ex);
		}
	}

	private final HttpProtocolBuilder protocol = http.baseUrl(WORLD.baseUrl())
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.acceptEncodingHeader("gzip");

	private final List<Map<String, Object>> teams = teams();

	private static List<Map<String, Object>> teams() {
		List<Map<String, Object>> teams = new ArrayList<>();
		for (int i = 0; i < WORLD.officers.size(); i++) {
			LoadWorld.Officer officer = WORLD.officers.get(i);
			teams.add(Map.of("officer", officer.username(), "supervisor", STAFF.supervisors().get(i), "villageCode",
					officer.villageCode(), "niks", officer.niks(), "agencyToken", AGENCY_TOKEN));
		}
		return teams;
	}

	private static final String QUICK_FORM = "5e1ec7ed-0000-4000-8000-00000000a001";

	/** One flow after another for {@code seconds}; requests named with {@code prefix} (the warm-up apart). */
	private static ChainBuilder flows(String prefix, int seconds) {
		return during(Duration.ofSeconds(seconds)).on(
				exec(session -> {
					List<Object> niks = session.getList("niks");
					return session.set("nik", niks.get(ThreadLocalRandom.current().nextInt(niks.size())));
				}),
				exec(http(prefix + "1 NIK look-up").post("/api/v1/persons/search")
					.header("Authorization", "Bearer #{officerToken}")
					.body(StringBody("{\"nik\": \"#{nik}\"}"))
					.check(status().is(200), jsonPath("$.content[0].id").saveAs("personId"))),
				exec(http(prefix + "2 complaint").post("/api/v1/complaints")
					.header("Authorization", "Bearer #{officerToken}")
					.header("Idempotency-Key", "#{randomUuid()}")
					.body(StringBody("""
							{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "#{villageCode}",
							 "description": "Keluarga miskin, anak putus sekolah, belum menerima PKH.", "ppksCodes": ["24"],
							 "subjectPersonId": "#{personId}"}"""))
					.check(status().is(201), jsonPath("$.id").saveAs("complaintId"))),
				exec(http(prefix + "3 case plan").put("/api/v1/complaints/#{complaintId}/case/plan")
					.header("Authorization", "Bearer #{supervisorToken}")
					.header("If-Match", "\"0\"")
					.body(StringBody("{\"plan\": \"Asesmen cepat hari ini; usulkan PKH; pantau dalam 14 hari.\"}"))
					.check(status().is(200))),
				exec(http(prefix + "4 quick assessment").post("/api/v1/complaints/#{complaintId}/assessments")
					.header("Authorization", "Bearer #{officerToken}")
					.header("Idempotency-Key", "#{randomUuid()}")
					.body(StringBody("""
							{"formId": "%s", "answers": {"urgency": "CEPAT", "safe": true, "sick": false,
							 "needs": ["SEKOLAH", "MAKANAN"], "householdSize": 5, "notes": "Anak sulung putus sekolah."}}"""
						.formatted(QUICK_FORM)))
					.check(status().is(201))),
				exec(http(prefix + "5 referral").post("/api/v1/referrals")
					.header("Authorization", "Bearer #{supervisorToken}")
					.header("Idempotency-Key", "#{randomUuid()}")
					.body(StringBody("""
							{"complaintId": "#{complaintId}", "providerId": "%s",
							 "reason": "Desil 2, anak usia sekolah, belum menerima PKH."}""".formatted(STAFF.providerId())))
					.check(status().is(201), jsonPath("$.id").saveAs("referralId"))),
				exec(http(prefix + "6 accept").post("/api/v1/referrals/#{referralId}/accept")
					.header("Authorization", "Bearer #{agencyToken}")
					.check(status().is(200))),
				exec(http(prefix + "7 complete").post("/api/v1/referrals/#{referralId}/complete")
					.header("Authorization", "Bearer #{agencyToken}")
					.body(StringBody("{\"outcome\": \"Ditetapkan sebagai penerima PKH tahap berikutnya.\"}"))
					.check(status().is(200))));
	}

	private final ScenarioBuilder flow = scenario("village team")
		.feed(listFeeder(teams).circular())
		.exec(http("token").post("/api/v1/auth/token")
			.body(StringBody("{\"username\": \"#{officer}\", \"password\": \"" + LoadWorld.PASSWORD + "\"}"))
			.check(jsonPath("$.access_token").saveAs("officerToken")))
		.exec(http("token").post("/api/v1/auth/token")
			.body(StringBody("{\"username\": \"#{supervisor}\", \"password\": \"" + LoadWorld.PASSWORD + "\"}"))
			.check(jsonPath("$.access_token").saveAs("supervisorToken")))
		.exec(flows("warm-up ", WARM_UP))
		.exec(flows("", SECONDS));

	{
		setUp(flow.injectOpen(atOnceUsers(WORLD.officers.size()))).protocols(protocol);
	}

	@Override
	public void after() {
		try {
			Map<String, Long> counts = WORLD.afterLoad();
			LoadWorld.log("after the load: %s", counts);
			Files.writeString(Path.of("target/benchmarks/case-flow.md"), "\nafter the load: " + counts + "\n",
					StandardOpenOption.APPEND);
			WORLD.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
