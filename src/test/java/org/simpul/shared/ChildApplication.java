package org.simpul.shared;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.simpul.SimpulApplication;

/**
 * Simpul started in a JVM of its own on a data directory, so that a test can kill it with {@code kill -9}
 * (no shutdown hook, no graceful stop of anything) and see what survives.
 */
public final class ChildApplication {

	private final Process process;

	private final int port;

	private final Path dataDir;

	private final Path log;

	private ChildApplication(Process process, int port, Path dataDir, Path log) {
		this.process = process;
		this.port = port;
		this.dataDir = dataDir;
		this.log = log;
	}

	/** Starts Simpul on {@code dataDir} with the given extra {@code --name=value} arguments and waits until it is ready. */
	public static ChildApplication start(Path dataDir, String logName, String... arguments) throws Exception {
		Files.createDirectories(dataDir);
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), SimpulApplication.class.getName(), "--server.port=" + port,
				"--simpul.data-dir=" + dataDir,
				// small demo PBI-JK lists: these children test the process, not the demo world
				"--simpul.demo.pbi-temanggung=100", "--simpul.demo.pbi-tegal=20"));
		command.addAll(List.of(arguments));
		Path log = dataDir.getParent().resolve(logName + ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ChildApplication child = new ChildApplication(process, port, dataDir, log);
		try {
			child.waitUntilReady();
		}
		catch (Exception | Error ex) {
			child.kill(false);
			throw ex;
		}
		return child;
	}

	/** The data directory's PostgreSQL server process, as its {@code postmaster.pid} names it now. */
	public ProcessHandle postmaster() throws Exception {
		long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).getFirst().strip());
		return ProcessHandle.of(pid).orElseThrow();
	}

	/** SIGTERM, as a service manager stops it; answers how long the JVM took to end (at most {@code limit}). */
	public Duration terminate(Duration limit) throws Exception {
		Instant start = Instant.now();
		process.destroy();
		if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("The application did not end within " + limit + " of SIGTERM; see " + log);
		}
		return Duration.between(start, Instant.now());
	}

	public String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** A bearer token for a demo user (password of the demo world). */
	public String token(String username) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\": \"" + username + "\", \"password\": \"Simpul-Demo-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body()
			.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	/**
	 * SIGKILL: no shutdown hook runs and nothing is stopped gracefully. PostgreSQL's own server lives on as an
	 * orphan unless {@code alsoKillPostgres} (a power loss).
	 */
	public void kill(boolean alsoKillPostgres) throws Exception {
		Path pid = dataDir.resolve("pg/postmaster.pid");
		long postmaster = Files.exists(pid) ? Long.parseLong(Files.readAllLines(pid).getFirst().strip()) : -1;
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
		if (alsoKillPostgres && postmaster > 0) {
			ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
			ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
		}
	}

	private void waitUntilReady() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		// long enough for a one-off migration of a million-person load world (RegistryEncryption)
		Instant deadline = Instant.now().plus(Duration.ofSeconds(600));
		while (Instant.now().isBefore(deadline)) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The application process ended early; see " + log);
			}
			try {
				HttpResponse<String> health = http.send(
						HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness"))).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("The application did not become ready in 600 s; see " + log);
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
