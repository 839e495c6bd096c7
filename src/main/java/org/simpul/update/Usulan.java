package org.simpul.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.events.UsulanEvent.UsulanAgreed;
import org.simpul.shared.events.UsulanEvent.UsulanCorrected;
import org.simpul.shared.events.UsulanEvent.UsulanDecided;
import org.simpul.shared.events.UsulanEvent.UsulanEndorsed;
import org.simpul.shared.events.UsulanEvent.UsulanProposed;
import org.simpul.shared.events.UsulanEvent.UsulanReturned;
import org.simpul.shared.events.UsulanEvent.UsulanSent;
import org.simpul.shared.events.UsulanEvent.UsulanSubmitted;
import org.simpul.shared.events.UsulanEvent.UsulanWithdrawn;
import org.simpul.shared.workflow.AggregateRoot;
import org.simpul.shared.workflow.Transitions;

/**
 * An usulan: a proposal to change the social registry (enter a household or person, change data, remove,
 * propose for a programme) or a neighbour's objection (sanggah), and the aggregate whose methods are its way
 * from the village to Dinsos, the ministry and back (DOMAIN.md §9). Each checks the status table and answers
 * a refusal with 409 naming the status; each notes a step for the history and registers a past-tense event.
 * Who may take which step, and in which territory, is {@link Usulans}' concern before it loads one.
 */
public final class Usulan extends AggregateRoot {

	/** What an usulan asks for. */
	public enum Kind {
		/** Enter a household, or a person into a household, into DTSEN. */
		ENTER,
		/** Change data: members, address, house conditions. */
		CHANGE,
		/** Remove a person or household: died, moved, able, not found, became PPU or PBPU. */
		REMOVE,
		/** Propose a household or person for a programme (PKH, Sembako, PBI-JK). */
		PROGRAMME,
		/** A neighbour's objection that a recipient is not eligible. */
		SANGGAH
	}

	/** What brought an usulan. */
	public enum Source {
		MANUAL, MUSDES, FIELD_VISIT, COMPLAINT, ASSESSMENT, IMPORT, SANGGAH, REGISTRATION
	}

	/**
	 * Where an usulan stands, and where it may go: a draft is agreed by the village (musdes or SPTJM),
	 * submitted to Dinsos, which returns it for correction or endorses it; endorsed, it is sent to the ministry,
	 * whose result is final. A returned usulan is corrected (back to draft) or agreed again; Dinsos may still
	 * return an endorsed one before it is sent.
	 */
	public enum Status {
		DRAFT, AGREED, SUBMITTED, RETURNED, ENDORSED, SENT, INCLUDED, NOT_INCLUDED, EXCLUDED, WITHDRAWN;

		private static final Transitions<Status> MOVES = Transitions.of(Status.class)
			.allow(DRAFT, AGREED, WITHDRAWN)
			.allow(RETURNED, DRAFT, AGREED, WITHDRAWN)
			.allow(AGREED, SUBMITTED, WITHDRAWN, DRAFT)
			.allow(SUBMITTED, RETURNED, ENDORSED)
			.allow(ENDORSED, SENT, RETURNED)
			.allow(SENT, INCLUDED, NOT_INCLUDED, EXCLUDED);

		public boolean mayMoveTo(Status next) {
			return MOVES.allows(this, next);
		}

		/** Where an usulan standing here may go. */
		public Set<Status> next() {
			return MOVES.from(this);
		}

		/**
		 * Still the village's to correct: a draft, one the village agreed but has not submitted (its data, as the
		 * integrity checks ask), or one Dinsos returned.
		 */
		public boolean editable() {
			return this == DRAFT || this == AGREED || this == RETURNED;
		}

		/** The ministry answered: nothing moves any more. */
		public boolean decided() {
			return this == INCLUDED || this == NOT_INCLUDED || this == EXCLUDED;
		}

		/** Nothing moves any more: decided by the ministry, or withdrawn by the village. */
		public boolean closed() {
			return MOVES.isFinal(this);
		}
	}

	/** A step of the usulan's history: the status reached (or kept), when, by whom, why. */
	record Step(Status status, Instant at, UUID by, String note) {
	}

	private final UUID id;

	private final Kind kind;

	private final String villageCode;

	private final UUID householdId;

	private final UUID personId;

	private final Source source;

	private final UUID sourceId;

	private final int version;

	private final boolean recorded;

	private UUID cycleId;

	private Status status;

	private String reason;

	private String changes;

	private String returnReason;

	private Integer resultDesil;

	private String resultCode;

	private String resultReason;

	private final List<Step> steps = new ArrayList<>();

	/** An usulan as it is stored ({@code changes} decrypted), loaded under its row lock to change it. */
	Usulan(UUID id, Kind kind, Status status, String villageCode, UUID cycleId, UUID householdId, UUID personId,
			String reason, String changes, Source source, UUID sourceId, String returnReason, Integer resultDesil,
			String resultCode, String resultReason, int version) {
		this.id = id;
		this.kind = kind;
		this.status = status;
		this.villageCode = villageCode;
		this.cycleId = cycleId;
		this.householdId = householdId;
		this.personId = personId;
		this.reason = reason;
		this.changes = changes;
		this.source = source;
		this.sourceId = sourceId;
		this.returnReason = returnReason;
		this.resultDesil = resultDesil;
		this.resultCode = resultCode;
		this.resultReason = resultReason;
		this.version = version;
		this.recorded = true;
	}

	/** A new usulan, a draft of the village's current cycle; {@code changes} is its checked JSON. */
	static Usulan propose(UUID id, Kind kind, String villageCode, UUID cycleId, UUID householdId, UUID personId,
			String reason, String changes, Source source, UUID sourceId, UUID by, Instant at) {
		Usulan usulan = new Usulan(id, kind, villageCode, cycleId, householdId, personId, reason, changes, source,
				sourceId);
		usulan.steps.add(new Step(Status.DRAFT, at, by, null));
		usulan.register(new UsulanProposed(id, villageCode, kind.name(), source.name(), sourceId, householdId, by, at));
		return usulan;
	}

	private Usulan(UUID id, Kind kind, String villageCode, UUID cycleId, UUID householdId, UUID personId,
			String reason, String changes, Source source, UUID sourceId) {
		this.id = id;
		this.kind = kind;
		this.status = Status.DRAFT;
		this.villageCode = villageCode;
		this.cycleId = cycleId;
		this.householdId = householdId;
		this.personId = personId;
		this.reason = reason;
		this.changes = changes;
		this.source = source;
		this.sourceId = sourceId;
		this.version = 0;
		this.recorded = false;
	}

	/**
	 * The village corrects an usulan it has not submitted, or one Dinsos returned: its reason and changes. A
	 * returned one is a draft again (to be agreed anew); an agreed one stays agreed when the operator corrects its
	 * data (a NIK, a birth date), and is a draft again when the correction is {@code substantive} (other persons,
	 * another programme or reason: not what the musdes agreed). Anything else answers 409
	 * {@code USULAN_NOT_EDITABLE}.
	 */
	void correct(String newReason, String newChanges, boolean substantive, UUID by, Instant at) {
		if (!status.editable()) {
			throw refused("USULAN_NOT_EDITABLE");
		}
		if (newReason.equals(reason) && newChanges.equals(changes)) {
			return;
		}
		this.reason = newReason;
		this.changes = newChanges;
		String note = "diperbaiki";
		if (status == Status.RETURNED) {
			status = Status.DRAFT;
		}
		else if (status == Status.AGREED && substantive) {
			// the musdes agreed these persons and this request: another one is the village's to agree again
			status = Status.DRAFT;
			note = "diubah setelah disepakati; perlu disepakati lagi";
		}
		steps.add(new Step(status, at, by, note));
		register(new UsulanCorrected(id, villageCode, source.name(), sourceId, status.name(), by, at));
	}

	/**
	 * The village withdraws it before it goes to Dinsos (a duplicate, a family that moved away before the musdes),
	 * with the reason; 409 {@code USULAN_NOT_WITHDRAWABLE} once submitted.
	 */
	void withdraw(UUID by, Instant at, String why) {
		move(Status.WITHDRAWN, "USULAN_NOT_WITHDRAWABLE");
		steps.add(new Step(Status.WITHDRAWN, at, by, why));
		register(new UsulanWithdrawn(id, villageCode, source.name(), sourceId, why, by, at));
	}

	/** The village agreed it: at its musdes (named in {@code note}) or under an SPTJM. */
	void agree(UUID by, Instant at, String note) {
		move(Status.AGREED, "USULAN_NOT_DRAFT");
		steps.add(new Step(Status.AGREED, at, by, note));
		register(new UsulanAgreed(id, villageCode, source.name(), sourceId, by, at));
	}

	/** The village operator submits it to Dinsos. */
	void submit(UUID by, Instant at) {
		move(Status.SUBMITTED, "USULAN_NOT_AGREED");
		steps.add(new Step(Status.SUBMITTED, at, by, null));
		register(new UsulanSubmitted(id, villageCode, source.name(), sourceId, by, at));
	}

	/** Dinsos returns it to the village for correction, with a reason the village reads. */
	void returnForCorrection(UUID by, Instant at, String why) {
		move(Status.RETURNED, "USULAN_NOT_SUBMITTED");
		this.returnReason = why;
		steps.add(new Step(Status.RETURNED, at, by, why));
		register(new UsulanReturned(id, villageCode, source.name(), sourceId, why, by, at));
	}

	/** Dinsos endorses it (pengesahan). */
	void endorse(UUID by, Instant at) {
		move(Status.ENDORSED, "USULAN_NOT_SUBMITTED");
		steps.add(new Step(Status.ENDORSED, at, by, null));
		register(new UsulanEndorsed(id, villageCode, source.name(), sourceId, by, at));
	}

	/** Dinsos sends it to the ministry (entered into its system). */
	void send(UUID by, Instant at) {
		move(Status.SENT, "USULAN_NOT_ENDORSED");
		steps.add(new Step(Status.SENT, at, by, null));
		register(new UsulanSent(id, villageCode, source.name(), sourceId, by, at));
	}

	/**
	 * The ministry's result: INCLUDED with a desil, NOT_INCLUDED, or EXCLUDED with a code and reason. Only for
	 * an usulan sent to it (409 {@code USULAN_NOT_SENT}).
	 */
	void decide(Status result, Integer desil, String code, String why, UUID by, Instant at) {
		if (!result.decided()) {
			throw new IllegalArgumentException("Not a result: " + result);
		}
		move(result, "USULAN_NOT_SENT");
		this.resultDesil = desil;
		this.resultCode = code;
		this.resultReason = why;
		steps.add(new Step(result, at, by, code == null ? why : why == null ? code : code + ": " + why));
		register(new UsulanDecided(id, villageCode, source.name(), sourceId, result.name(), desil, by, at));
	}

	/** A late usulan moves to the next cycle, with a note on its history; its status stays. */
	void moveToCycle(UUID next, UUID by, Instant at, String note) {
		if (next.equals(cycleId)) {
			return;
		}
		this.cycleId = next;
		steps.add(new Step(status, at, by, note));
	}

	/**
	 * The field check of a sanggah: a PSM visited and found the recipient eligible or not ({@code content} is the
	 * usulan's content with the check written in). Only a sanggah (409 {@code USULAN_NOT_SANGGAH}), and only
	 * while it is the village's or Dinsos' to decide (409 {@code USULAN_NOT_EDITABLE} once endorsed).
	 */
	void recordFieldCheck(boolean eligible, String content, UUID by, Instant at, String note) {
		if (kind != Kind.SANGGAH) {
			throw refused("USULAN_NOT_SANGGAH");
		}
		if (!status.editable() && status != Status.SUBMITTED) {
			throw refused("USULAN_NOT_EDITABLE");
		}
		this.changes = content;
		steps.add(new Step(status, at, by, (eligible ? "Cek lapangan: layak" : "Cek lapangan: tidak layak")
				+ (note == null ? "" : " — " + note)));
	}

	private void move(Status next, String refusal) {
		if (!status.mayMoveTo(next)) {
			throw refused(refusal);
		}
		status = next;
	}

	private static ConflictException refused(String code) {
		return new ConflictException(FieldProblem.of("status", code));
	}

	/** The steps noted since it was loaded, in order; the aggregate forgets them once they are written. */
	List<Step> takeSteps() {
		List<Step> taken = List.copyOf(steps);
		steps.clear();
		return taken;
	}

	UUID id() {
		return id;
	}

	Kind kind() {
		return kind;
	}

	Status status() {
		return status;
	}

	String villageCode() {
		return villageCode;
	}

	UUID cycleId() {
		return cycleId;
	}

	UUID householdId() {
		return householdId;
	}

	UUID personId() {
		return personId;
	}

	String reason() {
		return reason;
	}

	String changes() {
		return changes;
	}

	Source source() {
		return source;
	}

	UUID sourceId() {
		return sourceId;
	}

	String returnReason() {
		return returnReason;
	}

	Integer resultDesil() {
		return resultDesil;
	}

	String resultCode() {
		return resultCode;
	}

	String resultReason() {
		return resultReason;
	}

	int version() {
		return version;
	}

	boolean recorded() {
		return recorded;
	}
}
