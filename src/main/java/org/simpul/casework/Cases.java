package org.simpul.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.UserLookup;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.complaint.ComplaintStatus;
import org.simpul.region.RegionCode;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.Texts;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A complaint's case: who works on it and what was done. The desk roles of the complaint's territory read it
 * and add notes; the back office, supervisors and managers assign it to a facilitator or back-office officer
 * whose territory holds the complaint's village. A complaint outside the caller's territory has no case
 * for them (404).
 */
@Service
public class Cases {

	public record Person(UUID id, String username, String displayName) {
	}

	/** A timeline event; {@code recordedInFieldAt}: when a phone made it without signal (else null). */
	public record Event(String kind, Instant at, Person by, String detail, Instant recordedInFieldAt) {
	}

	public record CaseView(UUID complaintId, String ticketNumber, Person assignee, Instant openedAt, Instant closedAt,
			String outcome, String plan, List<Event> events, int version) {
	}

	private record CaseRow(UUID assigneeId, Instant openedAt, Instant closedAt, String outcome, String plan,
			int version) {
	}

	private record EventRow(String kind, Instant at, UUID byUser, String detail, Instant recordedInFieldAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ComplaintQueries complaints;

	private final UserLookup users;

	private final CaseStore store;

	private final DomainEvents domainEvents;

	Cases(JdbcClient jdbc, Clock clock, ComplaintQueries complaints, UserLookup users, CaseStore store,
			DomainEvents domainEvents) {
		this.store = store;
		this.domainEvents = domainEvents;
		this.jdbc = jdbc;
		this.clock = clock;
		this.complaints = complaints;
		this.users = users;
	}

	/** The case of a complaint of the caller's territory; a complaint nobody has worked on yet has an empty one. */
	public CaseView view(CurrentUser actor, UUID complaintId) {
		ComplaintQueries.ComplaintRef complaint = complaint(actor, complaintId);
		CaseRow row = jdbc.sql("""
				select assignee_id, opened_at, closed_at, outcome, plan, version from case_file where complaint_id = :id""")
			.param("id", complaintId).query(CaseRow.class).optional().orElse(new CaseRow(null, null, null, null, null, 0));
		List<Event> events = jdbc.sql("""
				select kind, at, by_user, detail, recorded_in_field_at from case_event where complaint_id = :id
				order by at, id""")
			.param("id", complaintId)
			.query(EventRow.class)
			.list()
			.stream()
			.map(e -> new Event(e.kind(), e.at(), person(e.byUser()), e.detail(), e.recordedInFieldAt()))
			.toList();
		return new CaseView(complaint.id(), complaint.ticketNumber(),
				row.assigneeId() == null ? null : person(row.assigneeId()), row.openedAt(), row.closedAt(), row.outcome(),
				row.plan(), events, row.version());
	}

	/** Assigns the case (again to the same person: nothing changes). */
	@Transactional
	public CaseView assign(CurrentUser actor, UUID complaintId, UUID userId) {
		if (!actor.may(Action.CASE_ASSIGN)) {
			throw new AccessDeniedException("Cases are not assigned by " + actor.role());
		}
		ComplaintQueries.ComplaintRef complaint = complaint(actor, complaintId);
		if (userId == null) {
			throw new InvalidInputException(FieldProblem.of("userId", "REQUIRED"));
		}
		UserLookup.Found assignee = users.byId(userId)
			.filter(u -> u.active() && Action.CASE_TAKE.allows(u.role())
					&& u.territory().covers(RegionCode.of(complaint.villageCode())))
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("userId", "ASSIGNEE_INVALID")));
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		file.assign(assignee.id(), assignee.username(), actor.id(), clock.instant());
		return saved(actor, file);
	}

	/** The user takes an open, unassigned case of their territory (a facilitator's "ambil kasus ini"). */
	@Transactional
	public CaseView take(CurrentUser actor, UUID complaintId) {
		actor.require(Action.CASE_TAKE);
		ComplaintQueries.ComplaintRef complaint = complaint(actor, complaintId);
		if (complaint.status() == ComplaintStatus.RESOLVED || complaint.status() == ComplaintStatus.CLOSED) {
			throw new ConflictException(FieldProblem.of("status", "CASE_CLOSED"));
		}
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		file.take(actor.id(), actor.username(), clock.instant());
		return saved(actor, file);
	}

	/**
	 * Writes the case plan against the version the user read ({@code If-Match}; changed meanwhile: 412). An
	 * unchanged plan changes nothing.
	 */
	@Transactional
	public CaseView plan(CurrentUser actor, UUID complaintId, String ifMatch, String text) {
		if (!actor.may(Action.CASE_PLAN)) {
			throw new AccessDeniedException("Case plans are not written by " + actor.role());
		}
		complaint(actor, complaintId);
		String plan = Texts.required("plan", text, 4000);
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		PreconditionFailedException.check(ifMatch, file.version());
		file.plan(plan, actor.id(), clock.instant());
		return saved(actor, file);
	}

	/**
	 * Puts an assessment on the case's timeline (opening the case if nobody has worked on it yet) and publishes
	 * {@code AssessmentRecorded}, in the caller's transaction.
	 */
	void assessed(UUID complaintId, CurrentUser actor, UUID assessmentId, String kind, String form) {
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		file.assessed(assessmentId, kind, form, actor.id(), clock.instant());
		store.save(file);
		domainEvents.publish(file);
	}

	/** Adds a note to the case's timeline ({@code noteId}: the client's id for it, or null). */
	@Transactional
	public CaseView note(CurrentUser actor, UUID complaintId, UUID noteId, String text) {
		return note(actor, complaintId, noteId, text, null);
	}

	/** As {@link #note(CurrentUser, UUID, UUID, String)}, for a note a phone made without signal. */
	@Transactional
	public CaseView note(CurrentUser actor, UUID complaintId, UUID noteId, String text, Instant recordedInField) {
		complaint(actor, complaintId);
		String note = Texts.required("text", text, 4000);
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		file.note(note, noteId, actor.id(), clock.instant(), recordedInField);
		return saved(actor, file);
	}

	/** Closes the case with its outcome; the complaint, and the citizen's tracking, become CLOSED. */
	@Transactional
	public CaseView close(CurrentUser actor, UUID complaintId, String outcome) {
		requireAssigner(actor);
		complaint(actor, complaintId);
		String text = Texts.required("outcome", outcome, 4000);
		CaseFile file = store.openAndLock(complaintId, clock.instant());
		file.close(text, actor.id(), clock.instant());
		return saved(actor, file);
	}

	/** Reopens a closed case with a reason; the complaint goes back into work (IN_PROGRESS). */
	@Transactional
	public CaseView reopen(CurrentUser actor, UUID complaintId, String reason) {
		requireAssigner(actor);
		complaint(actor, complaintId);
		String text = Texts.required("reason", reason, 4000);
		// a case nobody has worked on is not closed either
		CaseFile file = store.lock(complaintId)
			.orElseThrow(() -> new ConflictException(FieldProblem.of("status", "CASE_NOT_CLOSED")));
		file.reopen(text, actor.id(), clock.instant());
		return saved(actor, file);
	}

	private static void requireAssigner(CurrentUser actor) {
		if (!actor.may(Action.CASE_ASSIGN)) {
			throw new AccessDeniedException("Cases are not closed or reopened by " + actor.role());
		}
	}

	private ComplaintQueries.ComplaintRef complaint(CurrentUser actor, UUID complaintId) {
		return complaints.reference(actor, complaintId).orElseThrow(() -> new NotFoundException("Complaint"));
	}

	/** Writes the case's change, publishes its events in the same transaction, and shows the result. */
	private CaseView saved(CurrentUser actor, CaseFile file) {
		store.save(file);
		domainEvents.publish(file);
		return view(actor, file.complaintId());
	}

	Person person(UUID id) {
		return users.byId(id).map(u -> new Person(u.id(), u.username(), u.displayName()))
			.orElse(new Person(id, null, null));
	}
}
