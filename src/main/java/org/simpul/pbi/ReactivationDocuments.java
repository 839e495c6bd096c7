package org.simpul.pbi;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.pbi.Reactivation.Status;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.Documents;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reactivation request's documents (DOMAIN.md §10): the health facility's letter (required to submit), the
 * village's SKTM, the KTP, the KK, others; photos from the phone or PDFs, known by their content, at most 5 MB and
 * ten per request, encrypted at rest, added while the village holds the request (a draft, or one Dinsos returned).
 * The client names each document's id: the same id with the same bytes is the same upload (200), with others 409.
 * Uploads and reads are on the audit trail.
 */
@Service
public class ReactivationDocuments {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_PER_REQUEST = 10;

	static final Set<String> KINDS = Set.of("HEALTH_LETTER", "SKTM", "KTP", "KK", "OTHER");

	/** A document as listed. */
	public record DocumentView(UUID id, String kind, String contentType, int size, Instant uploadedAt) {
	}

	/** A document's content. */
	public record Content(String contentType, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	ReactivationDocuments(JdbcClient jdbc, FieldCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	private record Held(UUID personId, String villageCode, String status) {
	}

	/** The request of the caller's territory (404 otherwise, and for a person under a restriction), locked when {@code lock}. */
	private Held held(CurrentUser actor, UUID requestId, boolean lock) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, "select r.person_id, r.village_code, r.status from pbi_reactivation r where r.id = :id"
				+ " and in_territory(r.village_code)" + ReactivationQueries.restricted(actor) + (lock ? " for update of r" : ""))
			.param("id", requestId)
			.query(Held.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Reactivation"));
	}

	/** Stores one; {@code true} when it was new (201), {@code false} when the same upload had been stored (200). */
	@Transactional
	public boolean upload(CurrentUser actor, UUID requestId, UUID documentId, String kind, byte[] bytes) {
		// the request's row is the lock for its documents: two uploads at once count one after the other
		Held request = held(actor, requestId, true);
		actor.require(Action.PBI_REQUEST);
		String wanted = kind == null ? "" : kind.strip();
		if (!KINDS.contains(wanted)) {
			throw new InvalidInputException(FieldProblem.of("kind", wanted.isEmpty() ? "REQUIRED" : "INVALID_VALUE"));
		}
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
		}
		if (bytes.length > MAX_BYTES) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TOO_LARGE"));
		}
		String type = Documents.sniff(bytes);
		if (type == null) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TYPE"));
		}
		String sha = sha256(bytes);
		record Stored(UUID reactivationId, String sha256) {
		}
		Optional<Stored> earlier = jdbc.sql("select reactivation_id, sha256 from pbi_document where id = :id")
			.param("id", documentId).query(Stored.class).optional();
		if (earlier.isPresent()) {
			if (earlier.get().reactivationId().equals(requestId) && earlier.get().sha256().equals(sha)) {
				return false;
			}
			throw ClientIds.conflict();
		}
		if (!Status.valueOf(request.status()).withTheVillage()) {
			throw new ConflictException(FieldProblem.of("status", "REACTIVATION_NOT_WITH_VILLAGE"));
		}
		long count = jdbc.sql("select count(*) from pbi_document where reactivation_id = :id").param("id", requestId)
			.query(Long.class).single();
		if (count >= MAX_PER_REQUEST) {
			throw new InvalidInputException(FieldProblem.of("file", "TOO_MANY_ATTACHMENTS"));
		}
		try {
			jdbc.sql("""
					insert into pbi_document (id, reactivation_id, village_code, kind, content_type, byte_size, sha256,
					                          content_cipher, uploaded_by, uploaded_at)
					values (:id, :request, :village, :kind, :type, :size, :sha, :content, :by, :at)""")
				.param("id", documentId).param("request", requestId).param("village", request.villageCode())
				.param("kind", wanted).param("type", type).param("size", bytes.length).param("sha", sha)
				.param("content", cipher.encrypt(Base64.getEncoder().encodeToString(bytes)))
				.param("by", actor.id()).param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException taken) {
			// the id names a document this user cannot see (another territory's): taken all the same
			throw ClientIds.conflict();
		}
		audit.record(actor, AuditTrail.Action.CREATE, "PBI_DOCUMENT", documentId, List.of(request.personId()));
		return true;
	}

	/** The documents of a request the user sees (404 otherwise). */
	@Transactional(readOnly = true)
	public List<DocumentView> list(CurrentUser actor, UUID requestId) {
		held(actor, requestId, false);
		return jdbc.sql("""
				select id, kind, content_type, byte_size, uploaded_at from pbi_document where reactivation_id = :id
				order by uploaded_at, id""")
			.param("id", requestId)
			.query((rs, n) -> new DocumentView(rs.getObject("id", UUID.class), rs.getString("kind"),
					rs.getString("content_type"), rs.getInt("byte_size"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/** One document's content (404 for one of another request or outside the territory); on the audit trail. */
	@Transactional
	public Content content(CurrentUser actor, UUID requestId, UUID documentId) {
		Held request = held(actor, requestId, false);
		record Row(String contentType, String contentCipher) {
		}
		Row row = jdbc.sql("select content_type, content_cipher from pbi_document where id = :id and reactivation_id = :request")
			.param("id", documentId).param("request", requestId)
			.query(Row.class).optional().orElseThrow(() -> new NotFoundException("Document"));
		audit.record(actor, AuditTrail.Action.READ, "PBI_DOCUMENT", documentId, List.of(request.personId()));
		return new Content(row.contentType(), Base64.getDecoder().decode(cipher.decrypt(row.contentCipher())));
	}

	/**
	 * What a request still lacks to be submitted: the health facility's letter, and the village's SKTM where the
	 * district asks for it ({@link PbiSettings}).
	 */
	List<FieldProblem> missing(UUID requestId, boolean sktmRequired) {
		List<FieldProblem> missing = new ArrayList<>();
		record Held(long letters, long sktm) {
		}
		Held held = jdbc.sql("""
				select count(*) filter (where kind = 'HEALTH_LETTER') as letters, count(*) filter (where kind = 'SKTM') as sktm
				from pbi_document where reactivation_id = :id""")
			.param("id", requestId).query(Held.class).single();
		if (held.letters() == 0) {
			missing.add(FieldProblem.of("documents.HEALTH_LETTER", "DOCUMENT_REQUIRED"));
		}
		if (sktmRequired && held.sktm() == 0) {
			missing.add(FieldProblem.of("documents.SKTM", "SKTM_REQUIRED"));
		}
		return missing;
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
