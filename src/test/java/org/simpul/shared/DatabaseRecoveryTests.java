package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.simpul.shared.database.EmbeddedDatabase;

/**
 * The fault suite's database part (docs/reliability.md): while volunteers record complaints, the embedded
 * PostgreSQL server is killed with {@code kill -9}. Simpul answers 503 fast while it is away (readiness DOWN,
 * liveness UP), restarts the server by itself and serves again within 60 s without a restart of the JVM;
 * every acknowledged complaint is there once (retries carry their Idempotency-Key), none twice. Then the
 * server is killed again and the application stopped with SIGTERM: it ends in bounded time.
 */
class DatabaseRecoveryTests {

	private final Path dataDir = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "recovery")
		.toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	record Answer(int status, long millis, Instant at, String body) {
	}

	private Answer send(HttpRequest request) {
		Instant start = Instant.now();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), Duration.between(start, Instant.now()).toMillis(), start,
					response.body());
		}
		catch (Exception ex) {
			return new Answer(-1, Duration.between(start, Instant.now()).toMillis(), start, ex.getClass().getSimpleName());
		}
	}

	@Test
	void theKilledServerIsRestartedAndNothingIsLostOrDuplicated() throws Exception {
		ChildApplication child = ChildApplication.start(dataDir, "recovery", "--simpul.demo.persons=0");
		String run = UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> acknowledged = new ConcurrentHashMap<>(); // Idempotency-Key -> complaint id
		List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
		String token = child.token("fo.procot");
		Thread writer = Thread.ofPlatform().start(() -> {
			for (int i = 0; writing.get(); i++) {
				String key = UUID.randomUUID().toString();
				HttpRequest request = HttpRequest.newBuilder(URI.create(child.url("/api/v1/complaints")))
					.timeout(Duration.ofSeconds(20))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + token)
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
							 "description": "Pemulihan %s %d", "ppksCodes": ["24"], "subject": {"name": "Ibu Pemulihan"}}"""
						.formatted(run, i)))
					.build();
				// the same request, same key, until it is acknowledged (a volunteer's phone retrying)
				while (true) {
					Answer answer = send(request);
					answers.add(answer);
					if (answer.status() == 201 || answer.status() == 200) {
						acknowledged.put(key, answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
						break;
					}
					try {
						Thread.sleep(200);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		});
		try {
			Thread.sleep(2000);
			assertThat(acknowledged).as("intakes before the fault").isNotEmpty();

			ProcessHandle postmaster = child.postmaster();
			Instant kill = Instant.now();
			killedAt.set(kill.toEpochMilli());
			postmaster.destroyForcibly(); // not waiting for it to be reaped: the readings start at once

			// readiness says DOWN within a second of asking, and soon after the kill; liveness stays UP
			Instant down = null;
			List<Long> healthMillis = new ArrayList<>();
			while (Duration.between(kill, Instant.now()).toSeconds() < 60) {
				Answer readiness = send(HttpRequest.newBuilder(URI.create(child.url("/actuator/health/readiness")))
					.timeout(Duration.ofSeconds(5)).build());
				healthMillis.add(readiness.millis());
				if (readiness.status() == 503 && down == null) {
					down = readiness.at();
					Answer liveness = send(HttpRequest.newBuilder(URI.create(child.url("/actuator/health/liveness")))
						.timeout(Duration.ofSeconds(5)).build());
					assertThat(liveness.status()).isEqualTo(200);
				}
				if (down != null && readiness.status() == 200) {
					break;
				}
				Thread.sleep(50);
			}
			Instant readyAgain = Instant.now();
			assertThat(down).as("readiness went DOWN").isNotNull();
			assertThat(healthMillis).as("each health answer's time (ms)").allSatisfy(ms -> assertThat(ms).isLessThan(1500));

			// service again within 60 s: an intake acknowledged after the kill
			Instant deadline = kill.plusSeconds(60);
			while (Instant.now().isBefore(deadline) && answers.stream()
				.noneMatch(a -> a.at().isAfter(kill) && (a.status() == 201))) {
				Thread.sleep(100);
			}
			Instant served = answers.stream().filter(a -> a.at().isAfter(kill) && a.status() == 201)
				.map(a -> a.at().plusMillis(a.millis())).min(Instant::compareTo).orElse(null);
			assertThat(served).as("an intake acknowledged within 60 s of the kill").isNotNull();
			Thread.sleep(1000);
			writing.set(false);
			writer.join(30_000);

			List<Answer> during = answers.stream().filter(a -> a.at().isAfter(kill) && a.at().isBefore(readyAgain))
				.toList();
			List<Answer> unavailable = during.stream().filter(a -> a.status() == 503).toList();
			System.out.printf("RECOVERY readiness DOWN after %d ms, UP again after %d ms, first intake acknowledged"
					+ " %d ms after the kill; %d intakes acknowledged, %d answers while away (%d were 503, slowest 503"
					+ " %d ms, statuses %s); slowest health answer %d ms%n",
					Duration.between(kill, down).toMillis(), Duration.between(kill, readyAgain).toMillis(),
					Duration.between(kill, served).toMillis(), acknowledged.size(), during.size(), unavailable.size(),
					unavailable.stream().mapToLong(Answer::millis).max().orElse(0),
					during.stream().map(Answer::status).distinct().sorted().toList(),
					healthMillis.stream().mapToLong(Long::longValue).max().orElse(0));
			assertThat(during).as("no 500 while the database was away").noneMatch(a -> a.status() >= 500 && a.status() != 503);
			assertThat(unavailable).as("503 answered fast").allSatisfy(a -> assertThat(a.millis()).isLessThan(11_000));

			// 2. bounded shutdown with the database gone
			child.postmaster().destroyForcibly();
			Duration stop = child.terminate(Duration.ofSeconds(45));
			System.out.printf("SHUTDOWN with the database killed: the JVM ended %d ms after SIGTERM%n", stop.toMillis());
			assertThat(stop).isLessThan(Duration.ofSeconds(35));
		}
		finally {
			writing.set(false);
			writer.join(30_000);
			child.kill(true);
		}

		// nothing lost, nothing twice: every acknowledged complaint is stored once
		try (EmbeddedDatabase database = EmbeddedDatabase.acquire(dataDir);
				Connection sql = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", database.password());
				ResultSet counts = sql.createStatement().executeQuery("""
						select count(*), count(distinct description), count(*) filter (where id = any(array[%s]::uuid[]))
						from complaint where description like 'Pemulihan %s %%'""".formatted(
						acknowledged.values().stream().map(id -> "'" + id + "'").reduce((a, b) -> a + "," + b).orElse("null"),
						run))) {
			counts.next();
			System.out.printf("STORED %d complaints of the run (%d distinct), %d of the %d acknowledged%n",
					counts.getLong(1), counts.getLong(2), counts.getLong(3), acknowledged.size());
			assertThat(counts.getLong(3)).as("acknowledged and stored").isEqualTo(acknowledged.size());
			assertThat(counts.getLong(1)).as("stored once each").isEqualTo(counts.getLong(2));
			assertThat(counts.getLong(1)).as("nothing stored that was not acknowledged")
				.isEqualTo(acknowledged.size());
		}
	}
}
