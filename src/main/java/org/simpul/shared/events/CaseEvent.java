package org.simpul.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a complaint's case, published by the casework module in the transaction that made the
 * change. The complaint follows them (assessed, closed, back in work) by listening; {@code by} is the user who
 * acted.
 */
public sealed interface CaseEvent {

	UUID complaintId();

	UUID by();

	Instant at();

	/** The case was given to a facilitator or back-office officer ({@code assigneeId}). */
	record CaseAssigned(UUID complaintId, UUID assigneeId, UUID by, Instant at) implements CaseEvent {
	}

	/** The case plan was written or changed. */
	record CasePlanned(UUID complaintId, UUID by, Instant at) implements CaseEvent {
	}

	/** A note was added to the case's timeline. */
	record CaseNoteAdded(UUID complaintId, UUID by, Instant at) implements CaseEvent {
	}

	/** The case was closed; {@code outcome} is what the citizen reads. */
	record CaseClosed(UUID complaintId, String outcome, UUID by, Instant at) implements CaseEvent {
	}

	/** A closed case was reopened with a reason: the work goes on. */
	record CaseReopened(UUID complaintId, UUID by, Instant at) implements CaseEvent {
	}

	/** Answers to an assessment form ({@code kind}: QUICK or DEEP) were recorded for the complaint. */
	record AssessmentRecorded(UUID assessmentId, UUID complaintId, String kind, UUID by, Instant at)
			implements CaseEvent {
	}
}
