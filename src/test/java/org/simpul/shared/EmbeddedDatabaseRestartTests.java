package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

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
		Files.createDirectories(dataDir);
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
				try (var channel = FileChannel.open(shared.toAbsolutePath().resolve("simpul.lock"),
						StandardOpenOption.WRITE)) {
					channel.lock().release();
				}
			}).isInstanceOf(OverlappingFileLockException.class);
			assertThat(first.getBean(JdbcClient.class).sql("select 1").query(Integer.class).single()).isEqualTo(1);
		}
	}

	/** Starts Simpul in its own JVM, creates one user over HTTP, then kills it (and optionally its PostgreSQL). */
	private void runKillAndForget(String username, boolean alsoKillPostgres) throws Exception {
		ChildApplication child = ChildApplication.start(dataDir, "restart-" + username, "--simpul.demo.persons=0");
		try {
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(child.url("/api/v1/users")))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + child.token("admin"))
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"username": "%s", "password": "Survives-Kill-2026", "displayName": "Survivor",
							 "role": "FACILITATOR", "regionCode": "33.28.10.1008"}""".formatted(username)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
		}
		finally {
			child.kill(alsoKillPostgres);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SimpulApplication.class).run("--server.port=0", "--simpul.data-dir=" + dataDir,
				"--simpul.demo.persons=0");
	}

	private static List<String> usernames(JdbcClient jdbc) {
		return jdbc.sql("select username from app_user").query(String.class).list();
	}
}
