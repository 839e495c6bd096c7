package org.simpul.fieldsync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.StorageFullException;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Photos from the field app, uploaded in chunks that resume where a lost connection left them: each chunk
 * arrives at the offset the server has reached (an earlier or later offset is answered with that offset, for
 * the phone to go on from there), is encrypted at rest ({@link FieldCipher}) into the photo directory, and the
 * whole photo is checked against the SHA-256 the phone announced before it counts as received. A photo
 * belongs to a record of a kind that takes photos, and is seen only by those who may see that record. Only
 * JPEG (what the phone's resizing makes), at most {@value #MAX_SIZE} bytes.
 */
@Service
public class FieldPhotos {

	static final long MAX_SIZE = 8L << 20;

	static final int MAX_CHUNK = 512 << 10;

	/** Photos one record may have: the phone takes at most ten. */
	static final int MAX_PER_RECORD = 10;

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** A photo of a record, as a page links it ({@code /lapangan/foto/{id}}). */
	public record Photo(UUID id, UUID recordId) {
	}

	/**
	 * How far an upload has come; {@code restarted}: what arrived did not match the photo's SHA-256 and was
	 * dropped, the phone sends it again from the start.
	 */
	public record Progress(UUID id, long received, long size, boolean complete, boolean restarted) {
	}

	private record Row(UUID id, UUID recordId, String kind, String villageCode, UUID takenBy, long size, String sha256,
			long received, Timestamp completedAt) {
	}

	private final JdbcClient jdbc;

	private final FieldSync sync;

	private final FieldCipher cipher;

	private final Clock clock;

	private final Path directory;

	private final AuditTrail audit;

	FieldPhotos(JdbcClient jdbc, FieldSync sync, FieldCipher cipher, Clock clock, AuditTrail audit,
			@Value("${simpul.photo-dir:${simpul.data-dir:./data}/photos}") Path directory) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.sync = sync;
		this.cipher = cipher;
		this.clock = clock;
		this.directory = directory.toAbsolutePath().normalize();
	}

	/** One chunk of a photo of {@code recordId} (a record of {@code kind}), at {@code offset}. */
	@Transactional
	public Progress upload(CurrentUser user, UUID id, String kind, UUID recordId, long size, String sha256, long offset,
			byte[] chunk) {
		Row row = find(id).orElse(null);
		if (row == null) {
			String village = sync.kind(kind)
				.flatMap(k -> recordId == null ? Optional.empty() : k.photoVillage(user, recordId, true))
				.orElseThrow(() -> new NotFoundException("Record"));
			long kept = jdbc.sql("select count(*) from field_photo where record_id = :record")
				.param("record", recordId).query(Long.class).single();
			if (kept >= MAX_PER_RECORD) {
				throw new InvalidInputException(FieldProblem.of("recordId", "TOO_MANY_PHOTOS"));
			}
			if (size <= 0 || size > MAX_SIZE) {
				throw new InvalidInputException(FieldProblem.of("size", "PHOTO_TOO_LARGE"));
			}
			if (sha256 == null || !SHA256.matcher(sha256).matches()) {
				throw new InvalidInputException(FieldProblem.of("sha256", "INVALID_VALUE"));
			}
			jdbc.sql("""
					insert into field_photo (id, record_id, kind, village_code, taken_by, size, sha256, received, created_at)
					values (:id, :record, :kind, :village, :by, :size, :sha256, 0, :now) on conflict (id) do nothing""")
				.param("id", id).param("record", recordId).param("kind", kind).param("village", village)
				.param("by", user.id()).param("size", size).param("sha256", sha256)
				.param("now", Timestamp.from(clock.instant()))
				.update();
			row = find(id).orElseThrow();
		}
		// a photo is the one user's who took it: anyone else is told nothing of it
		if (!row.takenBy().equals(user.id()) || !row.recordId().equals(recordId)) {
			throw new NotFoundException("Photo");
		}
		if (row.completedAt() != null || offset != row.received()) {
			return progress(row);
		}
		if (chunk.length == 0 || chunk.length > MAX_CHUNK || row.received() + chunk.length > row.size()) {
			throw new InvalidInputException(FieldProblem.of("chunk", "INVALID_VALUE"));
		}
		if (offset == 0 && !jpeg(chunk)) {
			throw new InvalidInputException(FieldProblem.of("chunk", "PHOTO_NOT_JPEG"));
		}
		write(id, offset, chunk);
		long received = row.received() + chunk.length;
		boolean complete = received == row.size();
		if (complete && !sha256(id).equals(row.sha256())) {
			// what arrived is not what the phone took: it starts again from nothing (a phone whose copy is itself
			// damaged gives up after a few tries)
			delete(id);
			jdbc.sql("update field_photo set received = 0 where id = :id").param("id", id).update();
			return new Progress(id, 0, row.size(), false, true);
		}
		jdbc.sql("update field_photo set received = :received, completed_at = :done where id = :id")
			.param("received", received)
			.param("done", complete ? Timestamp.from(clock.instant()) : null)
			.param("id", id)
			.update();
		return new Progress(id, received, row.size(), complete, false);
	}

	/** The photo's bytes, for a user who may see its record; the view is on the audit trail. */
	@Transactional
	public byte[] read(CurrentUser user, UUID id) {
		Row row = find(id).filter(r -> r.completedAt() != null)
			.filter(r -> sync.kind(r.kind()).flatMap(k -> k.photoVillage(user, r.recordId(), false)).isPresent())
			.orElseThrow(() -> new NotFoundException("Photo"));
		audit.record(user, AuditTrail.Action.READ, "PHOTO", id, List.of());
		ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) row.size());
		for (Path chunk : chunks(id)) {
			bytes.writeBytes(decrypt(chunk));
		}
		return bytes.toByteArray();
	}

	/** The complete photos of these records, by record, oldest first. */
	public Map<UUID, List<Photo>> of(List<UUID> recordIds) {
		if (recordIds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("""
				select id, record_id from field_photo where record_id in (:ids) and completed_at is not null
				order by completed_at, id""")
			.param("ids", recordIds)
			.query(Photo.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Photo::recordId));
	}

	private Optional<Row> find(UUID id) {
		return jdbc.sql("""
				select id, record_id, kind, village_code, taken_by, size, sha256, received, completed_at
				from field_photo where id = :id for update""")
			.param("id", id)
			.query(Row.class)
			.optional();
	}

	private static Progress progress(Row row) {
		return new Progress(row.id(), row.received(), row.size(), row.completedAt() != null, false);
	}

	private static boolean jpeg(byte[] chunk) {
		return chunk.length >= 3 && (chunk[0] & 0xff) == 0xff && (chunk[1] & 0xff) == 0xd8 && (chunk[2] & 0xff) == 0xff;
	}

	private Path folder(UUID id) {
		return directory.resolve(id.toString());
	}

	private void write(UUID id, long offset, byte[] chunk) {
		try {
			Path folder = Files.createDirectories(folder(id));
			Path part = folder.resolve(offset + ".tmp");
			Files.writeString(part, cipher.encrypt(Base64.getEncoder().encodeToString(chunk)), StandardCharsets.UTF_8);
			Files.move(part, folder.resolve(Long.toString(offset)), StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			if (ex.getMessage() != null && ex.getMessage().contains("No space left")) {
				throw new StorageFullException("chunk", ex);
			}
			throw new UncheckedIOException(ex);
		}
	}

	/** The stored chunks in order of their offsets (a chunk of an abandoned attempt beyond them is ignored). */
	private List<Path> chunks(UUID id) {
		if (!Files.isDirectory(folder(id))) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(folder(id))) {
			return files.filter(f -> f.getFileName().toString().matches("\\d+"))
				.sorted(Comparator.comparingLong(f -> Long.parseLong(f.getFileName().toString())))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] decrypt(Path chunk) {
		try {
			return Base64.getDecoder().decode(cipher.decrypt(Files.readString(chunk, StandardCharsets.UTF_8)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String sha256(UUID id) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Path chunk : chunks(id)) {
				digest.update(decrypt(chunk));
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void delete(UUID id) {
		for (Path chunk : chunks(id)) {
			try {
				Files.deleteIfExists(chunk);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
