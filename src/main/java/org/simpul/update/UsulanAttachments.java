package org.simpul.update;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.Documents;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.update.UsulanQueries.UsulanView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An usulan's evidence (DOMAIN.md §9: house photos front and inside, the KK, documents), uploaded by whoever may
 * propose in its village while the village still holds it (draft, agreed, returned), under an id the client
 * chooses: the same upload again answers the first, another content under a taken id 409. Each is known by its
 * content, not its name (JPEG, PNG or PDF; photos JPEG or PNG), at most {@value #MAX_BYTES} bytes, ten per usulan,
 * encrypted at rest; reading one is on the audit trail. Seen by those who see the usulan.
 */
@Service
public class UsulanAttachments {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_PER_USULAN = 10;

	static final Set<String> KINDS = Set.of("PHOTO_FRONT", "PHOTO_INSIDE", "KK", "DOCUMENT");

	/** An attachment as lists show it (its content fetched on its own). */
	public record AttachmentView(UUID id, String kind, String contentType, int size, Instant uploadedAt) {
	}

	/** An attachment's content. */
	public record Content(String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final UsulanQueries queries;

	private final AuditTrail audit;

	private final Clock clock;

	UsulanAttachments(JdbcClient jdbc, FieldCipher cipher, UsulanQueries queries, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.queries = queries;
		this.audit = audit;
		this.clock = clock;
	}

	/** The type {@code bytes} are, by their first bytes; null for anything else. */
	static String sniff(byte[] bytes) {
		return Documents.sniff(bytes);
	}

	/**
	 * Stores one; {@code true} when it was new (201), {@code false} when the same upload had been stored (200).
	 */
	@Transactional
	public boolean upload(CurrentUser actor, UUID usulanId, UUID attachmentId, String kind, byte[] bytes) {
		UsulanView usulan = queries.usulan(actor, usulanId).orElseThrow(() -> new NotFoundException("Usulan"));
		if (!actor.may(Action.USULAN_PROPOSE)) {
			throw new AccessDeniedException("Attachments are the village's to add");
		}
		// the usulan's row is the lock for its attachments: two uploads at once count as one after the other
		String status = jdbc.sql("select status from usulan where id = :id for update").param("id", usulanId)
			.query(String.class).single();
		String wanted = kind == null ? "" : kind.strip();
		if (!KINDS.contains(wanted)) {
			throw new InvalidInputException(FieldProblem.of("kind", kind == null || kind.isBlank() ? "REQUIRED" : "INVALID_VALUE"));
		}
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TOO_LARGE"));
		}
		String type = sniff(bytes);
		if (type == null || wanted.startsWith("PHOTO") && type.equals("application/pdf")) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TYPE"));
		}
		String sha = VillageDeliberations.sha256(bytes);
		record Stored(UUID usulanId, String sha256) {
		}
		Optional<Stored> earlier = jdbc.sql("select usulan_id, sha256 from usulan_attachment where id = :id")
			.param("id", attachmentId).query(Stored.class).optional();
		if (earlier.isPresent()) {
			if (earlier.get().usulanId().equals(usulanId) && earlier.get().sha256().equals(sha)) {
				return false;
			}
			throw ClientIds.conflict();
		}
		if (!Usulan.Status.valueOf(status).editable()) {
			throw new ConflictException(FieldProblem.of("status", "USULAN_NOT_EDITABLE"));
		}
		long count = jdbc.sql("select count(*) from usulan_attachment where usulan_id = :id").param("id", usulanId)
			.query(Long.class).single();
		if (count >= MAX_PER_USULAN) {
			throw new InvalidInputException(FieldProblem.of("file", "TOO_MANY_ATTACHMENTS"));
		}
		try {
			jdbc.sql("""
					insert into usulan_attachment (id, usulan_id, village_code, kind, content_type, byte_size, sha256,
					                               content_cipher, uploaded_by, uploaded_at)
					values (:id, :usulan, :village, :kind, :type, :size, :sha, :content, :by, :at)""")
				.param("id", attachmentId).param("usulan", usulanId).param("village", usulan.villageCode())
				.param("kind", wanted).param("type", type).param("size", bytes.length).param("sha", sha)
				.param("content", cipher.encrypt(Base64.getEncoder().encodeToString(bytes)))
				.param("by", actor.id()).param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException taken) {
			// the id names an attachment this user cannot see (another territory's): taken all the same
			throw ClientIds.conflict();
		}
		audit.record(actor, AuditTrail.Action.CREATE, "USULAN_ATTACHMENT", attachmentId, subjects(usulan));
		return true;
	}

	/** The attachments of an usulan the user sees (404 otherwise); reading the usulan is on the trail. */
	@Transactional
	public List<AttachmentView> list(CurrentUser actor, UUID usulanId) {
		queries.usulan(actor, usulanId).orElseThrow(() -> new NotFoundException("Usulan"));
		return jdbc.sql("""
				select id, kind, content_type, byte_size, uploaded_at from usulan_attachment where usulan_id = :id
				order by uploaded_at, id""")
			.param("id", usulanId)
			.query((rs, n) -> new AttachmentView(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("content_type"), rs.getInt("byte_size"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/** One attachment's content (404 for one of another usulan or outside the user's territory); on the trail. */
	@Transactional
	public Content content(CurrentUser actor, UUID usulanId, UUID attachmentId) {
		UsulanView usulan = queries.usulan(actor, usulanId).orElseThrow(() -> new NotFoundException("Usulan"));
		record Row(String contentType, String contentCipher) {
		}
		Row row = jdbc.sql("select content_type, content_cipher from usulan_attachment where id = :id and usulan_id = :usulan")
			.param("id", attachmentId).param("usulan", usulanId)
			.query(Row.class).optional().orElseThrow(() -> new NotFoundException("Attachment"));
		audit.record(actor, AuditTrail.Action.READ, "USULAN_ATTACHMENT", attachmentId, subjects(usulan));
		return new Content(row.contentType(), Base64.getDecoder().decode(cipher.decrypt(row.contentCipher())));
	}

	private static List<UUID> subjects(UsulanView usulan) {
		return usulan.personId() == null ? List.of() : List.of(usulan.personId());
	}
}
