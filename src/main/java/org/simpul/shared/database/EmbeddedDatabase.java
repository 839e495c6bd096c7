package org.simpul.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
 * <p>Only one process at a time may use a data directory: a file lock ({@code simpul.lock}) held for the
 * life of the JVM refuses a second Simpul on the same directory before it touches anything.
 *
 * <p>After a {@code kill -9} of the JVM, the postmaster it started keeps running (pg_ctl daemonises it)
 * and holds the data directory. {@link #acquire(Path)} finds it through {@code postmaster.pid} (checking
 * that it really serves this directory), asks it to shut down and then starts a fresh one; PostgreSQL's
 * own crash recovery keeps every committed row. A directory whose initialisation never finished (no
 * {@code simpul-initialised} marker) held no data yet and is initialised again.
 *
 * <p>The server takes no connection without a password, not even from this machine: its roles' password
 * is generated once into {@code db-password} beside the data (owner-only), and {@code pg_hba.conf} asks
 * every client for it (SCRAM). A directory from a version that trusted local connections is converted at
 * its first start.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

	private static final String MARKER = "simpul-initialised";

	private final Path directory;

	private volatile EmbeddedPostgres postgres;

	/** The server's own process, found through {@code postmaster.pid} after each start. */
	private volatile Optional<ProcessHandle> postmaster;

	private volatile boolean closed;

	private final String password;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private int references;

	private EmbeddedDatabase(Path directory, EmbeddedPostgres postgres, String password, FileChannel lockChannel,
			FileLock lock) {
		this.directory = directory;
		this.password = password;
		this.postgres = postgres;
		this.postmaster = postmasterOf(directory.resolve("pg"));
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	public static synchronized EmbeddedDatabase acquire(Path dataDirectory) {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		EmbeddedDatabase database = RUNNING.get(directory);
		if (database == null) {
			FileChannel channel = null;
			try {
				Files.createDirectories(directory);
				channel = FileChannel.open(directory.resolve("simpul.lock"), StandardOpenOption.CREATE,
						StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock();
				if (lock == null) {
					throw new IllegalStateException("Another Simpul process is using the data directory " + directory
							+ "; stop it first or set SIMPUL_DATA_DIR to another directory");
				}
				String password = password(directory);
				database = new EmbeddedDatabase(directory, start(directory, password, 0), password, channel, lock);
			}
			catch (IOException ex) {
				closeQuietly(channel);
				throw new UncheckedIOException(ex);
			}
			catch (RuntimeException ex) {
				closeQuietly(channel);
				throw ex;
			}
			RUNNING.put(directory, database);
		}
		database.references++;
		return database;
	}

	/** The JDBC URL of the database {@code postgres} for {@code user}, who logs in with {@link #password()}. */
	public String jdbcUrl(String user) {
		return postgres.getJdbcUrl(user, "postgres");
	}

	/** The superuser's password (the tables' owner, for migrations). */
	public String password() {
		return password;
	}

	/**
	 * Lets {@code role} log in with a password of its own ({@code db-password-<role>} beside the data, generated
	 * once), creating the role (a plain login role that owns nothing) when missing, and answers that password:
	 * the application's role, which the migrations would otherwise create without one. Its password is not the
	 * superuser's, so the application's credential opens nothing beyond row-level security.
	 */
	public String allowLogin(String role) {
		if (!role.matches("[a-z_][a-z0-9_]{0,62}") || role.equals("postgres")) {
			throw new IllegalArgumentException("Not an application role: " + role);
		}
		String rolePassword;
		try {
			rolePassword = secret(directory.resolve("db-password-" + role));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("do $role$ begin if not exists (select from pg_roles where rolname = '" + role
					+ "') then create role " + role + " login nosuperuser nocreatedb nocreaterole nobypassrls; end if; end $role$");
			statement.execute("alter role " + role + " password '" + rolePassword + "'");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set up the database role " + role, ex);
		}
		return rolePassword;
	}

	public int port() {
		return postgres.getPort();
	}

	/** Whether the server's process lives (a {@code kill -9}, a crash or the OOM killer ends it). */
	public boolean serverAlive() {
		return postmaster.filter(ProcessHandle::isAlive).filter(process -> !zombie(process.pid())).isPresent();
	}

	/**
	 * A killed process that nobody has reaped yet still "is alive" to {@link ProcessHandle} (the postmaster's
	 * parent is whatever adopted it, which may reap late); on Linux its state says it is gone.
	 */
	private static boolean zombie(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		try {
			String text = Files.readString(stat);
			int end = text.lastIndexOf(')');
			char state = end > 0 && end + 2 < text.length() ? text.charAt(end + 2) : '?';
			return state == 'Z' || state == 'X';
		}
		catch (IOException | RuntimeException ex) {
			return false; // no /proc (macOS, Windows): isAlive alone
		}
	}

	/**
	 * Starts the server again after its process died, on the same port (the pool's URL stays right) and the
	 * same directory, the way a start after a crash does: the stale {@code postmaster.pid} is ignored and
	 * PostgreSQL's crash recovery replays the write-ahead log, so every committed row is there. Answers whether
	 * it started one (not when the server lives or the database is being closed). Fails while the dead
	 * server's last backends still hold its shared memory; the caller tries again.
	 */
	public synchronized boolean restartIfDead() {
		if (closed || serverAlive()) {
			return false;
		}
		int port = postgres.getPort();
		try {
			// releases zonky's lock on the directory; its pg_ctl stop finds no server and says so in the log
			postgres.close();
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Closing the dead server's handle: {}", ex.getClass().getSimpleName());
		}
		postgres = start(directory, password, port);
		postmaster = postmasterOf(directory.resolve("pg"));
		return true;
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
		synchronized (this) {
			closed = true;
		}
		try {
			postgres.close();
			log.info("Embedded PostgreSQL stopped ({})", directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			try {
				lock.release();
			}
			catch (IOException ex) {
				log.warn("Could not release the lock on {}", directory);
			}
			closeQuietly(lockChannel);
		}
	}

	private static void closeQuietly(FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ignored) {
				// the lock goes with the process anyway
			}
		}
	}

	/** The superuser's password: generated once, readable by this process's user alone, never in the repository. */
	private static String password(Path directory) throws IOException {
		return secret(directory.resolve("db-password"));
	}

	private static String secret(Path file) throws IOException {
		if (!Files.exists(file)) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions
					.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			Files.writeString(file, generated + "\n");
		}
		String secret = Files.readString(file).strip();
		if (!secret.matches("[A-Za-z0-9_-]{16,200}")) {
			throw new IllegalStateException(file + " must hold a database password (letters, digits, - and _)");
		}
		return secret;
	}

	/**
	 * Gives the superuser the password and makes the server ask every client for it; a server that trusted
	 * local connections (a data directory of an earlier version, or a fresh initdb) is converted in place.
	 */
	private static void requirePasswords(EmbeddedPostgres postgres, Path pgData, String password) throws IOException {
		Path hba = pgData.resolve("pg_hba.conf");
		String wanted = """
				# Simpul: every client logs in with the password in db-password beside the data (SCRAM)
				local all all scram-sha-256
				host  all all 127.0.0.1/32 scram-sha-256
				host  all all ::1/128 scram-sha-256
				""";
		if (Files.exists(hba) && Files.readString(hba).equals(wanted)) {
			return;
		}
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("alter role postgres password '" + password + "'");
			Files.writeString(hba, wanted);
			statement.execute("select pg_reload_conf()");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set the embedded database's password", ex);
		}
		log.info("Embedded PostgreSQL now asks every client for its password");
	}

	/**
	 * The PostgreSQL archive for this machine: zonky's macOS archive is a universal binary (arm64 and x64 in
	 * one, the two artifacts byte for byte the same), so it serves Apple-silicon Macs too; elsewhere zonky's own
	 * choice. A build without the binaries (production, for an external database) says what to do.
	 */
	static InputStream binaries(String system, String hardware) throws IOException {
		if ("Darwin".equals(system)) {
			InputStream universal = EmbeddedDatabase.class.getResourceAsStream("/postgres-darwin-x86_64.txz");
			if (universal != null) {
				return universal;
			}
		}
		try {
			return io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware);
		}
		catch (IllegalStateException missing) {
			throw new IllegalStateException("This build of Simpul carries no embedded PostgreSQL for " + system + " "
					+ hardware + ": set SPRING_DATASOURCE_URL to an external PostgreSQL, or use the default build"
					+ " (./mvnw spring-boot:run)", missing);
		}
	}

	/** The live server process named by the directory's {@code postmaster.pid}, if any. */
	private static Optional<ProcessHandle> postmasterOf(Path pgData) {
		try (Stream<String> lines = Files.lines(pgData.resolve("postmaster.pid"))) {
			return lines.findFirst()
				.map(String::strip)
				.filter(line -> line.matches("\\d+"))
				.flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)));
		}
		catch (IOException | UncheckedIOException ex) {
			return Optional.empty();
		}
	}

	private static EmbeddedPostgres start(Path directory, String password, int port) {
		try {
			Path pgData = directory.resolve("pg");
			Files.createDirectories(pgData);
			stopOrphanedPostmaster(pgData);
			removeUnfinishedInitdb(directory, pgData);
			long started = System.nanoTime();
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (port > 0) {
				builder.setPort(port);
			}
			EmbeddedPostgres postgres = builder
				.setDataDirectory(pgData.toFile())
				.setCleanDataDirectory(false)
				// zonky turns synchronous_commit off for speed; a committed record must survive a crash.
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "on")
				.setServerConfig("max_connections", "100")
				// a quarterly registry import writes gigabytes of WAL in one transaction: fewer forced
				// checkpoints (and full-page images after each) while it runs; a little more cache for searches
				.setServerConfig("max_wal_size", "4GB")
				.setServerConfig("shared_buffers", "256MB")
				.setPGStartupWait(Duration.ofSeconds(60))
				// Spring stops the server after the connection pool, once requests have finished; zonky's own
				// hook would stop it at the same time as the graceful shutdown begins.
				.setRegisterShutdownHook(false)
				.setPgBinaryResolver(EmbeddedDatabase::binaries)
				// zonky's own readiness check logs in too, once the server asks for a password
				.setConnectConfig("password", password)
				.start();
			requirePasswords(postgres, pgData, password);
			Files.writeString(directory.resolve(MARKER), "PostgreSQL data directory initialised by Simpul\n");
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
				.filter(process -> servesDirectory(process, pgData));
		}
		if (postmaster.isEmpty()) {
			return; // stale pid file: pg_ctl copes with it
		}
		ProcessHandle process = postmaster.get();
		log.warn("Found a running postmaster (pid {}) left by an earlier process; stopping it", process.pid());
		// SIGTERM is PostgreSQL's "smart" shutdown: it checkpoints and exits once its clients are gone.
		process.destroy();
		try {
			process.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			// SIGKILL is safe too: the next start replays the write-ahead log.
			process.destroyForcibly();
		}
	}

	/** Only a postgres whose command line names this data directory is ours to stop. */
	private static boolean servesDirectory(ProcessHandle process, Path pgData) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres")).orElse(false);
		String commandLine = info.arguments().map(args -> String.join(" ", args)).or(info::commandLine).orElse("");
		return postgres && commandLine.contains(pgData.toString());
	}

	/**
	 * Without the marker, which is written after the first successful start, the directory never held data
	 * (initdb died half-way): start it again from empty.
	 */
	private static void removeUnfinishedInitdb(Path directory, Path pgData) throws IOException {
		if (Files.exists(directory.resolve(MARKER))) {
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
