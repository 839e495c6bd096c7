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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Complaint intake under load: 32 front-office officers, each in their own village of a regency of 1,000,000
 * registry persons, take complaints as fast as Simpul answers. One intake is what the intake form does: the
 * NIK look-up that brings the family ({@code POST /api/v1/persons/search}), then the complaint about the
 * person found ({@code POST /api/v1/complaints} with an {@code Idempotency-Key} and a phone number, so that
 * the status message goes through the outbox too). Before the load, in the same run and on the same
 * database: the raw JDBC baseline of the same writes and the intake page's weight.
 *
 * <p>Run with {@code ./mvnw -Pload test-compile gatling:test}; {@code -Dload.seconds} sets the measured
 * duration (default 60) after {@code -Dload.warmUpSeconds} of warm-up (default 20), {@code -Dload.persons} the registry size (default 1,000,000; imported once, kept in
 * {@code target/load-data}). Results: the console, {@code target/gatling/} and
 * {@code target/benchmarks/complaint-intake.md}.
 */
public class ComplaintIntakeSimulation extends Simulation {

	private static final int SECONDS = Integer.getInteger("load.seconds", 60);

	private static final LoadWorld WORLD = start();

	private static LoadWorld start() {
		try {
			LoadWorld world = LoadWorld.start();
			LoadWorld.PageWeight page = world.intakePageWeight();
			LoadWorld.Baseline baseline = world.jdbcBaseline(Math.max(10, SECONDS / 2));
			String report = """
					| measure | value |
					|---|---|
					| intake page after login, HTML + assets on the wire (gzip) | %,d + %,d = **%,d B** (goal ≤ 150 KB) |
					| raw JDBC baseline, %d threads, %.0f s: intakes | %,d (**%,.0f /s**) |
					| raw JDBC baseline latency p50 / p95 / p99 | %.1f / %.1f / %.1f ms |

					page parts: %s
					""".formatted(page.html(), page.assets(), page.total(), world.officers.size(), baseline.seconds(),
					baseline.intakes(), baseline.perSecond(), baseline.p50(), baseline.p95(), baseline.p99(), page.parts());
			Files.createDirectories(Path.of("target/benchmarks"));
			Files.writeString(Path.of("target/benchmarks/complaint-intake.md"), report);
			LoadWorld.log("%n%s", report);
			return world;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The load world did not start", ex);
		}
	}

	private final HttpProtocolBuilder protocol = http.baseUrl(WORLD.baseUrl())
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.acceptEncodingHeader("gzip");

	private final List<Map<String, Object>> officers = WORLD.officers.stream()
		.map(o -> Map.<String, Object>of("username", o.username(), "villageCode", o.villageCode(), "niks", o.niks()))
		.toList();

	private static final int WARM_UP = Integer.getInteger("load.warmUpSeconds", 20);

	/** One intake as the form does it; requests named with {@code prefix} so that the warm-up is reported apart. */
	private static io.gatling.javaapi.core.ChainBuilder intakes(String prefix, int seconds) {
		return during(Duration.ofSeconds(seconds)).on(
				exec(session -> {
					List<Object> niks = session.getList("niks");
					return session.set("nik", niks.get(ThreadLocalRandom.current().nextInt(niks.size())));
				}),
				exec(http(prefix + "NIK look-up").post("/api/v1/persons/search")
					.header("Authorization", "Bearer #{token}")
					.body(StringBody("{\"nik\": \"#{nik}\"}"))
					.check(status().is(200), jsonPath("$.content[0].id").saveAs("personId"))),
				exec(http(prefix + "intake").post("/api/v1/complaints")
					.header("Authorization", "Bearer #{token}")
					.header("Idempotency-Key", "#{randomUuid()}")
					.body(StringBody("""
							{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "#{villageCode}",
							 "description": "PBI-JK anaknya dinonaktifkan, perlu berobat.", "ppksCodes": ["24"],
							 "subjectPersonId": "#{personId}", "reporter": {"phone": "081234567890"}}"""))
					.check(status().is(201))));
	}

	// the JIT and the caches warm up first, reported as "warm-up …"; the figures are those of the rest
	private final ScenarioBuilder intake = scenario("front office")
		.feed(listFeeder(officers).circular())
		.exec(http("token").post("/api/v1/auth/token")
			.body(StringBody("{\"username\": \"#{username}\", \"password\": \"" + LoadWorld.PASSWORD + "\"}"))
			.check(jsonPath("$.access_token").saveAs("token")))
		.exec(intakes("warm-up ", WARM_UP))
		.exec(intakes("", SECONDS));

	{
		setUp(intake.injectOpen(atOnceUsers(WORLD.officers.size()))).protocols(protocol);
	}

	@Override
	public void after() {
		try {
			Map<String, Long> counts = WORLD.afterLoad();
			LoadWorld.log("after the load: %s", counts);
			Files.writeString(Path.of("target/benchmarks/complaint-intake.md"), "\nafter the load: " + counts + "\n",
					StandardOpenOption.APPEND);
			WORLD.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
