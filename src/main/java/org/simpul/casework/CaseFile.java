package org.simpul.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.events.CaseEvent.AssessmentRecorded;
import org.simpul.shared.events.CaseEvent.CaseAssigned;
import org.simpul.shared.events.CaseEvent.CaseClosed;
import org.simpul.shared.events.CaseEvent.CaseNoteAdded;
import org.simpul.shared.events.CaseEvent.CasePlanned;
import org.simpul.shared.events.CaseEvent.CaseReopened;
import org.simpul.shared.workflow.AggregateRoot;
import org.simpul.shared.workflow.Transitions;

/**
 * A complaint's case: the aggregate whose methods are the casework. It is open from the first thing anyone
 * does on it until it is closed with an outcome, and may be reopened with a reason. Each method checks its
 * rules (a refusal is a 409 naming the status), notes the entry for the case's timeline and registers the
 * past-tense event. Who may call which method is the service's concern (the access policy), before it loads
 * the case.
 */
final class CaseFile extends AggregateRoot {

	/** Open or closed, and the moves between: the one table of the case's workflow. */
	enum Status {
		OPEN, CLOSED;

		private static final Transitions<Status> MOVES = Transitions.of(Status.class).allow(OPEN, CLOSED)
			.allow(CLOSED, OPEN);

		boolean mayMoveTo(Status next) {
			return MOVES.allows(this, next);
		}
	}

	/**
	 * A timeline entry as it is written; {@code clientId} is the id a device gave its note, and
	 * {@code recordedInField} when the device made it without signal (both null otherwise).
	 */
	record Entry(String kind, Instant at, UUID by, String detail, UUID clientId, Instant recordedInField) {

		Entry(String kind, Instant at, UUID by, String detail) {
			this(kind, at, by, detail, null, null);
		}
	}

	private final UUID complaintId;

	private final int version;

	private UUID assigneeId;

	private Instant closedAt;

	private String outcome;

	private String plan;

	private final List<Entry> entries = new ArrayList<>();

	private boolean stateChanged;

	CaseFile(UUID complaintId, UUID assigneeId, Instant closedAt, String outcome, String plan, int version) {
		this.complaintId = complaintId;
		this.assigneeId = assigneeId;
		this.closedAt = closedAt;
		this.outcome = outcome;
		this.plan = plan;
		this.version = version;
	}

	Status status() {
		return closedAt == null ? Status.OPEN : Status.CLOSED;
	}

	/** Gives the case to {@code assignee} ({@code username} for the timeline); the same person again changes nothing. */
	void assign(UUID assignee, String username, UUID by, Instant at) {
		if (assignee.equals(assigneeId)) {
			return;
		}
		assigneeId = assignee;
		stateChanged = true;
		entries.add(new Entry("ASSIGNED", at, by, username));
		register(new CaseAssigned(complaintId, assignee, by, at));
	}

	/**
	 * A facilitator takes an open case nobody has yet ("ambil"): a case given to someone else answers 409
	 * {@code CASE_TAKEN} (two volunteers tapping at once: the first one has it), a closed one 409
	 * {@code CASE_CLOSED}; taking one's own case again changes nothing.
	 */
	void take(UUID by, String username, Instant at) {
		if (closedAt != null) {
			throw new ConflictException(FieldProblem.of("status", "CASE_CLOSED"));
		}
		if (assigneeId != null && !assigneeId.equals(by)) {
			throw new ConflictException(FieldProblem.of("assignee", "CASE_TAKEN"));
		}
		assign(by, username, by, at);
	}

	/** Writes the case plan; the same plan again changes nothing. */
	void plan(String text, UUID by, Instant at) {
		if (text.equals(plan)) {
			return;
		}
		plan = text;
		stateChanged = true;
		entries.add(new Entry("PLANNED", at, by, text));
		register(new CasePlanned(complaintId, by, at));
	}

	/** Adds a note to the timeline ({@code clientId}: the id its device gave it, or null). */
	void note(String text, UUID clientId, UUID by, Instant at) {
		note(text, clientId, by, at, null);
	}

	/** Adds a note a phone made without signal at {@code recordedInField}; it arrived {@code at}. */
	void note(String text, UUID clientId, UUID by, Instant at, Instant recordedInField) {
		entries.add(new Entry("NOTE", at, by, text, clientId, recordedInField));
		register(new CaseNoteAdded(complaintId, by, at));
	}

	/** Notes an assessment on the timeline ({@code form}: its kind and version, as the timeline shows it). */
	void assessed(UUID assessmentId, String kind, String form, UUID by, Instant at) {
		entries.add(new Entry("ASSESSED", at, by, form));
		register(new AssessmentRecorded(assessmentId, complaintId, kind, by, at));
	}

	/** Closes the case with its outcome; a closed case answers 409 CASE_CLOSED. */
	void close(String result, UUID by, Instant at) {
		if (!status().mayMoveTo(Status.CLOSED)) {
			throw new ConflictException(FieldProblem.of("status", "CASE_CLOSED"));
		}
		closedAt = at;
		outcome = result;
		stateChanged = true;
		entries.add(new Entry("CLOSED", at, by, result));
		register(new CaseClosed(complaintId, result, by, at));
	}

	/** Reopens a closed case with a reason (its outcome is cleared); an open one answers 409 CASE_NOT_CLOSED. */
	void reopen(String reason, UUID by, Instant at) {
		if (!status().mayMoveTo(Status.OPEN)) {
			throw new ConflictException(FieldProblem.of("status", "CASE_NOT_CLOSED"));
		}
		closedAt = null;
		outcome = null;
		stateChanged = true;
		entries.add(new Entry("REOPENED", at, by, reason));
		register(new CaseReopened(complaintId, by, at));
	}

	/** Whether the case's own columns changed (its version goes one up); notes alone do not. */
	boolean stateChanged() {
		return stateChanged;
	}

	/** The timeline entries noted since it was loaded; the aggregate forgets them once they are written. */
	List<Entry> takeEntries() {
		List<Entry> taken = List.copyOf(entries);
		entries.clear();
		stateChanged = false;
		return taken;
	}

	UUID complaintId() {
		return complaintId;
	}

	UUID assigneeId() {
		return assigneeId;
	}

	Instant closedAt() {
		return closedAt;
	}

	String outcome() {
		return outcome;
	}

	String plan() {
		return plan;
	}

	int version() {
		return version;
	}
}
