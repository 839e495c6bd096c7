package org.simpul.pbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.events.ReactivationEvent.ReactivationDecided;
import org.simpul.shared.events.ReactivationEvent.ReactivationMoved;
import org.simpul.shared.events.ReactivationEvent.ReactivationRequested;
import org.simpul.shared.workflow.AggregateRoot;
import org.simpul.shared.workflow.Transitions;

/**
 * A request to put a person back on PBI-JK (DOMAIN.md §10), and the aggregate whose methods are its way: recorded
 * at the village, Puskesos or Dinsos as a draft while its documents are gathered; submitted when they are
 * complete; verified by Dinsos (or returned for what is missing); its reactivation letter issued with a number of
 * the district's series; entered into the ministry's system; approved by the ministry (not yet active at BPJS);
 * and answered: active again as PBI-JK, active in another segment (self-paying, or PBI-APBD on the district's
 * quota), or rejected with the reason. Each move checks the status table (409 naming the status otherwise), notes
 * a step and registers a past-tense event. Who may take which step is {@link Reactivations}' concern.
 */
public final class Reactivation extends AggregateRoot {

	/** Why the person needs cover now; chronic and catastrophic illness go first. */
	public enum Category {
		CHRONIC, CATASTROPHIC, EMERGENCY, MATERNITY, OTHER;

		/** What the worklist puts first. */
		public boolean urgent() {
			return this == CHRONIC || this == CATASTROPHIC || this == EMERGENCY;
		}
	}

	/** Where a request stands. */
	public enum Status {
		DRAFT, SUBMITTED, RETURNED, VERIFIED, LETTER_ISSUED, ENTERED, APPROVED, ACTIVE, MOVED_SEGMENT, REJECTED,
		WITHDRAWN;

		private static final Transitions<Status> MOVES = Transitions.of(Status.class)
			.allow(DRAFT, SUBMITTED, WITHDRAWN)
			.allow(RETURNED, SUBMITTED, WITHDRAWN)
			.allow(SUBMITTED, VERIFIED, RETURNED, REJECTED)
			.allow(VERIFIED, LETTER_ISSUED, RETURNED)
			.allow(LETTER_ISSUED, ENTERED)
			.allow(ENTERED, APPROVED, ACTIVE, MOVED_SEGMENT, REJECTED)
			.allow(APPROVED, ACTIVE, MOVED_SEGMENT, REJECTED);

		public boolean mayMoveTo(Status next) {
			return MOVES.allows(this, next);
		}

		/** Where a request standing here may go. */
		public Set<Status> next() {
			return MOVES.from(this);
		}

		/** Still the village's to complete: its documents may be added. */
		public boolean withTheVillage() {
			return this == DRAFT || this == RETURNED;
		}

		/** Nothing moves any more. */
		public boolean closed() {
			return this == ACTIVE || this == MOVED_SEGMENT || this == REJECTED || this == WITHDRAWN;
		}
	}

	/** The segment a person was moved to instead of PBI-JK. */
	public static final Set<String> SEGMENTS = Set.of("PBPU", "PBI_APBD");

	/** A step of the request's history: the status reached, when, by whom, why. */
	record Step(Status status, Instant at, UUID by, String note) {
	}

	private final UUID id;

	private final UUID personId;

	private final String villageCode;

	private final UUID complaintId;

	private final int version;

	private final boolean recorded;

	private Status status;

	private String letterNumber;

	private String segment;

	private String reason;

	private final List<Step> steps = new ArrayList<>();

	/** A request as stored, loaded under its row lock to change it. */
	Reactivation(UUID id, UUID personId, String villageCode, UUID complaintId, Status status, String letterNumber,
			String segment, String reason, int version) {
		this.id = id;
		this.personId = personId;
		this.villageCode = villageCode;
		this.complaintId = complaintId;
		this.status = status;
		this.letterNumber = letterNumber;
		this.segment = segment;
		this.reason = reason;
		this.version = version;
		this.recorded = true;
	}

	private Reactivation(UUID id, UUID personId, String villageCode, UUID complaintId) {
		this.id = id;
		this.personId = personId;
		this.villageCode = villageCode;
		this.complaintId = complaintId;
		this.status = Status.DRAFT;
		this.version = 0;
		this.recorded = false;
	}

	/** A new request, a draft. */
	static Reactivation request(UUID id, UUID personId, String villageCode, UUID complaintId, Category category,
			UUID by, Instant at) {
		Reactivation request = new Reactivation(id, personId, villageCode, complaintId);
		request.steps.add(new Step(Status.DRAFT, at, by, null));
		request.register(new ReactivationRequested(id, villageCode, personId, complaintId, Status.DRAFT.name(),
				category.name(), by, at));
		return request;
	}

	/** The documents are complete: to Dinsos. */
	void submit(UUID by, Instant at) {
		move(Status.SUBMITTED, null, by, at);
	}

	/** Dinsos sends it back for what is missing, with the reason the village reads. */
	void returnForCompletion(String why, UUID by, Instant at) {
		this.reason = why;
		move(Status.RETURNED, why, by, at);
	}

	/** Dinsos checked the documents. */
	void verify(UUID by, Instant at) {
		move(Status.VERIFIED, null, by, at);
	}

	/** Dinsos issued its reactivation letter, numbered in the district's series. */
	void issueLetter(String number, UUID by, Instant at) {
		require(Status.LETTER_ISSUED);
		this.letterNumber = number;
		move(Status.LETTER_ISSUED, number, by, at);
	}

	/** Dinsos entered it into the ministry's system (SIKS-NG): waiting for the ministry. */
	void enter(UUID by, Instant at) {
		move(Status.ENTERED, null, by, at);
	}

	/** The ministry approved it: waiting for BPJS to make it active. */
	void approve(UUID by, Instant at) {
		move(Status.APPROVED, null, by, at);
	}

	/**
	 * The answer: {@code ACTIVE} again as PBI-JK, {@code MOVED_SEGMENT} (with the segment) or {@code REJECTED}
	 * (with the reason); Dinsos may also reject what it cannot verify.
	 */
	void decide(Status outcome, String movedTo, String why, UUID by, Instant at) {
		require(outcome);
		this.segment = outcome == Status.MOVED_SEGMENT ? movedTo : null;
		this.reason = outcome == Status.REJECTED ? why : null;
		this.status = outcome;
		steps.add(new Step(outcome, at, by, outcome == Status.MOVED_SEGMENT ? movedTo : why));
		register(new ReactivationDecided(id, villageCode, personId, complaintId, outcome.name(), segment, reason, by, at));
	}

	/** The village withdraws it before Dinsos has it (a duplicate, the person died), with the reason. */
	void withdraw(String why, UUID by, Instant at) {
		move(Status.WITHDRAWN, why, by, at);
	}

	private void move(Status next, String note, UUID by, Instant at) {
		require(next);
		this.status = next;
		steps.add(new Step(next, at, by, note));
		register(new ReactivationMoved(id, villageCode, personId, complaintId, next.name(), note, by, at));
	}

	/** Refuses (409 naming the status) a move the status table does not allow from here. */
	void require(Status next) {
		if (!status.mayMoveTo(next)) {
			throw new ConflictException(FieldProblem.of("status", "REACTIVATION_STEP_NOT_ALLOWED"));
		}
	}

	UUID id() {
		return id;
	}

	UUID personId() {
		return personId;
	}

	String villageCode() {
		return villageCode;
	}

	Status status() {
		return status;
	}

	String letterNumber() {
		return letterNumber;
	}

	String segment() {
		return segment;
	}

	String reason() {
		return reason;
	}

	int version() {
		return version;
	}

	boolean recorded() {
		return recorded;
	}

	/** The steps noted since loading, in order; the aggregate forgets them. */
	List<Step> takeSteps() {
		List<Step> taken = List.copyOf(steps);
		steps.clear();
		return taken;
	}
}
