package org.simpul.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.directory.ProviderDirectory;
import org.simpul.referral.ReferralQueries.ReferralView;
import org.simpul.region.RegionCode;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.CrockfordCodes;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.Texts;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals: the back office, supervisor or manager sends a complaint's case to a
 * provider that serves its village, with a due date (the provider's default unless given); the receiving
 * agency's programme managers accept it, reject it with a reason, or complete it with an outcome. The
 * complaint follows (referred, in progress, resolved), and so does the citizen's tracking page.
 *
 * <p>Who sees a referral: the programme managers of the receiving agency (that one referral, wherever its
 * village), and the territorial staff whose territory holds the case's village. Anyone else gets 404; staff
 * who see it but may not act on it get 403.
 */
@Service
public class Referrals {

	/** The letter's verification code: 10 characters, 50 random bits; guessing one is hopeless. */
	static final int VERIFICATION_LENGTH = 10;

	/** A referral to make; {@code id} is the client's choice, or null for a new one. */
	public record NewReferral(UUID id, UUID complaintId, UUID providerId, String reason, LocalDate dueDate) {
	}

	private final Clock clock;

	private final ComplaintQueries complaints;

	private final ReferralStore store;

	private final DomainEvents events;

	private final ProviderDirectory providers;

	private final RegistryRestrictions restrictions;

	private final RegionTime time;

	private final ReferralQueries queries;

	Referrals(Clock clock, RegionTime time, ComplaintQueries complaints, ReferralStore store,
			DomainEvents events, ProviderDirectory providers, RegistryRestrictions restrictions,
			ReferralQueries queries) {
		this.queries = queries;
		this.time = time;
		this.restrictions = restrictions;
		this.clock = clock;
		this.complaints = complaints;
		this.store = store;
		this.events = events;
		this.providers = providers;
	}

	/**
	 * Starts a referral of a complaint's case to a provider serving its village. From the back office it is a
	 * recommendation awaiting a decision; from a supervisor or manager it is decided and sent at once, and
	 * the complaint becomes REFERRED.
	 */
	@Transactional
	public ReferralView send(CurrentUser actor, NewReferral referral) {
		if (!actor.may(Action.REFERRAL_SEND)) {
			throw new AccessDeniedException("Referrals are not sent by " + actor.role());
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (referral.complaintId() == null) {
			problems.add(FieldProblem.of("complaintId", "REQUIRED"));
		}
		if (referral.providerId() == null) {
			problems.add(FieldProblem.of("providerId", "REQUIRED"));
		}
		String reason = referral.reason() == null ? "" : referral.reason().strip();
		if (reason.isEmpty()) {
			problems.add(FieldProblem.of("reason", "REQUIRED"));
		}
		else if (reason.length() > 2000) {
			problems.add(FieldProblem.of("reason", "TEXT_TOO_LONG"));
		}
		// out of range wherever the village lies (before WIB's today, after WIT's in a year): said with the rest
		if (referral.dueDate() != null && !dueDateInRange(referral.dueDate(), null)
				&& !dueDateInRange(referral.dueDate(), "91")) {
			problems.add(FieldProblem.of("dueDate", "DUE_DATE_OUT_OF_RANGE"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ComplaintQueries.ComplaintRef complaint = complaints.reference(actor, referral.complaintId())
			.orElseThrow(() -> new NotFoundException("Complaint"));
		// today is the village's: in a WIT village it is tomorrow already at 22:00 WIB
		if (referral.dueDate() != null && !dueDateInRange(referral.dueDate(), complaint.villageCode())) {
			throw new InvalidInputException(FieldProblem.of("dueDate", "DUE_DATE_OUT_OF_RANGE"));
		}
		if (restrictions.isRestricted(complaint.subjectPersonId())) {
			throw new ConflictException(FieldProblem.of("complaintId", "SUBJECT_RESTRICTED"));
		}
		ProviderDirectory.Provider provider = providers.provider(referral.providerId())
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("providerId", "PROVIDER_UNKNOWN")));
		if (!providers.serves(provider.id(), RegionCode.of(complaint.villageCode()))) {
			throw new InvalidInputException(FieldProblem.of("providerId", "PROVIDER_NOT_SERVING"));
		}
		Instant now = clock.instant();
		Referral created = Referral.recommend(ClientIds.orNew(referral.id()), complaint.id(), provider.id(), provider.agency().id(),
				complaint.villageCode(), reason, referral.dueDate(), actor.id(), now);
		if (actor.may(Action.REFERRAL_DECIDE)) {
			store.insert(created);
			created.send(actor.id(), now, dueOrDefault(referral.dueDate(), provider.defaultDueDays(), complaint.villageCode()),
					letterCode());
			store.save(created);
		}
		else {
			created.noteRecommended();
			store.insert(created);
		}
		events.publish(created);
		UUID id = created.id();
		return queries.find(id).orElseThrow();
	}

	/**
	 * Decides a recommended referral and sends it: by a supervisor or manager of the case's territory. The due
	 * date is the one given now, else the one recommended (if not past), else the provider's default from
	 * today. A referral that is no longer recommended answers 409.
	 */
	@Transactional
	public ReferralView approve(CurrentUser actor, UUID id, LocalDate dueDate) {
		ReferralQueries.Row row = decidable(actor, id);
		if (dueDate != null && !dueDateInRange(dueDate, row.villageCode())) {
			throw new InvalidInputException(FieldProblem.of("dueDate", "DUE_DATE_OUT_OF_RANGE"));
		}
		Referral referral = locked(id);
		LocalDate due = dueDate != null ? dueDate
				: row.dueDate() != null && !row.dueDate().isBefore(time.today(row.villageCode())) ? row.dueDate() : null;
		referral.send(actor.id(), clock.instant(),
				dueOrDefault(due, providers.provider(row.providerId()).orElseThrow().defaultDueDays(), row.villageCode()),
				letterCode());
		return saved(referral);
	}

	/** Declines a recommended referral with a reason: by a supervisor or manager of the case's territory. */
	@Transactional
	public ReferralView decline(CurrentUser actor, UUID id, String reason) {
		ReferralQueries.Row row = decidable(actor, id);
		String text = Texts.required("reason", reason, 2000);
		Referral referral = locked(row.id());
		referral.decline(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	/**
	 * Moves the due date of a referral not yet done (recommended, sent or accepted): by the senders of its
	 * territory, against the version they read ({@code If-Match}; a referral changed meanwhile answers 412).
	 */
	@Transactional
	public ReferralView changeDueDate(CurrentUser actor, UUID id, String ifMatch, LocalDate dueDate) {
		ReferralQueries.Row row = queries.visible(actor, id).filter(r -> !actor.may(Action.REFERRAL_RECEIVE))
			.orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_SEND)) {
			throw new AccessDeniedException("Due dates are set by the senders, not by " + actor.role());
		}
		if (dueDate == null) {
			throw new InvalidInputException(FieldProblem.of("dueDate", "REQUIRED"));
		}
		if (!dueDateInRange(dueDate, row.villageCode())) {
			throw new InvalidInputException(FieldProblem.of("dueDate", "DUE_DATE_OUT_OF_RANGE"));
		}
		Referral referral = locked(row.id());
		PreconditionFailedException.check(ifMatch, referral.version());
		referral.moveDueDate(actor.id(), clock.instant(), dueDate);
		return saved(referral);
	}

	/** Whether the user decides recommended referrals (supervisors and managers). */
	public static boolean mayDecide(CurrentUser user) {
		return user.may(Action.REFERRAL_DECIDE);
	}

	private ReferralQueries.Row decidable(CurrentUser actor, UUID id) {
		ReferralQueries.Row row = queries.visible(actor, id).orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_DECIDE)) {
			throw new AccessDeniedException("Referrals are decided by supervisors and managers, not " + actor.role());
		}
		return row;
	}

	private boolean dueDateInRange(LocalDate due, String villageCode) {
		LocalDate today = time.today(villageCode);
		return !due.isBefore(today) && !due.isAfter(today.plusDays(365));
	}

	/** The due date a sent referral gets: the one decided, else the provider's default from the village's today. */
	private LocalDate dueOrDefault(LocalDate decided, int defaultDueDays, String villageCode) {
		return decided != null ? decided : time.today(villageCode).plusDays(defaultDueDays);
	}

	/** A new code for the referral letter's verification QR. */
	private static String letterCode() {
		return CrockfordCodes.generate(VERIFICATION_LENGTH);
	}

	@Transactional
	public ReferralView accept(CurrentUser actor, UUID id) {
		ReferralQueries.Row row = receivable(actor, id);
		Referral referral = locked(row.id());
		referral.accept(actor.id(), clock.instant());
		return saved(referral);
	}

	@Transactional
	public ReferralView reject(CurrentUser actor, UUID id, String reason) {
		ReferralQueries.Row row = receivable(actor, id);
		String text = Texts.required("reason", reason, 2000);
		Referral referral = locked(row.id());
		referral.reject(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	@Transactional
	public ReferralView complete(CurrentUser actor, UUID id, String outcome) {
		ReferralQueries.Row row = receivable(actor, id);
		String text = Texts.required("outcome", outcome, 2000);
		Referral referral = locked(row.id());
		referral.complete(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	/** Whether the user sends referrals (the back office, supervisors and managers). */
	public static boolean maySend(CurrentUser user) {
		return user.may(Action.REFERRAL_SEND);
	}

	/** Whether the user has a referral inbox or list: programme managers and territorial staff. */
	public static boolean mayRead(CurrentUser user) {
		return user.may(Action.REFERRAL_RECEIVE) || user.may(Action.REFERRAL_READ);
	}

	/**
	 * Withdraws a referral that is still open (recommended, sent or accepted): by the senders of its
	 * territory, with a reason; the complaint stays where it is.
	 */
	@Transactional
	public ReferralView cancel(CurrentUser actor, UUID id, String reason) {
		ReferralQueries.Row row = queries.visible(actor, id).filter(r -> !actor.may(Action.REFERRAL_RECEIVE))
			.orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_SEND)) {
			throw new AccessDeniedException("Referrals are withdrawn by their senders, not by " + actor.role());
		}
		String text = Texts.required("reason", reason, 2000);
		Referral referral = locked(row.id());
		referral.cancel(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	/** The referral for an action of the receiving agency: its programme managers only; 403 for staff who see it. */
	private ReferralQueries.Row receivable(CurrentUser actor, UUID id) {
		ReferralQueries.Row row = queries.visible(actor, id).orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_RECEIVE)) {
			throw new AccessDeniedException("Only the receiving agency acts on a referral");
		}
		return row;
	}

	/** The referral, locked to be changed (it was found visible just before). */
	private Referral locked(UUID id) {
		return store.lock(id).orElseThrow(() -> new NotFoundException("Referral"));
	}

	/** Writes the referral's change, publishes its events in the same transaction, and shows the result. */
	private ReferralView saved(Referral referral) {
		store.save(referral);
		events.publish(referral);
		return queries.find(referral.id()).orElseThrow();
	}

}
