package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.registry.Sex;
import org.simpul.registry.Views;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reads complaints inside the caller's territory; a complaint elsewhere is not found. */
@Service
public class ComplaintQueries {

	public record Subject(UUID personId, String nik, String name, LocalDate birthDate, Sex sex, boolean inRegistry) {
	}

	/** {@code phoneShared}: the reporter agreed that the agency of a referral may have the phone number. */
	public record Reporter(String name, String phone, boolean phoneShared) {
	}

	/** A PPKS category as the complaint's own taxonomy version names it, with the national code it maps to. */
	public record Ppks(String code, String label, String nationalCode) {
	}

	public record ComplaintView(UUID id, String ticketNumber, ComplaintStatus status, Channel channel,
			Category category, String villageCode, String villageName, String description, List<String> ppksCodes,
			List<Ppks> ppks, Subject subject, Reporter reporter, String consentNote, Instant createdAt,
			Instant recordedInFieldAt, List<PublicTracking.Step> steps, int version) {
	}

	private record Row(UUID id, String ticketNumber, ComplaintStatus status, Channel channel, Category category,
			String villageCode, String description, UUID subjectPersonId, String subjectNik, String subjectName,
			LocalDate subjectBirthDate, Sex subjectSex, String reporterName, String reporterPhone,
			boolean reporterPhoneShared, String consentNote, Instant createdAt, Instant recordedInFieldAt, int version) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final IdentifierRules identifiers;

	private final HouseholdQueries households;

	private final Clock clock;

	private final RegistryRestrictions restrictions;

	private final AuditTrail audit;

	private final FieldCipher cipher;

	ComplaintQueries(JdbcClient jdbc, RegionCatalog regions, IdentifierRules identifiers, HouseholdQueries households,
			Clock clock, RegistryRestrictions restrictions,
			AuditTrail audit, FieldCipher cipher) {
		this.cipher = cipher;
		this.audit = audit;
		this.restrictions = restrictions;
		this.clock = clock;
		this.jdbc = jdbc;
		this.regions = regions;
		this.identifiers = identifiers;
		this.households = households;
	}

	/** A line of the work queue. */
	public record QueueItem(UUID id, String ticketNumber, ComplaintStatus status, Category category,
			String villageCode, String villageName, String subjectName, Instant createdAt) {
	}

	private record QueueRow(UUID id, String ticketNumber, ComplaintStatus status, Category category,
			String villageCode, String subjectName, Instant createdAt, UUID subjectPersonId) {
	}

	/**
	 * The work queue: complaints of the caller's territory, optionally of one status, category or village
	 * (inside the territory), or waiting longer than some days; newest first.
	 */
	public PageResponse<QueueItem> queue(CurrentUser user, ComplaintStatus status, Category category,
			String villageCode, Integer olderThanDays, PageRequest page) {
		if (olderThanDays != null && (olderThanDays < 0 || olderThanDays > 3650)) {
			throw new InvalidInputException(FieldProblem.of("olderThanDays", "INVALID_VALUE"));
		}
		Timestamp before = olderThanDays == null ? null
				: Timestamp.from(clock.instant().minus(Duration.ofDays(olderThanDays)));
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		Territory within = user.territory();
		if (villageCode != null && !villageCode.isBlank()) {
			RegionCode region = RegionCode.parse(villageCode.strip())
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("villageCode", "REGION_UNKNOWN")));
			if (!user.covers(region)) {
				throw new NotFoundException("Region");
			}
			within = Territory.of(region.value());
		}
		String where = " from complaint c where in_territory(c.village_code)" + """
				 and (cast(:status as text) is null or c.status = :status)
				 and (cast(:category as text) is null or c.category = :category)
				 and (cast(:before as timestamptz) is null or c.created_at < :before)
				 and not exists (select 1 from person_placement rp where rp.id = c.subject_person_id
				                 and rp.restricted_since is not null)""";
		// the last condition reads the registry's restriction of processing (UU PDP Pasal 41) in the same query:
		// a restricted person's complaints leave the queue (RegistryRestrictions owns the column); through the
		// registry's placement view, which row-level security does not bound: the person may be registered
		// outside the caller's territory (ADR 0008)
		long total = within.sql(jdbc, "select count(*)" + where)
			.param("before", before)
			.param("status", status == null ? null : status.name())
			.param("category", category == null ? null : category.name())
			.query(Long.class)
			.single();
		List<QueueRow> rows = within.sql(jdbc, "select c.id, c.ticket_number, c.status, c.category, c.village_code,"
				+ " c.subject_name, c.created_at, c.subject_person_id" + where
				+ " order by c.created_at desc, c.id limit :limit offset :offset")
			.param("before", before)
			.param("status", status == null ? null : status.name())
			.param("category", category == null ? null : category.name())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(QueueRow.class)
			.list();
		return shown(user, rows, page, total);
	}

	/** Queue rows as the desk sees them; the registry persons among them go on the audit trail (names are shown). */
	private PageResponse<QueueItem> shown(CurrentUser user, List<QueueRow> rows, PageRequest page, long total) {
		Map<String, String> names = regions.names(rows.stream().map(QueueRow::villageCode).toList());
		List<UUID> shown = rows.stream().map(QueueRow::subjectPersonId).filter(Objects::nonNull).toList();
		if (!shown.isEmpty()) {
			audit.record(user, AuditTrail.Action.SEARCH, "COMPLAINT", null, shown);
		}
		return PageResponse.of(rows.stream().map(r -> new QueueItem(r.id(), r.ticketNumber(), r.status(), r.category(),
				r.villageCode(), names.get(r.villageCode()), r.subjectName(), r.createdAt())).toList(), page, total);
	}

	/** The most captured NIKs one search opens to compare (they are stored encrypted, each under its own nonce). */
	static final int MAX_CAPTURED_NIKS = 20_000;

	/**
	 * The queue searched by ticket number, the subject's name or their NIK (the desk's question "what became of
	 * my complaint?"): complaints of the caller's territory, newest first, at most one page. A NIK finds the
	 * registry person's complaints through the registry, and those whose NIK was captured at intake.
	 */
	public PageResponse<QueueItem> search(CurrentUser user, String text, PersonSearch persons,
			PageRequest page) {
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		String typed = text == null ? "" : text.strip();
		if (typed.length() < 3 || typed.length() > 100) {
			throw new InvalidInputException(FieldProblem.of("q", "SEARCH_TOO_SHORT_OR_LONG"));
		}
		String digits = typed.replace(" ", "").replace(".", "");
		List<UUID> ids;
		if (digits.matches("\\d{16}")) {
			List<UUID> registered = persons.search(user, new PersonSearch.Query(digits, null, null, null,
					null, null), new PageRequest(0, 10)).content().stream().map(p -> p.id()).toList();
			record Captured(UUID id, String nik) {
			}
			List<UUID> captured = user.territory().sql(jdbc, "select id, subject_nik as nik from complaint c"
					+ " where subject_nik is not null and in_territory(c.village_code) order by created_at"
					+ " desc limit :max")
				.param("max", MAX_CAPTURED_NIKS)
				.query(Captured.class)
				.list()
				.stream()
				.filter(c -> digits.equals(cipher.decrypt(c.nik())))
				.map(Captured::id)
				.toList();
			ids = user.territory().sql(jdbc, "select id from complaint c where (c.subject_person_id in"
					+ " (:persons) or c.id in (:captured)) and in_territory(c.village_code)")
				.param("persons", registered.isEmpty() ? List.of(new UUID(0, 0)) : registered)
				.param("captured", captured.isEmpty() ? List.of(new UUID(0, 0)) : captured)
				.query(UUID.class)
				.list();
		}
		else {
			String like = "%" + typed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
				.replace("_", "\\_") + "%";
			ids = user.territory().sql(jdbc, "select id from complaint c where (upper(c.ticket_number) like upper(:prefix) or"
					+ " lower(c.subject_name) like :like) and in_territory(c.village_code) order by"
					+ " c.created_at desc limit 200")
				.param("prefix", typed.replace("%", "").replace("_", "") + "%")
				.param("like", like)
				.query(UUID.class)
				.list();
		}
		if (ids.isEmpty()) {
			return PageResponse.of(List.of(), page, 0);
		}
		List<QueueRow> rows = jdbc.sql("select c.id, c.ticket_number, c.status, c.category, c.village_code,"
				+ " c.subject_name, c.created_at, c.subject_person_id from complaint c where c.id in (:ids)"
				+ " and not exists (select 1 from person_placement rp where rp.id = c.subject_person_id"
				+ " and rp.restricted_since is not null) order by c.created_at desc, c.id limit :limit")
			.param("ids", ids)
			.param("limit", page.size())
			.query(QueueRow.class)
			.list();
		return shown(user, rows, page, rows.size());
	}

	/** Whether {@code typedCode} is the tracking code of complaint {@code id} (compared by hash). */
	boolean trackingCodeMatches(UUID id, String typedCode) {
		String code = TrackingCodes.canonical(typedCode);
		return !code.isEmpty() && jdbc.sql("select count(*) from complaint where id = :id and tracking_code_hash = :hash")
			.param("id", id).param("hash", TrackingCodes.hash(code)).query(Long.class).single() > 0;
	}

	/** What another module needs to act on a complaint: where it is and about whom, without reading the registry. */
	public record ComplaintRef(UUID id, String ticketNumber, ComplaintStatus status, String villageCode,
			UUID subjectPersonId) {
	}

	/** Whether the user's role sees complaints at all (the desk, casework, supervision). */
	public static boolean maySee(CurrentUser user) {
		return ComplaintIntake.mayTakeComplaints(user.role());
	}

	/**
	 * The complaint's reference if the user may see it (the same roles and territory as {@link #complaint}), in
	 * one indexed query: for writes of other modules that need no more (a case plan, an assessment, a referral).
	 */
	public Optional<ComplaintRef> reference(CurrentUser user, UUID id) {
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		return user.territory().sql(jdbc, "select id, ticket_number, status, village_code, subject_person_id from complaint"
				+ " where id = :id and in_territory(village_code)")
			.param("id", id)
			.query(ComplaintRef.class)
			.optional()
			.filter(ref -> !restrictions.isRestricted(ref.subjectPersonId()));
	}

	/**
	 * For the data protection officer answering a person's request (UU PDP Pasal 32): every complaint about
	 * the registry person in the officer's territory, oldest first. Nobody else.
	 */
	public List<ComplaintView> aboutPerson(CurrentUser dpo, UUID personId) {
		dpo.requireDataProtectionOfficer();
		return dpo.territory().sql(jdbc, "select id from complaint where subject_person_id = :person and"
				+ " in_territory(village_code) order by created_at, id")
			.param("person", personId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> load(dpo, id, dpo.territory()))
			.flatMap(Optional::stream)
			.toList();
	}

	/** For the data protection officer (a breach drill): a complaint of the officer's territory. Nobody else. */
	public Optional<ComplaintView> forOfficer(CurrentUser dpo, UUID id) {
		dpo.requireDataProtectionOfficer();
		return load(dpo, id, dpo.territory());
	}

	/** A complaint of the user's territory; opening it is on the audit trail (it shows whom it is about). */
	public Optional<ComplaintView> complaint(CurrentUser user, UUID id) {
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		Optional<ComplaintView> found = load(user, id, user.territory());
		found.ifPresent(c -> audit.record(user, AuditTrail.Action.READ, "COMPLAINT", c.id(),
				c.subject().personId() == null ? List.of() : List.of(c.subject().personId())));
		return found;
	}

	/**
	 * The complaint of a referral the caller has already checked this user may see (the receiving agency's
	 * programme manager, wherever the case is): for its letter, shown as the user's role may see it.
	 */
	public Optional<ComplaintView> forReferral(CurrentUser user, UUID id) {
		// the receiving agency (a programme manager reaches a complaint only through a referral sent to it) needs
		// the NIK captured at intake whole, to find the person in its own system
		return load(user, id, Territory.NATIONAL, user.may(Action.REFERRAL_RECEIVE));
	}

	/** The registry's person as this user may see them; none for a role without the registry (a programme manager). */
	private Optional<Views.PersonView> registryPerson(CurrentUser user, UUID personId) {
		try {
			return households.person(user, personId);
		}
		catch (AccessDeniedException notAReader) {
			return Optional.empty();
		}
	}

	/**
	 * The ticket of a complaint of {@code user}'s territory that is not shown because its person's processing
	 * is restricted: the page says so and names the data protection officer, rather than answering as if
	 * there were no such complaint. Nothing else of it.
	 */
	public Optional<String> restrictedTicket(CurrentUser user, UUID id) {
		record Row(String ticketNumber, UUID subjectPersonId) {
		}
		return user.territory().sql(jdbc, "select ticket_number, subject_person_id from complaint where id ="
				+ " :id and in_territory(village_code)")
			.param("id", id)
			.query(Row.class)
			.optional()
			.filter(row -> !user.may(Action.DATA_PROTECTION) && restrictions.isRestricted(row.subjectPersonId()))
			.map(Row::ticketNumber);
	}

	/**
	 * The person a complaint is about as recorded at intake, with the whole NIK, when the registry does not
	 * hold them (none when it does, or when no name was recorded). For the registry update the complaint brings (an usulan to enter them), read by a listener
	 * of the complaint's own event in the transaction that recorded it, within the connection's territory.
	 */
	public Optional<Subject> unregisteredSubject(UUID complaintId) {
		record Row(String subjectNik, String subjectName, LocalDate subjectBirthDate, Sex subjectSex) {
		}
		return jdbc.sql("""
				select subject_nik, subject_name, subject_birth_date, subject_sex from complaint
				where id = :id and subject_person_id is null and subject_name is not null""")
			.param("id", complaintId)
			.query(Row.class)
			.optional()
			.map(row -> new Subject(null, cipher.decrypt(row.subjectNik()), row.subjectName(), row.subjectBirthDate(),
					row.subjectSex(), false));
	}

	private Optional<ComplaintView> load(CurrentUser user, UUID id, Territory territory) {
		return load(user, id, territory, false);
	}

	private Optional<ComplaintView> load(CurrentUser user, UUID id, Territory territory, boolean wholeNik) {
		return territory.sql(jdbc, """
				select id, ticket_number, status, channel, category, village_code, description, subject_person_id,
				       subject_nik, subject_name, subject_birth_date, subject_sex, reporter_name, reporter_phone,
				       reporter_phone_shared, consent_note, created_at, recorded_in_field_at, version
				from complaint where id = :id and in_territory(village_code)""")
			.param("id", id)
			.query(Row.class)
			.optional()
			// a person under a restriction of processing: their complaints are kept, not shown (but to the DPO)
			.filter(row -> user.may(Action.DATA_PROTECTION) || !restrictions.isRestricted(row.subjectPersonId()))
			.map(row -> {
				List<Ppks> ppks = jdbc.sql("""
						select c.code, p.label, p.national_code from complaint_ppks c
						join ppks_category p on p.taxonomy_id = c.taxonomy_id and p.code = c.code
						where c.complaint_id = :id order by p.position, length(c.code), c.code""")
					.param("id", id).query(Ppks.class).list();
				List<PublicTracking.Step> steps = jdbc.sql(
						"select status, at from complaint_step where complaint_id = :id order by at, id")
					.param("id", id).query(PublicTracking.Step.class).list();
				// a registry person is shown as the registry shows them to this user (NIK masked by role); the
				// complaint keeps the name, birth date and sex recorded at intake for when the registry cannot
				Subject subject = Optional.ofNullable(row.subjectPersonId())
					.flatMap(personId -> registryPerson(user, personId))
					.map(p -> new Subject(p.id(), p.nik(), p.name(), p.birthDate(), p.sex(), true))
					.orElseGet(() -> new Subject(row.subjectPersonId(), wholeNik ? cipher.decrypt(row.subjectNik())
							: identifiers.shownTo(user, cipher.decrypt(row.subjectNik())),
							row.subjectName(), row.subjectBirthDate(), row.subjectSex(), row.subjectPersonId() != null));
				return new ComplaintView(row.id(), row.ticketNumber(), row.status(), row.channel(), row.category(),
						row.villageCode(), regions.names(List.of(row.villageCode())).get(row.villageCode()),
						row.description(), ppks.stream().map(Ppks::code).toList(), ppks, subject, new Reporter(row.reporterName(), cipher.decrypt(row.reporterPhone()), row.reporterPhoneShared()),
						row.consentNote(), row.createdAt(), row.recordedInFieldAt(), steps, row.version());
			});
	}
}
