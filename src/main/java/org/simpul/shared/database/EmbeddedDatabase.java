package org.simpul.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server whose data lives in a directory of our choosing and survives restarts.
 *
 * <p>One server per data directory per JVM, shared by reference count: the test framework caches several
 * application contexts that all point at the same directory, and each must not start a second server on
 * it. The last {@link #close()} stops the server.
 *
 * <p>After a {@code kill -9} of the JVM, the postmaster it started keeps running (pg_ctl daemonises it)
 * and holds the data directory. {@link #acquire(Path)} finds it through {@code postmaster.pid}, asks it to
 * shut down and then starts a fresh one; PostgreSQL's own crash recovery keeps every committed row.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

	private final Path directory;

	private final EmbeddedPostgres postgres;

	private int references;

	private EmbeddedDatabase(Path directory, EmbeddedPostgres postgres) {
		this.directory = directory;
		this.postgres = postgres;
	}

	public static synchronized EmbeddedDatabase acquire(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		EmbeddedDatabase database = RUNNING.get(directory);
		if (database == null) {
			database = new EmbeddedDatabase(directory, start(directory));
			RUNNING.put(directory, database);
		}
		database.references++;
		return database;
	}

	public String jdbcUrl() {
		return postgres.getJdbcUrl("postgres", "postgres");
	}

	public int port() {
		return postgres.getPort();
	}

	public Path directory() {
		return directory;
	}

	@Override
	public void close() {
		synchronized (EmbeddedDatabase.class) {
			if (--references > 0) {
				return;
			}
			RUNNING.remove(directory);
		}
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped ({})", directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static EmbeddedPostgres start(Path directory) {
		try {
			Path pgData = directory.resolve("pg");
			Files.createDirectories(pgData);
			stopOrphanedPostmaster(pgData);
			removeUnfinishedInitdb(pgData);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(pgData.toFile())
				.setCleanDataDirectory(false)
				// zonky turns synchronous_commit off for speed; a committed record must survive a crash.
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("max_connections", "100")
				.setPGStartupWait(Duration.ofSeconds(60))
				.start();
			log.info("Embedded PostgreSQL ready on port {} in {} ms ({})", postgres.getPort(),
					(System.nanoTime() - started) / 1_000_000, pgData);
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, ex);
		}
	}

	/** A postmaster left behind by a killed JVM still owns the directory: shut it down first. */
	private static void stopOrphanedPostmaster(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> postmaster;
		try (Stream<String> lines = Files.lines(pidFile)) {
			postmaster = lines.findFirst()
				.map(String::strip)
				.filter(line -> line.matches("\\d+"))
				.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
				.filter(ProcessHandle::isAlive)
				.filter(process -> process.info().command().map(c -> c.contains("postgres")).orElse(false));
		}
		if (postmaster.isEmpty()) {
			return; // stale pid file: pg_ctl copes with it
		}
		ProcessHandle process = postmaster.get();
		log.warn("Found a running postmaster (pid {}) left by an earlier process; stopping it", process.pid());
		// SIGTERM is PostgreSQL's "smart" shutdown: it checkpoints and exits once its clients are gone.
		process.destroy();
		try {
			process.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// SIGKILL is safe too: the next start replays the write-ahead log.
			process.destroyForcibly();
		}
	}

	/** A directory without postgresql.conf was never a database (initdb died half-way): start it again. */
	private static void removeUnfinishedInitdb(Path pgData) throws IOException {
		if (Files.exists(pgData.resolve("postgresql.conf")) || Files.exists(pgData.resolve("PG_VERSION"))) {
			return;
		}
		try (Stream<Path> entries = Files.list(pgData)) {
			if (entries.findAny().isEmpty()) {
				return;
			}
		}
		log.warn("Removing an unfinished database initialisation in {}", pgData);
		try (Stream<Path> walk = Files.walk(pgData)) {
			walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(pgData)).forEach(p -> {
				try {
					Files.delete(p);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}
}
