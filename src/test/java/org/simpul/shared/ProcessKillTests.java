package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.simpul.registry.RegistryFileGenerator;
import org.simpul.shared.database.EmbeddedDatabase;

/**
 * The fault suite's process part (docs/reliability.md): Simpul is killed with {@code kill -9} while a
 * registry import runs and volunteers record complaints. The next start takes the import over and finishes
 * it (marked resumed), and the phones' retries, with their Idempotency-Keys, reach the new process: every
 * acknowledged complaint is stored once, the import's persons once each.
 */
class ProcessKillTests {

	private final Path dataDir = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "process-kill")
		.toAbsolutePath();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aKilledProcessLosesNothingAndDoublesNothing() throws Exception {
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		Files.createDirectories(dataDir.getParent());
		Path file = dataDir.resolveSibling("process-kill-registry.csv");
		RegistryFileGenerator.Summary summary = RegistryFileGenerator.write(file, "33.28", 60_000, 7, List.of(), 5000);
		ChildApplication first = ChildApplication.start(dataDir, "process-kill-first", "--simpul.demo.persons=0");
		AtomicReference<ChildApplication> current = new AtomicReference<>(first);
		AtomicReference<String> token = new AtomicReference<>(first.token("fo.procot"));
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		String run = UUID.randomUUID().toString().substring(0, 8);
		Thread writer = Thread.ofPlatform().start(() -> {
			for (int i = 0; writing.get(); i++) {
				String key = UUID.randomUUID().toString();
				String body = """
						{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008",
						 "description": "Proses mati %s %d", "ppksCodes": ["24"], "subject": {"name": "Ibu Proses"}}"""
					.formatted(run, i);
				while (true) {
					try {
						HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
								URI.create(current.get().url("/api/v1/complaints")))
							.timeout(Duration.ofSeconds(20))
							.header("Content-Type", "application/json")
							.header("Authorization", "Bearer " + token.get())
							.header("Idempotency-Key", key)
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString());
						if (answer.statusCode() == 201 || answer.statusCode() == 200) {
							acknowledged.put(key, answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"));
							break;
						}
					}
					catch (Exception gone) {
						// the process is dead: the phone keeps the request and tries again
					}
					try {
						Thread.sleep(300);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}
		});
		String job;
		Instant killed;
		ChildApplication second = null;
		try {
			job = upload(first, file);
			String admin = first.token("manajer.tegal");
			Instant deadline = Instant.now().plusSeconds(120);
			while (!status(first, admin, job).matches("(?s).*\"status\":\"RUNNING\".*\"rowsRead\":[1-9].*")) {
				assertThat(Instant.now()).as("the import started").isBefore(deadline);
				Thread.sleep(100);
			}
			killed = Instant.now();
			first.kill(false);

			second = ChildApplication.start(dataDir, "process-kill-second", "--simpul.demo.persons=0");
			Instant restarted = Instant.now();
			token.set(second.token("fo.procot"));
			current.set(second);
			String again = second.token("manajer.tegal");
			String done;
			deadline = Instant.now().plusSeconds(240);
			while (!(done = status(second, again, job)).contains("\"status\":\"COMPLETED\"")) {
				assertThat(done).doesNotContain("\"status\":\"FAILED\"");
				assertThat(Instant.now()).as("the import finished after the restart").isBefore(deadline);
				Thread.sleep(250);
			}
			Instant completed = Instant.now();
			writing.set(false);
			writer.join(60_000);
			System.out.printf("PROCESS-KILL restart took %d ms; the import was completed %d ms after the kill (%s);"
					+ " %d intakes acknowledged%n", Duration.between(killed, restarted).toMillis(),
					Duration.between(killed, completed).toMillis(), done, acknowledged.size());
			assertThat(done).contains("\"resumed\":true");
			assertThat(done).contains("\"rowsRead\":" + summary.rows());
		}
		finally {
			writing.set(false);
			writer.join(60_000);
			if (second != null) {
				second.terminate(Duration.ofSeconds(60));
			}
		}

		try (EmbeddedDatabase database = EmbeddedDatabase.acquire(dataDir);
				Connection sql = DriverManager.getConnection(database.jdbcUrl("postgres"), "postgres", database.password())) {
			try (ResultSet counts = sql.createStatement().executeQuery("""
					select count(*), count(distinct description) from complaint where description like 'Proses mati %s %%'"""
				.formatted(run))) {
				counts.next();
				System.out.printf("PROCESS-KILL stored %d complaints (%d distinct) of %d acknowledged%n", counts.getLong(1),
						counts.getLong(2), acknowledged.size());
				assertThat(counts.getLong(1)).isEqualTo(counts.getLong(2)).isEqualTo(acknowledged.size());
			}
			try (ResultSet persons = sql.createStatement().executeQuery("""
					select count(*), count(distinct nik_index), (select rows_created from registry_import
					where id = '%s') from person where nik_index is not null""".formatted(job))) {
				persons.next();
				System.out.printf("PROCESS-KILL persons %d (%d distinct NIKs), %d created by the import%n",
						persons.getLong(1), persons.getLong(2), persons.getLong(3));
				assertThat(persons.getLong(1)).as("no person twice").isEqualTo(persons.getLong(2));
				assertThat(persons.getLong(3)).as("the file's persons, once").isGreaterThan(50_000);
			}
		}
	}

	private String upload(ChildApplication child, Path file) throws Exception {
		String boundary = "----simpul" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"registri.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(Files.readAllBytes(file));
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(child.url("/api/v1/registry/imports")))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", "Bearer " + child.token("manajer.tegal"))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(accepted.statusCode()).isEqualTo(202);
		return accepted.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private String status(ChildApplication child, String token, String job) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(child.url("/api/v1/registry/imports/" + job)))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
	}
}
