package org.simpul.update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The village's deliberations on its data (musdes) and, in their place, signed statements of responsibility
 * (SPTJM): recorded with the usulan they agreed, which move to AGREED in the same transaction. Each may carry
 * its document as a PDF (checked by its content, at most 5 MB, encrypted at rest); without one, the berita
 * acara is the application's own PDF. Kepmensos 73/HUK/2024 wants one at least every three months (the
 * district's calendar says how many).
 */
@Service
public class VillageDeliberations {

	/** The largest document taken: 5 MB. */
	static final int MAX_DOCUMENT = 5 * 1024 * 1024;

	/** At most this many usulan agreed at once. */
	static final int MAX_USULAN = 1_000;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/** A musdes or SPTJM to record; {@code id} is the client's choice, or null. */
	public record NewMusdes(UUID id, String villageCode, String kind, LocalDate heldOn, String place, Integer attendance,
			List<UUID> usulanIds) {
	}

	/** A musdes as its readers see it. */
	public record MusdesView(UUID id, String villageCode, String villageName, UUID cycleId, String kind,
			LocalDate heldOn, String place, Integer attendance, boolean documentUploaded, int agreed,
			Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final Usulans usulans;

	private final UsulanStore store;

	private final UpdateCycles cycles;

	private final RegionCatalog regions;

	private final FieldCipher cipher;

	private final DomainEvents events;

	private final AuditTrail audit;

	private final RegionTime time;

	private final Clock clock;

	VillageDeliberations(JdbcClient jdbc, Usulans usulans, UsulanStore store, UpdateCycles cycles, RegionCatalog regions,
			FieldCipher cipher, DomainEvents events, AuditTrail audit, RegionTime time, Clock clock) {
		this.jdbc = jdbc;
		this.usulans = usulans;
		this.store = store;
		this.cycles = cycles;
		this.regions = regions;
		this.cipher = cipher;
		this.events = events;
		this.audit = audit;
		this.time = time;
		this.clock = clock;
	}

	/**
	 * Records a musdes (date, place, attendance) or an SPTJM, with its document when given, and agrees the
	 * usulan it names: each must be a draft or returned usulan of the village (400 or 409 naming
	 * {@code usulanIds[i]}, and nothing is written).
	 */
	@Transactional
	public MusdesView record(CurrentUser actor, NewMusdes wanted, byte[] document) {
		actor.require(Action.USULAN_AGREE);
		String village = usulans.village(actor, wanted.villageCode());
		List<FieldProblem> problems = new ArrayList<>();
		String kind = wanted.kind() == null ? "" : wanted.kind().strip();
		if (!kind.equals("MUSDES") && !kind.equals("SPTJM")) {
			problems.add(FieldProblem.of("kind", kind.isEmpty() ? "REQUIRED" : "INVALID_VALUE"));
		}
		LocalDate today = time.today(village);
		if (wanted.heldOn() == null) {
			problems.add(FieldProblem.of("heldOn", "REQUIRED"));
		}
		else if (wanted.heldOn().isAfter(today)) {
			problems.add(FieldProblem.of("heldOn", "DATE_IN_FUTURE"));
		}
		else if (wanted.heldOn().isBefore(today.minusYears(1))) {
			problems.add(FieldProblem.of("heldOn", "DATE_TOO_OLD"));
		}
		String place = wanted.place() == null || wanted.place().isBlank() ? null : wanted.place().strip();
		if (kind.equals("MUSDES")) {
			if (place == null) {
				problems.add(FieldProblem.of("place", "REQUIRED"));
			}
			else if (place.length() > 200) {
				problems.add(FieldProblem.of("place", "TEXT_TOO_LONG"));
			}
			if (wanted.attendance() == null) {
				problems.add(FieldProblem.of("attendance", "REQUIRED"));
			}
			else if (wanted.attendance() < 1 || wanted.attendance() > 10_000) {
				problems.add(FieldProblem.of("attendance", "NUMBER_OUT_OF_RANGE"));
			}
		}
		List<UUID> ids = wanted.usulanIds() == null ? List.of() : wanted.usulanIds();
		if (ids.size() > MAX_USULAN) {
			problems.add(FieldProblem.of("usulanIds", "TOO_MANY"));
		}
		if (ids.stream().distinct().count() != ids.size()) {
			problems.add(FieldProblem.of("usulanIds", "DUPLICATE_VALUE"));
		}
		String documentCipher = null;
		String sha256 = null;
		if (document != null) {
			problems.addAll(documentProblems(document));
			if (problems.isEmpty()) {
				documentCipher = cipher.encrypt(Base64.getEncoder().encodeToString(document));
				sha256 = sha256(document);
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = ClientIds.orNew(wanted.id());
		Instant now = clock.instant();
		UpdateCycles.Cycle cycle = cycles.current(village);
		try {
			jdbc.sql("""
					insert into musdes (id, village_code, cycle_id, kind, held_on, place, attendance, document_cipher,
					                    document_sha256, document_size, created_by, created_at)
					values (:id, :village, :cycle, :kind, :heldOn, :place, :attendance, :document, :sha, :size, :by, :now)""")
				.param("id", id)
				.param("village", village)
				.param("cycle", cycle.id())
				.param("kind", kind)
				.param("heldOn", Date.valueOf(wanted.heldOn()))
				.param("place", kind.equals("MUSDES") ? place : null)
				.param("attendance", kind.equals("MUSDES") ? wanted.attendance() : null)
				.param("document", documentCipher)
				.param("sha", sha256)
				.param("size", document == null ? null : document.length)
				.param("by", actor.id())
				.param("now", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ClientIds.taken(ex) ? ClientIds.conflict() : ex;
		}
		String note = (kind.equals("MUSDES") ? "Musdes " : "SPTJM ") + DAY.format(wanted.heldOn());
		for (int i = 0; i < ids.size(); i++) {
			String field = "usulanIds[" + i + "]";
			Usulan usulan = store.lock(ids.get(i)).filter(u -> u.villageCode().equals(village))
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of(field, "USULAN_NOT_IN_VILLAGE")));
			try {
				usulan.agree(actor.id(), now, note);
			}
			catch (ConflictException ex) {
				throw new ConflictException(FieldProblem.of("usulanIds[" + i + "]", "USULAN_NOT_DRAFT"));
			}
			store.save(usulan);
			events.publish(usulan);
			jdbc.sql("insert into musdes_usulan (musdes_id, usulan_id) values (:musdes, :usulan)")
				.param("musdes", id)
				.param("usulan", usulan.id())
				.update();
		}
		return find(actor, id).orElseThrow();
	}

	/** A document is a PDF by its content (it starts with {@code %PDF-}), not empty, at most 5 MB. */
	static List<FieldProblem> documentProblems(byte[] document) {
		if (document.length == 0) {
			return List.of(FieldProblem.of("document", "FILE_EMPTY"));
		}
		if (document.length > MAX_DOCUMENT) {
			return List.of(FieldProblem.of("document", "DOCUMENT_TOO_LARGE"));
		}
		byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
		if (document.length < magic.length) {
			return List.of(FieldProblem.of("document", "FILE_NOT_PDF"));
		}
		for (int i = 0; i < magic.length; i++) {
			if (document[i] != magic[i]) {
				return List.of(FieldProblem.of("document", "FILE_NOT_PDF"));
			}
		}
		return List.of();
	}

	/** The SHA-256 of a document or attachment, as hex. */
	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Attaches (or replaces) a musdes' document: by those who record them, in their territory. */
	@Transactional
	public MusdesView attach(CurrentUser actor, UUID id, byte[] document) {
		MusdesView musdes = find(actor, id).orElseThrow(() -> new NotFoundException("Musdes"));
		actor.require(Action.USULAN_AGREE);
		List<FieldProblem> problems = documentProblems(document);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		jdbc.sql("update musdes set document_cipher = :document, document_sha256 = :sha, document_size = :size where id = :id")
			.param("document", cipher.encrypt(Base64.getEncoder().encodeToString(document)))
			.param("sha", sha256(document))
			.param("size", document.length)
			.param("id", musdes.id())
			.update();
		return find(actor, id).orElseThrow();
	}

	/** The uploaded document of a musdes of the user's territory; opening it is on the audit trail. */
	public Optional<byte[]> uploaded(CurrentUser actor, UUID id) {
		MusdesView musdes = find(actor, id).orElseThrow(() -> new NotFoundException("Musdes"));
		Optional<byte[]> document = jdbc.sql("select document_cipher from musdes where id = :id and document_cipher is not null")
			.param("id", musdes.id())
			.query(String.class)
			.optional()
			.map(stored -> Base64.getDecoder().decode(cipher.decrypt(stored)));
		document.ifPresent(d -> audit.record(actor, AuditTrail.Action.READ, "MUSDES", id, List.of()));
		return document;
	}

	/** What a musdes agreed: the kind and whom each usulan is about, for its berita acara. */
	public record Agreed(UUID usulanId, Usulan.Kind kind, String subjectName) {
	}

	List<Agreed> agreed(UUID musdesId) {
		return jdbc.sql("""
				select u.id, u.kind, u.changes_cipher from musdes_usulan m join usulan u on u.id = m.usulan_id
				where m.musdes_id = :id order by u.created_at, u.id""")
			.param("id", musdesId)
			.query((rs, n) -> new Agreed(rs.getObject("id", UUID.class), Usulan.Kind.valueOf(rs.getString("kind")),
					UsulanChanges.JSON.readTree(cipher.decrypt(rs.getString("changes_cipher"))).path("subjectName")
						.asString("–")))
			.list();
	}

	private static final String SELECT = """
			select m.id, m.village_code, m.cycle_id, m.kind, m.held_on, m.place, m.attendance,
			       m.document_cipher is not null as document_uploaded,
			       (select count(*) from musdes_usulan u where u.musdes_id = m.id) as agreed, m.created_at
			from musdes m""";

	/** One musdes of the user's territory. */
	public Optional<MusdesView> find(CurrentUser actor, UUID id) {
		actor.require(Action.USULAN_READ);
		return actor.territory().sql(jdbc, SELECT + " where m.id = :id and in_territory(m.village_code)")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The latest musdes of a village of the user's territory, newest first (at most 24). */
	public List<MusdesView> ofVillage(CurrentUser actor, String villageCode) {
		actor.require(Action.USULAN_READ);
		String village = usulans.village(actor, villageCode);
		return jdbc.sql(SELECT + " where m.village_code = :village order by m.held_on desc, m.created_at desc limit 24")
			.param("village", village)
			.query((rs, n) -> view(rs))
			.list();
	}

	private MusdesView view(ResultSet rs) throws SQLException {
		String village = rs.getString("village_code");
		return new MusdesView(rs.getObject("id", UUID.class), village,
				regions.names(List.of(village)).getOrDefault(village, village), rs.getObject("cycle_id", UUID.class),
				rs.getString("kind"), rs.getObject("held_on", LocalDate.class), rs.getString("place"),
				(Integer) rs.getObject("attendance"), rs.getBoolean("document_uploaded"), rs.getInt("agreed"),
				rs.getTimestamp("created_at").toInstant());
	}
}
