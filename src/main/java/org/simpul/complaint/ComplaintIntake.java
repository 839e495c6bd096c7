package org.simpul.complaint;

import static org.simpul.shared.Texts.blankToNull;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.IdentifierProblem;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.registry.Sex;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.shared.ClientIds;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.shared.events.ComplaintEvent;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a complaint at the desk or in the field: checks everything first (and reports every problem at
 * once), then writes the complaint, its PPKS codes and its first step in one transaction, with a ticket
 * number from the village's counter for the year and a fresh tracking code, whose hash alone is kept.
 */
@Service
public class ComplaintIntake {

	static final int MAX_DESCRIPTION = 4000;

	private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{8,15}");

	/** Tickets and their years follow the calendar of western Indonesia, where the demo districts lie. */
	private static final ZoneId WIB = RegionTime.WIB;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final PpksTaxonomies taxonomies;

	private final IdentifierRules identifiers;

	private final PersonSearch persons;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final AuditTrail audit;

	/** The reporter's phone number is stored encrypted (AES-GCM, like every identifier at rest). */
	private final FieldCipher cipher;

	private final RegistryRestrictions restrictions;

	ComplaintIntake(JdbcClient jdbc, Clock clock, PpksTaxonomies taxonomies, IdentifierRules identifiers,
			PersonSearch persons, org.springframework.context.ApplicationEventPublisher events,
			AuditTrail audit, FieldCipher cipher,
			RegistryRestrictions restrictions) {
		this.restrictions = restrictions;
		this.cipher = cipher;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.taxonomies = taxonomies;
		this.identifiers = identifiers;
		this.persons = persons;
	}

	/** The subject when not picked from the registry: captured on the spot. */
	public record Subject(String nik, String name, LocalDate birthDate, Sex sex) {
	}

	/**
	 * Who reported, if not the person: {@code shareWithAgency} records their consent that the phone number be
	 * given to the agency a referral goes to (absent: no).
	 */
	public record Reporter(String name, String phone, Boolean shareWithAgency) {

		public Reporter(String name, String phone) {
			this(name, phone, null);
		}

		boolean phoneShared() {
			return Boolean.TRUE.equals(shareWithAgency) && phone != null && !phone.isBlank();
		}
	}

	/** A complaint to record; {@code id} is the client's choice, or null for a new one. */
	public record NewComplaint(UUID id, Channel channel, Category category, String villageCode, String description,
			List<String> ppksCodes, UUID subjectPersonId, Subject subject, Reporter reporter, String consentNote) {
	}

	/** The answer of a registration: the tracking code appears here and nowhere else, ever. */
	public record Registered(UUID id, String ticketNumber, String trackingCode, ComplaintStatus status) {
	}

	@Transactional
	public Registered register(CurrentUser actor, NewComplaint complaint) {
		return register(actor, complaint, null);
	}

	/**
	 * Records a complaint; {@code recordedInField} is when a phone recorded it without signal (null at the desk),
	 * kept beside the time it reached the server.
	 */
	@Transactional
	public Registered register(CurrentUser actor, NewComplaint complaint, Instant recordedInField) {
		if (!actor.may(Action.COMPLAINT_INTAKE)) {
			throw new AccessDeniedException("Complaint intake is not for " + actor.role());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Content content = check(actor, new Edit(complaint.channel(), complaint.category(), complaint.villageCode(),
				complaint.description(), complaint.ppksCodes(), complaint.reporter(), complaint.consentNote()),
				taxonomies::activeFor, problems);
		PersonSummary linked = subject(actor, complaint, problems);
		UUID subjectId = linked == null ? null : linked.id();
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		RegionCode village = content.village();
		PpksTaxonomies.Taxonomy taxonomy = content.taxonomy();
		Set<String> codes = content.codes();
		String description = content.description();
		String consent = content.consent();
		Reporter reporter = complaint.reporter();

		// a registry person's name, birth date and sex as recorded today: the queue lists it, and the complaint
		// still says whom it was about if the registry later merges or moves the person
		Subject subject = linked == null ? complaint.subject()
				: new Subject(null, linked.name(), linked.birthDate(), linked.sex());
		UUID id = ClientIds.orNew(complaint.id());
		Instant now = clock.instant();
		String ticket = ticketNumber(village, now);
		String trackingCode = TrackingCodes.generate();
		jdbc.sql("""
				insert into complaint (id, version, ticket_number, tracking_code_hash, status, channel, category,
				                       village_code, description, ppks_taxonomy_id, subject_person_id, subject_nik,
				                       subject_name, subject_birth_date, subject_sex, reporter_name, reporter_phone, reporter_phone_shared,
				                       consent_note, created_by, created_at, updated_at, recorded_in_field_at)
				values (:id, 0, :ticket, :hash, 'RECEIVED', :channel, :category, :village, :description, :taxonomy,
				        :subjectId, :nik, :name, :birthDate, :sex, :reporterName, :reporterPhone, :phoneShared, :consent, :by, :now,
				        :now, :recordedInField)""")
			.param("id", id)
			.param("ticket", ticket)
			.param("hash", TrackingCodes.hash(trackingCode))
			.param("channel", complaint.channel().name())
			.param("category", complaint.category().name())
			.param("village", village.value())
			.param("description", description)
			.param("taxonomy", taxonomy.id())
			.param("subjectId", subjectId)
			.param("nik", blankToNull(subject.nik()) == null ? null : cipher.encrypt(digits(subject.nik())))
			.param("name", subject.name().strip())
			.param("birthDate", subject.birthDate() == null ? null : Date.valueOf(subject.birthDate()))
			.param("sex", subject.sex() == null ? null : subject.sex().name())
			.param("reporterName", reporter == null ? null : blankToNull(reporter.name()))
			.param("reporterPhone", reporter == null || blankToNull(reporter.phone()) == null ? null
					: cipher.encrypt(reporter.phone().replace(" ", "").replace("-", "")))
			.param("phoneShared", reporter != null && reporter.phoneShared())
			.param("consent", consent)
			.param("by", actor.id())
			.param("now", Timestamp.from(now))
			.param("recordedInField", recordedInField == null ? null : Timestamp.from(recordedInField))
			.update();
		for (String code : codes) {
			jdbc.sql("insert into complaint_ppks (complaint_id, taxonomy_id, code) values (:id, :taxonomy, :code)")
				.param("id", id).param("taxonomy", taxonomy.id()).param("code", code).update();
		}
		jdbc.sql("insert into complaint_step (complaint_id, status, at, by_user) values (:id, 'RECEIVED', :now, :by)")
			.param("id", id).param("now", Timestamp.from(now)).param("by", actor.id()).update();
		events.publishEvent(new ComplaintEvent.ComplaintReceived(id, ticket, village.value(),
				subjectId, actor.id(), now));
		events.publishEvent(new ComplaintStatusChanged(UUID.randomUUID(), id, ticket, ComplaintStatus.RECEIVED, now));
		audit.record(actor, AuditTrail.Action.CREATE, "COMPLAINT", id,
				subjectId == null ? List.of() : List.of(subjectId));
		return new Registered(id, ticket, trackingCode, ComplaintStatus.RECEIVED);
	}

	/** What the desk may change on a recorded complaint: not its status, ticket or subject. */
	public record Edit(Channel channel, Category category, String villageCode, String description,
			List<String> ppksCodes, Reporter reporter, String consentNote) {
	}

	private record Content(RegionCode village, PpksTaxonomies.Taxonomy taxonomy, Set<String> codes, String description,
			String consent) {
	}

	/**
	 * The checks intake and edit share; problems are added, a village outside the territory is a 404. PPKS
	 * codes are checked against {@code taxonomyFor} the village.
	 */
	private Content check(CurrentUser actor, Edit edit,
			Function<RegionCode, PpksTaxonomies.Taxonomy> taxonomyFor, List<FieldProblem> problems) {
		if (edit.channel() == null) {
			problems.add(FieldProblem.of("channel", "REQUIRED"));
		}
		if (edit.category() == null) {
			problems.add(FieldProblem.of("category", "REQUIRED"));
		}
		RegionCode village = village(actor, edit.villageCode(), problems);
		String description = edit.description() == null ? "" : edit.description().strip();
		if (description.isEmpty()) {
			problems.add(FieldProblem.of("description", "REQUIRED"));
		}
		else if (description.length() > MAX_DESCRIPTION) {
			problems.add(FieldProblem.of("description", "DESCRIPTION_TOO_LONG"));
		}
		PpksTaxonomies.Taxonomy taxonomy = village == null ? null : taxonomyFor.apply(village);
		Set<String> codes = new LinkedHashSet<>(edit.ppksCodes() == null ? List.of() : edit.ppksCodes());
		boolean sensitive = false;
		int index = 0;
		for (String code : codes) {
			if (taxonomy != null) {
				Optional<Boolean> isSensitive = taxonomy.sensitive(code);
				if (isSensitive.isEmpty()) {
					problems.add(FieldProblem.of("ppksCodes[" + index + "]", "PPKS_UNKNOWN"));
				}
				else {
					sensitive |= isSensitive.get();
				}
			}
			index++;
		}
		String consent = blankToNull(edit.consentNote());
		if (sensitive && consent == null) {
			problems.add(FieldProblem.of("consentNote", "CONSENT_NOTE_REQUIRED"));
		}
		if (consent != null && consent.length() > 1000) {
			problems.add(FieldProblem.of("consentNote", "TEXT_TOO_LONG"));
		}
		Reporter reporter = edit.reporter();
		if (reporter != null && reporter.phone() != null && !reporter.phone().isBlank()
				&& !PHONE.matcher(reporter.phone().replace(" ", "").replace("-", "")).matches()) {
			problems.add(FieldProblem.of("reporter.phone", "PHONE_INVALID"));
		}
		if (reporter != null && reporter.name() != null && reporter.name().length() > 200) {
			problems.add(FieldProblem.of("reporter.name", "TEXT_TOO_LONG"));
		}
		return new Content(village, taxonomy, codes, description, consent);
	}

	private record Stored(int version, String villageCode, UUID ppksTaxonomyId) {
	}

	/**
	 * Changes what the desk recorded (a PUT: every editable field), guarded by the version the caller read
	 * ({@code If-Match}); a complaint changed meanwhile answers 412. Status, ticket and subject stay. PPKS codes
	 * stay in the complaint's own taxonomy version while it stays in its regency, even after the regency
	 * published a newer list; moved to another regency, they are checked against the list in force there.
	 */
	@Transactional
	public int change(CurrentUser actor, UUID id, String ifMatch, Edit edit) {
		if (!actor.may(Action.COMPLAINT_INTAKE)) {
			throw new AccessDeniedException("Complaint edits are not for " + actor.role());
		}
		Stored stored = actor.territory().sql(jdbc, "select version, village_code, ppks_taxonomy_id from"
				+ " complaint where id = :id and in_territory(village_code) for update")
			.param("id", id)
			.query(Stored.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Complaint"));
		int version = stored.version();
		PreconditionFailedException.check(ifMatch, version);
		List<FieldProblem> problems = new ArrayList<>();
		String regency = stored.villageCode().substring(0, 5);
		Content content = check(actor, edit == null ? new Edit(null, null, null, null, null, null, null) : edit,
				village -> village.value().startsWith(regency) ? taxonomies.byId(stored.ppksTaxonomyId())
						: taxonomies.activeFor(village),
				problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Reporter reporter = edit.reporter();
		jdbc.sql("""
				update complaint set channel = :channel, category = :category, village_code = :village,
				       description = :description, ppks_taxonomy_id = :taxonomy, reporter_name = :reporterName,
				       reporter_phone = :reporterPhone, reporter_phone_shared = :phoneShared, consent_note = :consent,
				       version = version + 1, updated_at = :now
				where id = :id""")
			.param("channel", edit.channel().name())
			.param("category", edit.category().name())
			.param("village", content.village().value())
			.param("description", content.description())
			.param("taxonomy", content.taxonomy().id())
			.param("reporterName", reporter == null ? null : blankToNull(reporter.name()))
			.param("reporterPhone", reporter == null || blankToNull(reporter.phone()) == null ? null
					: cipher.encrypt(reporter.phone().replace(" ", "").replace("-", "")))
			.param("phoneShared", reporter != null && reporter.phoneShared())
			.param("consent", content.consent())
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		jdbc.sql("delete from complaint_ppks where complaint_id = :id").param("id", id).update();
		for (String code : content.codes()) {
			jdbc.sql("insert into complaint_ppks (complaint_id, taxonomy_id, code) values (:id, :taxonomy, :code)")
				.param("id", id).param("taxonomy", content.taxonomy().id()).param("code", code).update();
		}
		return version + 1;
	}

	private RegionCode village(CurrentUser actor, String code, List<FieldProblem> problems) {
		if (code == null || code.isBlank()) {
			problems.add(FieldProblem.of("villageCode", "REQUIRED"));
			return null;
		}
		RegionCode village = RegionCode.parse(code.strip()).orElse(null);
		if (village == null || village.level() != RegionLevel.VILLAGE) {
			problems.add(FieldProblem.of("villageCode", "VILLAGE_REQUIRED"));
			return null;
		}
		if (!actor.covers(village) || !taxonomies.villageExists(village)) {
			throw new NotFoundException("Village");
		}
		return village;
	}

	/** The registry person the complaint is about, if there is one the caller may see. */
	private PersonSummary subject(CurrentUser actor, NewComplaint complaint, List<FieldProblem> problems) {
		if (complaint.subjectPersonId() != null) {
			if (complaint.subject() != null) {
				problems.add(FieldProblem.of("subject", "SUBJECT_EITHER_OR"));
			}
			if (restrictions.isRestrictedWithin(actor, complaint.subjectPersonId())) {
				throw new InvalidInputException(FieldProblem.of("subjectPersonId", "SUBJECT_RESTRICTED"));
			}
			return persons.byId(actor, complaint.subjectPersonId())
				.orElseThrow(() -> new NotFoundException("Person"));
		}
		Subject subject = complaint.subject();
		if (subject == null) {
			problems.add(FieldProblem.of("subject", "REQUIRED"));
			return null;
		}
		if (subject.name() == null || subject.name().isBlank()) {
			problems.add(FieldProblem.of("subject.name", "REQUIRED"));
		}
		else if (subject.name().length() > 200) {
			problems.add(FieldProblem.of("subject.name", "TEXT_TOO_LONG"));
		}
		else if (!identifiers.acceptableName(subject.name())) {
			problems.add(FieldProblem.of("subject.name", "NAME_INVALID"));
		}
		if (subject.birthDate() != null
				&& (subject.birthDate().isAfter(identifiers.today(complaint.villageCode()))
						|| subject.birthDate().getYear() < 1900)) {
			problems.add(FieldProblem.of("subject.birthDate", "DATE_OUT_OF_RANGE"));
		}
		if (blankToNull(subject.nik()) == null) {
			return null;
		}
		List<IdentifierProblem> nikProblems = identifiers.nikProblems(subject.nik());
		if (!nikProblems.isEmpty()) {
			problems.add(FieldProblem.of("subject.nik", nikProblems.getFirst().name()));
			return null;
		}
		// a NIK the registry holds inside the caller's territory links the complaint to that person; one held
		// elsewhere stays unlinked, and nothing about it is revealed
		List<PersonSummary> found = persons.search(actor, new PersonSearch.Query(subject.nik(), null, null, null, null,
				null), new PageRequest(0, 1)).content();
		if (found.isEmpty() && restrictions.isRestrictedNik(actor, subject.nik())) {
			// the person's processing is restricted (UU PDP Pasal 41): no new complaint about them, and the desk
			// is told why rather than shown an empty registry, which would invite a second registration
			problems.add(FieldProblem.of("subject.nik", "SUBJECT_RESTRICTED"));
		}
		return found.isEmpty() ? null : found.getFirst();
	}

	/**
	 * {@code 3328101008-26-00042}: the village code's ten digits, the two-digit year and the village's
	 * sequence number for that year. Unique in the country, typed from a receipt without confusion.
	 */
	private String ticketNumber(RegionCode village, Instant now) {
		int year = now.atZone(WIB).getYear();
		int sequence = jdbc.sql("""
				insert into complaint_ticket_counter (village_code, year, last) values (:village, :year, 1)
				on conflict (village_code, year) do update set last = complaint_ticket_counter.last + 1
				returning last""")
			.param("village", village.value())
			.param("year", year)
			.query(Integer.class)
			.single();
		return "%s-%02d-%05d".formatted(village.withoutDots(), year % 100, sequence);
	}

	static boolean mayTakeComplaints(Role role) {
		return Action.COMPLAINT_INTAKE.allows(role);
	}

	private static String digits(String nik) {
		return nik.strip().replace(" ", "").replace(".", "");
	}
}
