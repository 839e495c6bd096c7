package org.simpul.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;

/**
 * Time from launching a JVM to the readiness probe answering 200: five first starts (initdb, migrations,
 * region load, demo seed, each in an empty data directory) and five warm starts on an existing one.
 * Each process is stopped gracefully (SIGTERM) before the next. Run with {@code ./mvnw -Pbench test}.
 */
@Tag("benchmark")
class StartupBenchmark {

	private static final int ROUNDS = 5;

	@Test
	void firstAndWarmStart() throws Exception {
		Path root = Path.of("target/bench-data/startup").toAbsolutePath();
		List<Long> first = new ArrayList<>();
		List<Long> warm = new ArrayList<>();
		Path last = null;
		for (int i = 0; i < ROUNDS; i++) {
			last = root.resolve("first-" + i);
			delete(last);
			first.add(startAndStop(last));
		}
		for (int i = 0; i < ROUNDS; i++) {
			warm.add(startAndStop(last));
		}
		BenchmarkReport.write("startup", """
				| measure (median of %d, ms from JVM launch to ready) | value |
				|---|---|
				| first start (initdb + migrations + region load + demo seed) | %d |
				| warm start (existing data directory) | %d |
				""".formatted(ROUNDS, BenchmarkReport.median(first), BenchmarkReport.median(warm)), first, warm);
	}

	private static long startAndStop(Path dataDir) throws Exception {
		Files.createDirectories(dataDir);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		long started = System.nanoTime();
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), SimpulApplication.class.getName(), "--server.port=" + port,
				"--simpul.data-dir=" + dataDir)
			.redirectErrorStream(true)
			.redirectOutput(new File(dataDir.toFile(), "app.log"))
			.start();
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
			while (true) {
				if (!process.isAlive()) {
					throw new IllegalStateException("Simpul stopped early, see " + dataDir.resolve("app.log"));
				}
				try {
					if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
						.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
						return (System.nanoTime() - started) / 1_000_000;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(50);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static void delete(Path dir) throws Exception {
		if (Files.exists(dir)) {
			try (Stream<Path> walk = Files.walk(dir)) {
				for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(p);
				}
			}
		}
	}
}
