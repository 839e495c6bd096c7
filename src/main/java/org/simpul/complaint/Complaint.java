package org.simpul.complaint;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.simpul.shared.workflow.AggregateRoot;

/**
 * A complaint's progress as the citizen tracks it: where it stands, the steps it moved through and the outcome
 * it is told. It follows its case (listening to what the case, assessment and referral modules publish): it
 * moves forward only, by the table of {@link ComplaintStatus}, and a closed one goes back into work only when
 * its case is reopened. Each move notes a step and registers {@link ComplaintStatusChanged}, which tells the
 * citizen through the outbox.
 */
final class Complaint extends AggregateRoot {

	/** A step on the complaint's timeline. */
	record Step(ComplaintStatus status, Instant at, UUID by) {
	}

	private final UUID id;

	private final String ticketNumber;

	private ComplaintStatus status;

	private String outcome;

	private boolean outcomeChanged;

	private final List<Step> steps = new ArrayList<>();

	Complaint(UUID id, String ticketNumber, ComplaintStatus status, String outcome) {
		this.id = id;
		this.ticketNumber = ticketNumber;
		this.status = status;
		this.outcome = outcome;
	}

	/** Assessed: forward to ASSESSED, unless it is there or further along already. */
	boolean assessed(UUID by, Instant at) {
		return advance(ComplaintStatus.ASSESSED, by, at);
	}

	/** Referred to an agency: forward to REFERRED. */
	boolean referred(UUID by, Instant at) {
		return advance(ComplaintStatus.REFERRED, by, at);
	}

	/** The agency took the referral on: forward to IN_PROGRESS. */
	boolean taken(UUID by, Instant at) {
		return advance(ComplaintStatus.IN_PROGRESS, by, at);
	}

	/** The agency completed its referral: forward to RESOLVED, and the citizen is told the agency's outcome. */
	void resolve(String result, UUID by, Instant at) {
		advance(ComplaintStatus.RESOLVED, by, at);
		tell(result);
	}

	/** The case was closed: forward to CLOSED, and the citizen is told the case's outcome. */
	void close(String result, UUID by, Instant at) {
		advance(ComplaintStatus.CLOSED, by, at);
		tell(result);
	}

	/** The case was reopened: a closed complaint goes back into work (IN_PROGRESS); any other stays. */
	boolean reopen(UUID by, Instant at) {
		if (!status.reopens()) {
			return false;
		}
		move(ComplaintStatus.IN_PROGRESS, by, at);
		return true;
	}

	private boolean advance(ComplaintStatus next, UUID by, Instant at) {
		if (!status.advancesTo(next)) {
			return false;
		}
		move(next, by, at);
		return true;
	}

	private void move(ComplaintStatus next, UUID by, Instant at) {
		status = next;
		steps.add(new Step(next, at, by));
		register(new ComplaintStatusChanged(UUID.randomUUID(), id, ticketNumber, next, at));
	}

	/** The outcome the tracking page shows: the latest one counts. */
	private void tell(String result) {
		outcome = result;
		outcomeChanged = true;
	}

	UUID id() {
		return id;
	}

	ComplaintStatus status() {
		return status;
	}

	String outcome() {
		return outcome;
	}

	/** Whether the outcome was changed since the complaint was loaded. */
	boolean outcomeChanged() {
		return outcomeChanged;
	}

	/** The steps noted since it was loaded; the complaint forgets them once they are written. */
	List<Step> takeSteps() {
		List<Step> taken = List.copyOf(steps);
		steps.clear();
		outcomeChanged = false;
		return taken;
	}
}
