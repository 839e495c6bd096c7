package org.simpul.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.ClientIds;
import org.simpul.shared.DiskFull;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.StorageFullException;
import org.simpul.shared.database.DatabaseFailures;
import org.simpul.shared.database.DatabaseScope;
import org.simpul.shared.database.WorkScope;
import org.simpul.shared.web.SafeTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Bulk registry imports: an upload is stored on disk and queued; a worker claims queued jobs (and jobs
 * whose worker died, found by a stale heartbeat) with {@code for update skip locked}, so several
 * application instances share the work safely, and runs them with {@link RegistryImportRun}.
 * Imports are for data operators, managers and administrators; a job is visible inside the territory it
 * was uploaded for.
 */
@Service
public class RegistryImports {

	private static final Logger log = LoggerFactory.getLogger(RegistryImports.class);

	static final long MAX_BYTES = 200L * 1024 * 1024;

	/**
	 * A running job's heartbeat is written every {@link #BEAT} by a thread of its own, through every phase
	 * (reading the file and the long SQL steps after it); a job whose heartbeat is older than this lost its
	 * worker (the process or its database died) and is taken over.
	 */
	static final Duration STALE = Duration.ofSeconds(30);

	static final Duration BEAT = Duration.ofSeconds(10);

	/** How often a job is started at most: a file that kills every run is not tried for ever. */
	static final int MAX_ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final RegistryImportRun runner;

	private final Clock clock;

	private final Path directory;

	private final AuditTrail audit;

	private final StoredIdentifiers stored;

	RegistryImports(JdbcClient jdbc, RegistryImportRun runner, Clock clock,
			@Value("${simpul.import-dir:${simpul.data-dir:./data}/imports}") Path directory,
			AuditTrail audit, StoredIdentifiers stored) {
		this.stored = stored;
		this.audit = audit;
		this.jdbc = jdbc;
		this.runner = runner;
		this.clock = clock;
		this.directory = directory.toAbsolutePath();
	}

	/**
	 * A job as its uploader sees it. Of the rows imported, {@code rowsCreated} added persons, {@code rowsChanged}
	 * changed a person's record and {@code rowsUnchanged} matched the registry already; {@code resumed}: a run
	 * was cut off (the process or its database died) and the job was taken up again.
	 */
	public record ImportStatus(UUID id, String status, long rowsRead, long rowsImported, long rowsRejected,
			String fileName, String failure, long rowsCreated, long rowsChanged, long rowsUnchanged, boolean resumed) {
	}

	static boolean mayImport(Role role) {
		return Action.REGISTRY_IMPORT.allows(role);
	}

	/** A new file that only this process's user may read or write (where the file system knows owners). */
	static OutputStream ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.createFile(file, PosixFilePermissions
				.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			return Files.newOutputStream(file, StandardOpenOption.WRITE);
		}
		return Files.newOutputStream(file, StandardOpenOption.CREATE_NEW);
	}

	/** The file's own name without any folder a browser sent; a control character in it is refused. */
	static String baseName(String fileName) {
		if (fileName == null) {
			return "";
		}
		if (fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_NAME_INVALID"));
		}
		return fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
	}

	public ImportStatus submit(CurrentUser user, String fileName, long size, InputStream content) {
		return submit(user, null, fileName, size, content);
	}

	/**
	 * Queues an uploaded file. {@code chosenId} is the client's id for the import, or null: the same id again from
	 * the same user with the same bytes answers the import it made; any other use of it answers 409.
	 */
	public ImportStatus submit(CurrentUser user, UUID chosenId, String fileName, long size, InputStream content) {
		if (!user.may(Action.REGISTRY_IMPORT)) {
			throw new AccessDeniedException("Imports are not for " + user.role());
		}
		String name = baseName(fileName);
		String lower = name.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(".csv") && !lower.endsWith(".txt") && !lower.endsWith(".xlsx")) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_TYPE_UNSUPPORTED"));
		}
		if (size > MAX_BYTES) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_TOO_LARGE"));
		}
		if (chosenId != null) {
			Optional<ImportStatus> repeated = repeated(user, chosenId, content);
			if (repeated.isPresent()) {
				return repeated.get();
			}
		}
		UUID id = ClientIds.orNew(chosenId);
		MessageDigest sha256 = sha256();
		try {
			Files.createDirectories(directory);
			Path target = file(id);
			Path partial = directory.resolve(id + ".part");
			// the upload holds a district's NIKs: readable by this process's user alone, like the temporary files
			try (OutputStream out = ownerOnly(partial)) {
				new DigestInputStream(content, sha256).transferTo(out);
			}
			catch (FileAlreadyExistsException twin) {
				// the same id is being uploaded by another request right now
				throw ClientIds.conflict();
			}
			catch (IOException | RuntimeException ex) {
				Files.deleteIfExists(partial);
				throw ex;
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
			if (Files.size(target) == 0) {
				Files.delete(target);
				throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
			}
			// a workbook is known by its content, whatever its name: a ZIP named .csv is checked as one
			if (lower.endsWith(".xlsx") || XlsxFiles.isXlsx(target)) {
				try {
					XlsxFiles.guard(target);
				}
				catch (IOException | RuntimeException refused) {
					Files.deleteIfExists(target);
					throw refused;
				}
			}
		}
		catch (IOException ex) {
			if (DiskFull.is(ex)) {
				// the half-written upload is gone already (above); the uploader is told what happened
				throw new StorageFullException("file", ex);
			}
			throw new UncheckedIOException(ex);
		}
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, territory, file_name, byte_size, created_at,
				                             content_sha256)
				values (:id, 'QUEUED', :by, :uploaderTerritory, :name, :size, :now, :sha256)""")
			.param("id", id)
			.param("sha256", sha256.digest())
			.param("by", user.id())
			.param("uploaderTerritory", user.territory().value())
			.param("name", name.length() > 200 ? name.substring(0, 200) : name)
			.param("size", size)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		// one record per file: the persons it writes are too many to name here; each household's own history
		// says it came from this import
		audit.record(user, AuditTrail.Action.CREATE, "REGISTRY_IMPORT", id, List.of());
		return status(user, id);
	}

	/**
	 * An import made before under the client's id: the same user and the same bytes answer its status; anything
	 * else is a 409. Nothing is written while the upload is compared.
	 */
	private Optional<ImportStatus> repeated(CurrentUser user, UUID id, InputStream content) {
		record Earlier(UUID uploadedBy, byte[] contentSha256) {
		}
		Optional<Earlier> earlier = jdbc.sql("select uploaded_by, content_sha256 from registry_import where id = :id")
			.param("id", id)
			.query(Earlier.class)
			.optional();
		if (earlier.isEmpty()) {
			return Optional.empty();
		}
		MessageDigest sha256 = sha256();
		try {
			new DigestInputStream(content, sha256).transferTo(OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!earlier.get().uploadedBy().equals(user.id()) || earlier.get().contentSha256() == null
				|| !MessageDigest.isEqual(earlier.get().contentSha256(), sha256.digest())) {
			throw ClientIds.conflict();
		}
		return Optional.of(status(user, id));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public ImportStatus status(CurrentUser user, UUID id) {
		return visible(user, id).orElseThrow(() -> new NotFoundException("Import"));
	}

	/** The rejected rows as CSV: line, reason, and the row as it was read. Cells never start a formula. */
	public void writeRejections(CurrentUser user, UUID id, Writer out) throws IOException {
		status(user, id);
		out.write("line,reason,row\r\n");
		for (var rejection : jdbc.sql("select line, reason, raw from registry_import_rejection where import_id = :id"
				+ " order by line").param("id", id).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2),
						rs.getString(3) }).list()) {
			out.write(cell(rejection[0]) + "," + cell(rejection[1]) + ","
					+ cell(rejection[2] == null ? "" : stored.open(rejection[2]).replace('\u001f', '|')) + "\r\n");
		}
	}

	/** A CSV cell that no spreadsheet will run as a formula (OWASP CSV injection). */
	static String cell(String value) {
		String text = value == null ? "" : value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private Optional<ImportStatus> visible(CurrentUser user, UUID id) {
		if (!user.may(Action.REGISTRY_IMPORT)) {
			throw new AccessDeniedException("Imports are not for " + user.role());
		}
		return user.territory().sql(jdbc, """
				select id, status, rows_read, rows_imported, rows_rejected, file_name, failure, rows_created, rows_changed,
				       rows_unchanged, attempts > 1 as resumed from registry_import
				where id = :id and in_territory(territory)""")
			.param("id", id)
			.query(ImportStatus.class)
			.optional();
	}

	Path file(UUID id) {
		return directory.resolve(id + ".upload");
	}

	/**
	 * Removes what an interrupted upload or run left in the import directory (every file there holds a
	 * district's NIKs in plain text): a half-written upload ({@code .part}) no longer being written, the
	 * temporary files of a run whose job is not running any more ({@code <job id>….rejections}, a workbook's
	 * {@code ….csv}), and an uploaded file whose job is done or gone. At start and every minute; a file
	 * written since the sweep began is never touched (another instance's upload or a run just taken over).
	 */
	@org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationStartedEvent.class)
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "${simpul.import-sweep-every:PT1M}")
	void sweep() {
		if (!Files.isDirectory(directory)) {
			return;
		}
		Instant started = clock.instant();
		Set<String> waiting = new HashSet<>(jdbc
			.sql("select cast(id as text) from registry_import where status in ('QUEUED', 'RUNNING')")
			.query(String.class)
			.list());
		Set<String> running = new HashSet<>(jdbc
			.sql("select cast(id as text) from registry_import where status = 'RUNNING' and heartbeat_at >= :fresh")
			.param("fresh", Timestamp.from(started.minus(STALE)))
			.query(String.class)
			.list());
		int removed = 0;
		try (var files = Files.list(directory)) {
			for (Path path : files.toList()) {
				String name = path.getFileName().toString();
				String job = name.length() >= 36 ? name.substring(0, 36) : "";
				Instant modified = Files.getLastModifiedTime(path).toInstant();
				boolean leftover;
				if (name.endsWith(".part")) {
					leftover = modified.isBefore(started.minus(PART_IDLE));
				}
				else if (name.endsWith(".upload")) {
					leftover = !waiting.contains(job) && modified.isBefore(started.minus(UPLOAD_GRACE));
				}
				else {
					leftover = !running.contains(job) && modified.isBefore(started);
				}
				if (leftover && Files.isRegularFile(path)) {
					Files.deleteIfExists(path);
					removed++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not sweep the import directory: {}", ex.getClass().getSimpleName());
		}
		if (removed > 0) {
			log.info("Removed {} files an interrupted upload or import left in the import directory", removed);
		}
	}

	/** A half-written upload not written to for this long is dead (an upload is copied at disk speed). */
	static final Duration PART_IDLE = Duration.ofMinutes(2);

	/** An uploaded file is written a moment before its job is recorded: younger ones are left alone. */
	static final Duration UPLOAD_GRACE = Duration.ofMinutes(10);

	/** Claims and runs the oldest waiting job, if any. */
	@Scheduled(fixedDelayString = "${simpul.import-poll:1000}")
	void work() {
		Instant now = clock.instant();
		// a job whose runs died this often (the process killed while on it, every time) is given up, not
		// retried forever; its file goes
		jdbc.sql("""
				update registry_import set status = 'FAILED', failure = 'IMPORT_ABANDONED', finished_at = :now
				where status = 'RUNNING' and heartbeat_at < :stale and attempts >= :max
				returning id""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minus(STALE)))
			.param("max", MAX_ATTEMPTS)
			.query(UUID.class)
			.list()
			.forEach(abandoned -> {
				log.warn("Registry import {} given up after {} interrupted runs", abandoned, MAX_ATTEMPTS);
				try {
					Files.deleteIfExists(file(abandoned));
				}
				catch (IOException ex) {
					log.warn("Could not delete the uploaded file of import {}: {}", abandoned, ex.getMessage());
				}
			});
		Optional<RegistryImportRun.Job> job = jdbc.sql("""
				update registry_import set status = 'RUNNING', started_at = :now, heartbeat_at = :now,
				       attempts = attempts + 1
				where id = (select id from registry_import
				            where (status = 'QUEUED' or (status = 'RUNNING' and heartbeat_at < :stale))
				              and attempts < :max
				            order by created_at for update skip locked limit 1)
				returning id, uploaded_by, territory, attempts""")
			.param("now", Timestamp.from(now))
			.param("stale", Timestamp.from(now.minus(STALE)))
			.param("max", MAX_ATTEMPTS)
			.query((rs, n) -> new RegistryImportRun.Job(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), file(rs.getObject(1, UUID.class)), rs.getInt(4)))
			.optional();
		job.ifPresent(this::run);
	}

	void run(RegistryImportRun.Job job) {
		Thread heartbeat = Thread.ofVirtual().name("import-heartbeat-" + job.id()).start(() -> beat(job));
		try {
			// the import's database work is bound to its uploader's territory, as theirs would be (ADR 0008)
			WorkScope.within(
					job.territory() == null ? DatabaseScope.EVERYWHERE : job.territory(),
					() -> {
						runner.run(job);
						return null;
					});
		}
		catch (RegistryImportRun.UnreadableFile ex) {
			fail(job, ex.getMessage());
		}
		catch (RuntimeException ex) {
			if (DatabaseFailures.unavailable(ex)) {
				// the database went away under the run: nothing of it was committed; the job stays RUNNING, its
				// heartbeat stops, and a worker takes it up again once the database is back (resumed)
				log.warn("Registry import {} cut off: the database is unavailable; it will be resumed", job.id());
				return;
			}
			failUnexpectedly(job, ex);
		}
		catch (Error ex) {
			failUnexpectedly(job, ex);
		}
		finally {
			heartbeat.interrupt();
		}
		deleteUpload(job);
	}

	/**
	 * A run that failed for a reason of its own, an Error too (a file that exhausts the memory despite the
	 * bounds): the job ends FAILED, its file goes, and the worker lives on.
	 */
	private void failUnexpectedly(RegistryImportRun.Job job, Throwable ex) {
		log.error("Registry import {} failed\n{}", job.id(), SafeTraces.of(ex));
		fail(job, ex instanceof OutOfMemoryError ? "FILE_TOO_COMPLEX"
				: DiskFull.is(ex) ? "DISK_FULL" : "IMPORT_FAILED");
	}

	/** The uploaded file of a job done or failed for good, unless another worker's run of it has begun since. */
	private void deleteUpload(RegistryImportRun.Job job) {
		try {
			if (jdbc.sql("select count(*) from registry_import where id = :id and attempts > :attempt")
				.param("id", job.id()).param("attempt", job.attempt()).query(Long.class).single() > 0) {
				return;
			}
		}
		catch (RuntimeException unknown) {
			return; // the database cannot say: the sweep removes the file once its job is done
		}
		// done or failed for good: the uploaded file (every NIK of it in plain text) is not kept; what a process
		// that dies before this line leaves is removed by the sweep
		try {
			Files.deleteIfExists(job.file());
		}
		catch (IOException ex) {
			log.warn("Could not delete the uploaded file of import {}: {}", job.id(), ex.getMessage());
		}
	}

	/**
	 * Tells the other workers that this job's worker lives, every {@link #BEAT}, until interrupted or until
	 * another worker has taken the job over.
	 */
	private void beat(RegistryImportRun.Job job) {
		UUID id = job.id();
		try {
			while (true) {
				Thread.sleep(BEAT);
				try {
					int beaten = jdbc.sql("""
							update registry_import set heartbeat_at = :now
							where id = :id and status = 'RUNNING' and attempts = :attempt""")
						.param("now", Timestamp.from(clock.instant()))
						.param("id", id)
						.param("attempt", job.attempt())
						.update();
					if (beaten == 0) {
						return; // done, or another worker's now
					}
				}
				catch (RuntimeException ex) {
					// the database is away: the run itself fails on it too; the next beat tries again
					log.debug("Heartbeat of import {} not written: {}", id, ex.getClass().getSimpleName());
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void fail(RegistryImportRun.Job job, String reason) {
		jdbc.sql("""
				update registry_import set status = 'FAILED', failure = :reason, finished_at = :now, heartbeat_at = :now
				where id = :id and attempts <= :attempt""")
			.param("attempt", job.attempt())
			.param("reason", reason)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", job.id())
			.update();
	}

}
