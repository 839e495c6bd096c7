package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database keeps its data across restarts, also after the application was killed with
 * {@code kill -9} (which leaves PostgreSQL's own server process running on the data directory).
 */
class EmbeddedDatabaseRestartTests {

	private final Path dataDir = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"), "restart")
		.toAbsolutePath();

	@Test
	void keepsEveryCommittedRecordAfterKillMinus9AndAfterAGracefulRestart() throws Exception {
		java.nio.file.Files.createDirectories(dataDir);
		// 1. kill -9 of the application: its PostgreSQL lives on as an orphan and must be taken over
		runKillAndForget("survivor", false);
		try (ConfigurableApplicationContext second = start()) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			assertThat(usernames(jdbc)).contains("survivor", "admin", "psm.procot");
			jdbc.sql("update app_user set display_name = 'Survivor, twice' where username = 'survivor'").update();
		}
		// 2. a graceful stop and start
		try (ConfigurableApplicationContext third = start()) {
			JdbcClient jdbc = third.getBean(JdbcClient.class);
			assertThat(jdbc.sql("select display_name from app_user where username = 'survivor'").query(String.class)
				.single()).isEqualTo("Survivor, twice");
			// seeded once: the demo users were not created a second time
			assertThat(jdbc.sql("select count(*) from app_user where username = 'admin'").query(Long.class).single())
				.isEqualTo(1);
			assertThat(jdbc.sql("select count(*) from region").query(Long.class).single()).isEqualTo(91599);
		}
		// 3. power loss: the application and PostgreSQL both die at once; the write-ahead log brings it back
		runKillAndForget("after.power.loss", true);
		try (ConfigurableApplicationContext fourth = start()) {
			assertThat(usernames(fourth.getBean(JdbcClient.class))).contains("survivor", "after.power.loss");
		}
	}

	@Test
	void refusesASecondProcessOnTheSameDataDirectory() {
		Path shared = dataDir.resolveSibling("restart-twice");
		try (ConfigurableApplicationContext first = new SpringApplicationBuilder(SimpulApplication.class)
			.run("--server.port=0", "--simpul.data-dir=" + shared, "--simpul.demo.persons=0")) {
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
				// a second JVM is simulated by taking the directory's lock from another channel in this one
				try (var channel = java.nio.channels.FileChannel.open(shared.toAbsolutePath().resolve("simpul.lock"),
						java.nio.file.StandardOpenOption.WRITE)) {
					channel.lock().release();
				}
			}).isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
			assertThat(first.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	/** Starts Simpul in its own JVM, creates one user over HTTP, then kills it (and optionally its PostgreSQL). */
	private void runKillAndForget(String username, boolean alsoKillPostgres) throws Exception {
		int port = freePort();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SimpulApplication.class.getName(), "--server.port=" + port,
				"--simpul.data-dir=" + dataDir, "--simpul.demo.persons=0")
			.redirectErrorStream(true)
			.redirectOutput(new File(dataDir.getParent().toFile(), "restart-" + username + ".log"))
			.start();
		try {
			waitUntilUp(port, process);
			HttpClient http = HttpClient.newHttpClient();
			String token = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"admin\", \"password\": \"Simpul-Demo-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
			HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/users"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Bearer " + token)
				.POST(HttpRequest.BodyPublishers.ofString("""
						{"username": "%s", "password": "Survives-Kill-2026", "displayName": "Survivor",
						 "role": "FACILITATOR", "regionCode": "33.28.10.1008"}""".formatted(username)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
		}
		finally {
			long postmaster = Long.parseLong(java.nio.file.Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst()
				.strip());
			process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop of PostgreSQL
			process.waitFor(30, TimeUnit.SECONDS);
			if (alsoKillPostgres) {
				ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
				ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
			}
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SimpulApplication.class).run("--server.port=0", "--simpul.data-dir=" + dataDir,
				"--simpul.demo.persons=0");
	}

	private static List<String> usernames(JdbcClient jdbc) {
		return jdbc.sql("select username from app_user").query(String.class).list();
	}

	private static void waitUntilUp(int port, Process process) throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application process ended early; see restart-first.log");
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (java.io.IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application did not become ready in 120 s");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
