package org.simpul.pbi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.pbi.Reactivation.Category;
import org.simpul.pbi.Reactivation.Status;
import org.simpul.pbi.ReactivationQueries.ReactivationView;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.CrockfordCodes;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.Texts;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reactivation requests, each move by the people who may take it: whoever serves families in the village records
 * a request and completes it (its documents, then submits it, or withdraws it); Dinsos (its data operator or
 * manager, from a district-wide territory) verifies or returns it, issues the letter, records that it entered it in
 * the ministry's system and records the ministry's and BPJS's answer; a manager of the district records an
 * exception for a window that has closed. Everything inside the caller's territory (404 outside). A request for a
 * person on a deactivation list is refused once the window closed ({@code WINDOW_CLOSED}, with the day), unless
 * the exception was recorded; a person not on any list (someone not in DTSEN in urgent need, a baby of a PBI
 * mother) may ask at any time. Submitting needs the health facility's letter.
 */
@Service
public class Reactivations {

	/** A new request: the client's id (optional), whom, why. */
	public record NewReactivation(UUID id, UUID personId, String category, UUID complaintId) {
	}

	/** The answer of the ministry and BPJS: {@code ACTIVE}, {@code MOVED_SEGMENT} (with the segment) or {@code REJECTED}. */
	public record Outcome(String status, String segment, String reason) {
	}

	/** A request refused because the person's window closed on {@code closedOn}. */
	public static class WindowClosedException extends ConflictException {

		private final LocalDate closedOn;

		WindowClosedException(LocalDate closedOn) {
			super(FieldProblem.of("personId", "WINDOW_CLOSED"));
			this.closedOn = closedOn;
		}

		public LocalDate closedOn() {
			return closedOn;
		}
	}

	private final JdbcClient jdbc;

	private final HouseholdQueries households;

	private final ReactivationQueries queries;

	private final ReactivationDocuments documents;

	private final DomainEvents events;

	private final AuditTrail audit;

	private final RegionTime time;

	private final Clock clock;

	private final ApbdQuota quota;

	private final FollowUps followUps;

	private final PbiSettings settings;

	Reactivations(JdbcClient jdbc, HouseholdQueries households, ReactivationQueries queries,
			ReactivationDocuments documents, DomainEvents events, AuditTrail audit, RegionTime time, Clock clock,
			ApbdQuota quota, FollowUps followUps, PbiSettings settings) {
		this.settings = settings;
		this.followUps = followUps;
		this.quota = quota;
		this.jdbc = jdbc;
		this.households = households;
		this.queries = queries;
		this.documents = documents;
		this.events = events;
		this.audit = audit;
		this.time = time;
		this.clock = clock;
	}

	/** Records a request (a draft); the same id again is the filter's to replay, a taken one 409. */
	@Transactional
	public ReactivationView request(CurrentUser actor, NewReactivation wanted) {
		actor.require(Action.PBI_REQUEST);
		if (wanted == null || wanted.personId() == null) {
			throw new InvalidInputException(FieldProblem.of("personId", "REQUIRED"));
		}
		Category category = category(wanted.category());
		PersonView person = households.person(actor, wanted.personId())
			.filter(PersonView::current)
			.orElseThrow(() -> new NotFoundException("Person"));
		record Listed(UUID id, LocalDate windowClosesOn, boolean excepted) {
		}
		// the person's latest deactivation in their district, by the NIK (also when the list came before the person
		// was registered here, or they moved), and whether a manager opened its window again
		Optional<Listed> listed = jdbc.sql("""
				select d.id, d.window_closes_on,
				       exists (select 1 from pbi_window_exception e where e.deactivation_id = d.id) as excepted
				from pbi_deactivation_any d join person_placement p on p.nik_index = d.nik_index
				where p.id = :person and d.regency_code = :regency
				order by d.window_closes_on desc, d.id limit 1""")
			.param("person", person.id()).param("regency", person.villageCode().substring(0, 5))
			.query(Listed.class)
			.optional();
		LocalDate today = time.today(person.villageCode());
		if (listed.isPresent() && today.isAfter(listed.get().windowClosesOn()) && !listed.get().excepted()) {
			throw new WindowClosedException(listed.get().windowClosesOn());
		}
		// the health complaint that brought it: one of the caller's territory, about this person
		if (wanted.complaintId() != null && actor.territory().sql(jdbc, """
				select count(*) from health_complaint_subject c
				where c.id = :complaint and c.person_id = :person and in_territory(c.village_code)""")
			.param("complaint", wanted.complaintId()).param("person", person.id())
			.query(Long.class).single() == 0) {
			throw new InvalidInputException(FieldProblem.of("complaintId", "COMPLAINT_NOT_OF_PERSON"));
		}
		UUID id = ClientIds.orNew(wanted.id());
		Instant now = clock.instant();
		Reactivation request = Reactivation.request(id, person.id(), person.villageCode(), wanted.complaintId(), category,
				actor.id(), now);
		try {
			jdbc.sql("""
					insert into pbi_reactivation (id, person_id, person_name, household_id, village_code, deactivation_id,
					    complaint_id, category, status, created_by, created_at, updated_at, version)
					values (:id, :person, :name, :household, :village, :deactivation, :complaint, :category, 'DRAFT', :by,
					    :now, :now, 0)""")
				.param("id", id).param("person", person.id()).param("name", person.name())
				.param("household", person.householdId())
				.param("village", person.villageCode())
				.param("deactivation", listed.map(Listed::id).orElse(null))
				.param("complaint", wanted.complaintId()).param("category", category.name())
				.param("by", actor.id()).param("now", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			if (ClientIds.taken(ex)) {
				throw ClientIds.conflict();
			}
			// the person has a request under way already
			throw new ConflictException(FieldProblem.of("personId", "REACTIVATION_UNDER_WAY"));
		}
		steps(request);
		events.publish(request);
		audit.record(actor, AuditTrail.Action.CREATE, "PBI_REACTIVATION", id, List.of(person.id()));
		return queries.written(actor, id);
	}

	private static Category category(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("category", "REQUIRED"));
		}
		try {
			return Category.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("category", "INVALID_VALUE"));
		}
	}

	/**
	 * The village sends it to Dinsos: its documents must hold the health facility's letter (and the village's SKTM
	 * where the district asks for it).
	 */
	@Transactional
	public ReactivationView submit(CurrentUser actor, UUID id) {
		Reactivation request = locked(actor, id, Action.PBI_REQUEST, false);
		if (request.status().mayMoveTo(Status.SUBMITTED)) {
			List<FieldProblem> missing = documents.missing(id, settings.sktmRequired(request.villageCode()));
			if (!missing.isEmpty()) {
				throw new InvalidInputException(missing);
			}
		}
		request.submit(actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** The village withdraws it before Dinsos has it. */
	@Transactional
	public ReactivationView withdraw(CurrentUser actor, UUID id, String reason) {
		Reactivation request = locked(actor, id, Action.PBI_REQUEST, false);
		request.withdraw(Texts.required("reason", reason, 2000), actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** Dinsos sends it back for what is missing. */
	@Transactional
	public ReactivationView returnForCompletion(CurrentUser actor, UUID id, String reason) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		request.returnForCompletion(Texts.required("reason", reason, 2000), actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** Dinsos checked the documents. */
	@Transactional
	public ReactivationView verify(CurrentUser actor, UUID id) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		request.verify(actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** Dinsos issues its letter: the next number of the district's series for the year. */
	@Transactional
	public ReactivationView issueLetter(CurrentUser actor, UUID id) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		request.require(Status.LETTER_ISSUED);
		String regency = request.villageCode().substring(0, 5);
		LocalDate today = time.today(request.villageCode());
		int number = jdbc.sql("""
				insert into pbi_letter_series (regency_code, year, last_number) values (:regency, :year, 1)
				on conflict (regency_code, year) do update set last_number = pbi_letter_series.last_number + 1
				returning last_number""")
			.param("regency", regency).param("year", today.getYear())
			.query(Integer.class).single();
		String letter = "%04d/PBI-JK/%s/%d".formatted(number, regency.replace(".", ""), today.getYear());
		request.issueLetter(letter, actor.id(), clock.instant());
		// the letter's number, day and the code its QR code leads to (the public page confirms the letter)
		jdbc.sql("""
				update pbi_reactivation set letter_number = :letter, letter_issued_on = :today, verification_code = :code
				where id = :id""")
			.param("letter", letter).param("today", Date.valueOf(today))
			.param("code", CrockfordCodes.generate(ReactivationLetters.CODE_LENGTH)).param("id", id)
			.update();
		return saved(actor, request);
	}

	/** Dinsos entered it in the ministry's system. */
	@Transactional
	public ReactivationView enter(CurrentUser actor, UUID id) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		request.enter(actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** The ministry approved it; BPJS has still to make it active. */
	@Transactional
	public ReactivationView approve(CurrentUser actor, UUID id) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		request.approve(actor.id(), clock.instant());
		return saved(actor, request);
	}

	/** The answer, by hand (a status file does the same for many). */
	@Transactional
	public ReactivationView decide(CurrentUser actor, UUID id, Outcome outcome) {
		Reactivation request = locked(actor, id, Action.PBI_PROCESS, true);
		Status status = outcome(outcome);
		String segment = null;
		String reason = null;
		if (status == Status.MOVED_SEGMENT) {
			segment = outcome.segment() == null ? "" : outcome.segment().strip().toUpperCase(Locale.ROOT);
			if (!Reactivation.SEGMENTS.contains(segment)) {
				throw new InvalidInputException(FieldProblem.of("segment", segment.isEmpty() ? "REQUIRED" : "INVALID_VALUE"));
			}
		}
		if (status == Status.REJECTED) {
			reason = Texts.required("reason", outcome.reason(), 2000);
		}
		String regency = request.villageCode().substring(0, 5);
		LocalDate today = time.today(request.villageCode());
		request.decide(status, segment, reason, actor.id(), clock.instant());
		if ("PBI_APBD".equals(segment)) {
			// a district-paid place of this month, while one is left
			quota.take(regency, today, 1);
		}
		jdbc.sql("update pbi_reactivation set decided_on = :today where id = :id")
			.param("today", Date.valueOf(today)).param("id", id).update();
		ReactivationView view = saved(actor, request);
		followUps.open(List.of(id), today);
		return view;
	}

	private static Status outcome(Outcome outcome) {
		String text = outcome == null || outcome.status() == null ? "" : outcome.status().strip();
		if (text.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("status", "REQUIRED"));
		}
		return switch (text) {
			case "ACTIVE", "MOVED_SEGMENT", "REJECTED" -> Status.valueOf(text);
			default -> throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
		};
	}

	/**
	 * A manager of the district opens a closed window again for one person, with the reason (once; the same again
	 * changes nothing).
	 */
	@Transactional
	public void exceptWindow(CurrentUser actor, UUID deactivationId, String reason) {
		actor.require(Action.PBI_WINDOW_EXCEPTION);
		if (!DeactivationBatches.districtWide(actor)) {
			throw new AccessDeniedException("Window exceptions are the district manager's");
		}
		String why = Texts.required("reason", reason, 2000);
		if (why.length() < 2) {
			throw new InvalidInputException(FieldProblem.of("reason", "LENGTH_OUT_OF_RANGE"));
		}
		UUID person = actor.territory().sql(jdbc, "select person_id from pbi_deactivation d where id = :id"
				+ " and in_territory(d.place)")
			.param("id", deactivationId)
			.query((rs, n) -> Optional.ofNullable(rs.getObject(1, UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Deactivation"))
			.orElse(null);
		int added = jdbc.sql("""
				insert into pbi_window_exception (deactivation_id, reason, by_user, at) values (:id, :reason, :by, :at)
				on conflict (deactivation_id) do nothing""")
			.param("id", deactivationId).param("reason", why).param("by", actor.id())
			.param("at", Timestamp.from(clock.instant()))
			.update();
		if (added > 0) {
			audit.record(actor, AuditTrail.Action.UPDATE, "PBI_DEACTIVATION", deactivationId,
					person == null ? List.of() : List.of(person));
		}
	}

	/**
	 * The request, locked: 403 for a role that reads no requests, 404 outside the caller's territory; 403 for a role
	 * without {@code action}, or, for Dinsos' steps, a territory narrower than a district.
	 */
	private Reactivation locked(CurrentUser actor, UUID id, Action action, boolean dinsos) {
		actor.require(Action.PBI_READ);
		Reactivation request = actor.territory().sql(jdbc, """
				select id, person_id, village_code, complaint_id, status, letter_number, segment, reason, version
				from pbi_reactivation where id = :id and in_territory(village_code) for update""")
			.param("id", id)
			.query((rs, n) -> new Reactivation(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getString("village_code"), rs.getObject("complaint_id", UUID.class),
					Status.valueOf(rs.getString("status")), rs.getString("letter_number"), rs.getString("segment"),
					rs.getString("reason"), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFoundException("Reactivation"));
		actor.require(action);
		if (dinsos && !DeactivationBatches.districtWide(actor)) {
			throw new AccessDeniedException("This step is Dinsos'");
		}
		return request;
	}

	private ReactivationView saved(CurrentUser actor, Reactivation request) {
		jdbc.sql("""
				update pbi_reactivation set status = :status, letter_number = :letter, segment = :segment, reason = :reason,
				       updated_at = :now, version = version + 1
				where id = :id""")
			.param("status", request.status().name()).param("letter", request.letterNumber())
			.param("segment", request.segment()).param("reason", request.reason())
			.param("now", Timestamp.from(clock.instant())).param("id", request.id())
			.update();
		steps(request);
		events.publish(request);
		audit.record(actor, AuditTrail.Action.UPDATE, "PBI_REACTIVATION", request.id(), List.of(request.personId()));
		return queries.written(actor, request.id());
	}

	private void steps(Reactivation request) {
		for (Reactivation.Step step : request.takeSteps()) {
			jdbc.sql("""
					insert into pbi_reactivation_step (reactivation_id, status, at, by_user, note)
					values (:id, :status, :at, :by, :note)""")
				.param("id", request.id()).param("status", step.status().name()).param("at", Timestamp.from(step.at()))
				.param("by", step.by()).param("note", step.note())
				.update();
		}
	}
}
