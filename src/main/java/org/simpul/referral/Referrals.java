package org.simpul.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.UserLookup;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.directory.ProviderDirectory;
import org.simpul.referral.Referral.Status;
import org.simpul.region.RegionCode;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.CrockfordCodes;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.Texts;
import org.simpul.shared.database.WorkScope;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
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

	public record Step(Status status, Instant at, String note) {
	}

	/** An overdue referral brought to the supervisor's (SUPERVISOR) or the manager's (MANAGER) attention. */
	public record Escalation(String level, Instant at) {
	}

	public record ReferralView(UUID id, UUID complaintId, String ticketNumber, String category, String villageCode,
			UUID providerId, String providerName, String agencyName, Status status, String reason, LocalDate dueDate,
			boolean overdue, String outcome, String rejectionReason, String declineReason, Instant recommendedAt,
			Instant sentAt, String verificationCode, List<Step> steps, List<Escalation> escalations, int version) {
	}

	private record Row(UUID id, UUID complaintId, String ticketNumber, String category, String villageCode,
			UUID providerId, String providerName, String agencyName, UUID agencyId, Status status, String reason,
			LocalDate dueDate, String outcome, String rejectionReason, String declineReason, Instant recommendedAt,
			Instant sentAt, String verificationCode, int version) {
	}

	private static final String COLUMNS = """
			select r.id, r.complaint_id, c.ticket_number, c.category, r.village_code, r.provider_id,
			       p.name as provider_name, a.name as agency_name, r.agency_id, r.status, r.reason, r.due_date,
			       r.outcome, r.rejection_reason, r.decline_reason, r.recommended_at, r.sent_at,
			       r.verification_code, r.version
			from referral r join complaint_reference c on c.id = r.complaint_id
			join provider_reference p on p.id = r.provider_id join agency_reference a on a.id = r.agency_id
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ComplaintQueries complaints;

	private final ReferralStore store;

	private final DomainEvents events;

	private final ProviderDirectory providers;

	private final RegistryRestrictions restrictions;

	private final RegionTime time;

	private final UserLookup users;

	Referrals(JdbcClient jdbc, Clock clock, RegionTime time, ComplaintQueries complaints, ReferralStore store,
			DomainEvents events, ProviderDirectory providers, RegistryRestrictions restrictions,
			UserLookup users) {
		this.users = users;
		this.time = time;
		this.restrictions = restrictions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.complaints = complaints;
		this.store = store;
		this.events = events;
		this.providers = providers;
	}

	/** Today in the zone of the referral's village (WIB, WITA or WIT). */
	private LocalDate today(String villageCode) {
		return time.today(villageCode);
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
		return find(id).orElseThrow();
	}

	/**
	 * Decides a recommended referral and sends it: by a supervisor or manager of the case's territory. The due
	 * date is the one given now, else the one recommended (if not past), else the provider's default from
	 * today. A referral that is no longer recommended answers 409.
	 */
	@Transactional
	public ReferralView approve(CurrentUser actor, UUID id, LocalDate dueDate) {
		Row row = decidable(actor, id);
		if (dueDate != null && !dueDateInRange(dueDate, row.villageCode())) {
			throw new InvalidInputException(FieldProblem.of("dueDate", "DUE_DATE_OUT_OF_RANGE"));
		}
		Referral referral = locked(id);
		LocalDate due = dueDate != null ? dueDate
				: row.dueDate() != null && !row.dueDate().isBefore(today(row.villageCode())) ? row.dueDate() : null;
		referral.send(actor.id(), clock.instant(),
				dueOrDefault(due, providers.provider(row.providerId()).orElseThrow().defaultDueDays(), row.villageCode()),
				letterCode());
		return saved(referral);
	}

	/** Declines a recommended referral with a reason: by a supervisor or manager of the case's territory. */
	@Transactional
	public ReferralView decline(CurrentUser actor, UUID id, String reason) {
		Row row = decidable(actor, id);
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
		Row row = visible(actor, id).filter(r -> !actor.may(Action.REFERRAL_RECEIVE))
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

	private Row decidable(CurrentUser actor, UUID id) {
		Row row = visible(actor, id).orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_DECIDE)) {
			throw new AccessDeniedException("Referrals are decided by supervisors and managers, not " + actor.role());
		}
		return row;
	}

	private boolean dueDateInRange(LocalDate due, String villageCode) {
		LocalDate today = today(villageCode);
		return !due.isBefore(today) && !due.isAfter(today.plusDays(365));
	}

	/** The due date a sent referral gets: the one decided, else the provider's default from the village's today. */
	private LocalDate dueOrDefault(LocalDate decided, int defaultDueDays, String villageCode) {
		return decided != null ? decided : today(villageCode).plusDays(defaultDueDays);
	}

	/** A new code for the referral letter's verification QR. */
	private static String letterCode() {
		return CrockfordCodes.generate(VERIFICATION_LENGTH);
	}

	@Transactional
	public ReferralView accept(CurrentUser actor, UUID id) {
		Row row = receivable(actor, id);
		Referral referral = locked(row.id());
		referral.accept(actor.id(), clock.instant());
		return saved(referral);
	}

	@Transactional
	public ReferralView reject(CurrentUser actor, UUID id, String reason) {
		Row row = receivable(actor, id);
		String text = Texts.required("reason", reason, 2000);
		Referral referral = locked(row.id());
		referral.reject(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	@Transactional
	public ReferralView complete(CurrentUser actor, UUID id, String outcome) {
		Row row = receivable(actor, id);
		String text = Texts.required("outcome", outcome, 2000);
		Referral referral = locked(row.id());
		referral.complete(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	/** What anyone holding a referral letter may confirm with its code: no personal data. */
	public record Verification(String ticketNumber, String providerName, String agencyName, Instant sentAt,
			LocalDate dueDate, Status status) {
	}

	/** The referral a letter's verification code belongs to, as far as the public may know it. */
	public Optional<Verification> verify(String typedCode) {
		String code = CrockfordCodes.canonical(typedCode, VERIFICATION_LENGTH);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		// the public page: whoever holds the letter, signed in or not, checks it
		return WorkScope.everywhere(() -> jdbc.sql("""
				select c.ticket_number, p.name as provider_name, a.name as agency_name, r.sent_at, r.due_date, r.status
				from referral r join complaint_reference c on c.id = r.complaint_id
				join provider_reference p on p.id = r.provider_id join agency_reference a on a.id = r.agency_id
				where r.verification_code = :code""")
			.param("code", code)
			.query(Verification.class)
			.optional());
	}

	/** One agency's referrals from the user's territory: open (sent or accepted), overdue among them, done. */
	public record AgencyCount(UUID agencyId, String agencyName, long recommended, long open, long overdue,
			long completed, long rejected) {
	}

	/**
	 * The district overview: per receiving agency, the referrals of cases in the user's territory that are
	 * open, overdue, completed and rejected; the agencies with the most overdue first.
	 */
	public List<AgencyCount> overview(CurrentUser actor) {
		if (!actor.may(Action.REFERRAL_READ)) {
			throw new AccessDeniedException("The referral overview is not for " + actor.role());
		}
		String today = RegionTime.sqlToday("r.village_code");
		return actor.territory().sql(jdbc, "select a.id as agency_id, a.name as agency_name,"
				+ " count(*) filter (where r.status = 'RECOMMENDED') as recommended,"
				+ " count(*) filter (where r.status in ('SENT', 'ACCEPTED')) as open,"
				+ " count(*) filter (where r.status in ('SENT', 'ACCEPTED') and r.due_date < " + today + ") as overdue,"
				+ " count(*) filter (where r.status = 'COMPLETED') as completed,"
				+ " count(*) filter (where r.status = 'REJECTED') as rejected"
				+ " from referral r join agency_reference a on a.id = r.agency_id where in_territory(r.village_code)"
				+ """
				 group by a.id, a.name order by overdue desc, open desc, a.name""")
			.params(time.sqlTodayParameters())
			.query(AgencyCount.class)
			.list();
	}

	/** Whether the user sends referrals (the back office, supervisors and managers). */
	public static boolean maySend(CurrentUser user) {
		return user.may(Action.REFERRAL_SEND);
	}

	/** Whether the user has a referral inbox or list: programme managers and territorial staff. */
	public static boolean mayRead(CurrentUser user) {
		return user.may(Action.REFERRAL_RECEIVE) || user.may(Action.REFERRAL_READ);
	}

	/** The referrals of one complaint the user may see, newest first. */
	public List<ReferralView> ofComplaint(CurrentUser actor, UUID complaintId) {
		return jdbc.sql("select id from referral where complaint_id = :id order by recommended_at desc")
			.param("id", complaintId)
			.query(UUID.class)
			.list()
			.stream()
			.map(id -> referral(actor, id))
			.flatMap(Optional::stream)
			.toList();
	}

	/**
	 * Withdraws a referral that is still open (recommended, sent or accepted): by the senders of its
	 * territory, with a reason; the complaint stays where it is.
	 */
	@Transactional
	public ReferralView cancel(CurrentUser actor, UUID id, String reason) {
		Row row = visible(actor, id).filter(r -> !actor.may(Action.REFERRAL_RECEIVE))
			.orElseThrow(() -> new NotFoundException("Referral"));
		if (!actor.may(Action.REFERRAL_SEND)) {
			throw new AccessDeniedException("Referrals are withdrawn by their senders, not by " + actor.role());
		}
		String text = Texts.required("reason", reason, 2000);
		Referral referral = locked(row.id());
		referral.cancel(actor.id(), clock.instant(), text);
		return saved(referral);
	}

	/**
	 * For the data protection officer: the referrals of a complaint the officer found through
	 * {@code ComplaintQueries.aboutPerson} (territory checked there), with the receiving agency's reads of
	 * each. Nobody else.
	 */
	public List<ReferralView> forDataSubject(CurrentUser dpo, UUID complaintId) {
		dpo.requireDataProtectionOfficer();
		return jdbc.sql("select id from referral where complaint_id = :id order by recommended_at, id")
			.param("id", complaintId)
			.query(UUID.class)
			.list()
			.stream()
			.map(this::find)
			.flatMap(Optional::stream)
			.toList();
	}

	/** Who at the receiving agency saw a referral, and when (for the data protection officer). */
	public record AgencyRead(UUID referralId, String username, Instant at, String via) {
	}

	public List<AgencyRead> agencyReads(CurrentUser dpo, UUID referralId) {
		dpo.requireDataProtectionOfficer();
		record Read(UUID referralId, UUID userId, Instant at, String via) {
		}
		// the reader's username through the access module's API (its table is not this module's to read)
		Map<UUID, String> usernames = new HashMap<>();
		return jdbc.sql("select referral_id, user_id, at, via from referral_read where referral_id = :id order by at, id")
			.param("id", referralId)
			.query(Read.class)
			.list()
			.stream()
			.map(read -> new AgencyRead(read.referralId(), usernames.computeIfAbsent(read.userId(),
					user -> users.byId(user).map(UserLookup.Found::username).orElse(null)), read.at(), read.via()))
			.toList();
	}

	/** A referral the user may see, as they may see it; empty (404) otherwise. */
	public Optional<ReferralView> referral(CurrentUser actor, UUID id) {
		Optional<ReferralView> view = visible(actor, id).flatMap(row -> find(row.id()));
		view.ifPresent(v -> recordRead(actor, List.of(v.id()), "DETAIL"));
		return view;
	}

	/** A read by the receiving agency is recorded (need-to-know); staff reads are not referral reads. */
	private void recordRead(CurrentUser actor, List<UUID> ids, String via) {
		if (!actor.may(Action.REFERRAL_RECEIVE) || ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into referral_read (referral_id, user_id, at, via)
				select id, :user, :now, :via from unnest(cast(:ids as uuid[])) as id""")
			.param("user", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("via", via)
			.param("ids", ids.toArray(UUID[]::new))
			.update();
	}

	/** Referrals the user may see, newest first: by status, and only those past their due date if asked. */
	public PageResponse<ReferralView> list(CurrentUser actor, Status status, boolean overdue, PageRequest page) {
		return list(actor, status, overdue, false, page);
	}

	/**
	 * The open referrals escalated to the user (a supervisor: to supervisors, a manager: to managers) in their
	 * territory: what the overdue scan has told them to chase, until the agency answers.
	 */
	public long escalatedToCount(CurrentUser actor) {
		if (!actor.may(Action.REFERRAL_DECIDE)) {
			return 0;
		}
		return list(actor, null, false, true, new PageRequest(0, 1)).page().totalElements();
	}

	/**
	 * Referrals the user may see, newest first: by status, only those past their due date if asked, only the
	 * open ones escalated (to the user's level, for supervisors and managers) if asked.
	 */
	public PageResponse<ReferralView> list(CurrentUser actor, Status status, boolean overdue, boolean escalated,
			PageRequest page) {
		String scope;
		Function<String, StatementSpec> statement;
		if (actor.may(Action.REFERRAL_RECEIVE)) {
			// only what was sent: a recommendation withdrawn before anyone decided it never reached the agency
			scope = "r.agency_id = :agency and r.status not in ('RECOMMENDED', 'DECLINED') and r.verification_code is not null";
			UUID agency = providers.agencyOf(actor.id()).map(ProviderDirectory.Agency::id).orElse(null);
			if (agency == null) {
				return PageResponse.of(List.of(), page, 0);
			}
			statement = sql -> jdbc.sql(sql).param("agency", agency);
		}
		else if (actor.may(Action.REFERRAL_READ)) {
			scope = "in_territory(r.village_code)";
			statement = sql -> actor.territory().sql(jdbc, sql);
		}
		else {
			throw new AccessDeniedException("Referrals are not for " + actor.role());
		}
		String where = " where " + scope
				+ " and (cast(:status as text) is null or r.status = :status)"
				+ (overdue ? " and r.status in ('SENT', 'ACCEPTED') and r.due_date < " + RegionTime.sqlToday("r.village_code") : "")
				+ (escalated ? " and r.status in ('SENT', 'ACCEPTED') and exists (select 1 from referral_escalation e"
						+ " where e.referral_id = r.id" + switch (actor.role()) {
							case SUPERVISOR -> " and e.level = 'SUPERVISOR')";
							case MANAGER -> " and e.level = 'MANAGER')";
							default -> ")";
						} : "");
		long total = statement.apply("select count(*) from referral r" + where)
			.param("status", status == null ? null : status.name())
			.params(time.sqlTodayParameters())
			.query(Long.class)
			.single();
		List<ReferralView> content = statement
			.apply(COLUMNS + where + " order by r.recommended_at desc, r.id limit :limit offset :offset")
			.param("status", status == null ? null : status.name())
			.params(time.sqlTodayParameters())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Row.class)
			.list()
			.stream()
			.map(row -> view(row, List.of()))
			.toList();
		if (!content.isEmpty()) {
			record Escalated(UUID referralId, String level, Instant escalatedAt) {
			}
			Map<UUID, List<Escalation>> escalations = jdbc.sql("""
					select referral_id, level, escalated_at from referral_escalation where referral_id in (:ids)
					order by escalated_at, level desc""")
				.param("ids", content.stream().map(ReferralView::id).toList())
				.query(Escalated.class)
				.list()
				.stream()
				.collect(Collectors.groupingBy(Escalated::referralId,
						Collectors.mapping(e -> new Escalation(e.level(), e.escalatedAt()),
								Collectors.toList())));
			content = content.stream()
				.map(v -> new ReferralView(v.id(), v.complaintId(), v.ticketNumber(), v.category(), v.villageCode(),
						v.providerId(), v.providerName(), v.agencyName(), v.status(), v.reason(), v.dueDate(), v.overdue(),
						v.outcome(), v.rejectionReason(), v.declineReason(), v.recommendedAt(), v.sentAt(),
						v.verificationCode(), v.steps(),
						escalations.getOrDefault(v.id(), List.of()),
						v.version()))
				.toList();
		}
		recordRead(actor, content.stream().map(ReferralView::id).toList(), "LIST");
		return PageResponse.of(content, page, total);
	}

	/** The referral if the user may see it: its agency's programme manager, or staff of its village's territory. */
	private Optional<Row> visible(CurrentUser actor, UUID id) {
		// a role that reads no referral (the data protection officer reads them through a person's export) is
		// refused as such, wherever the referral lies
		if (!actor.may(Action.REFERRAL_RECEIVE) && !actor.may(Action.REFERRAL_READ)) {
			throw new AccessDeniedException("Referrals are not for " + actor.role());
		}
		Optional<Row> row = jdbc.sql(COLUMNS + " where r.id = :id").param("id", id).query(Row.class).optional();
		return row.filter(r -> actor.may(Action.REFERRAL_RECEIVE)
				? r.status() != Status.RECOMMENDED && r.status() != Status.DECLINED && r.verificationCode() != null
						&& providers.agencyOf(actor.id()).map(a -> a.id().equals(r.agencyId())).orElse(false)
				: actor.may(Action.REFERRAL_READ) && actor.covers(RegionCode.of(r.villageCode())));
	}

	/** The referral for an action of the receiving agency: its programme managers only; 403 for staff who see it. */
	private Row receivable(CurrentUser actor, UUID id) {
		Row row = visible(actor, id).orElseThrow(() -> new NotFoundException("Referral"));
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
		return find(referral.id()).orElseThrow();
	}

	private Optional<ReferralView> find(UUID id) {
		return jdbc.sql(COLUMNS + " where r.id = :id").param("id", id).query(Row.class).optional()
			.map(row -> view(row, jdbc.sql("select status, at, note from referral_step where referral_id = :id order by at, id")
				.param("id", id).query(Step.class).list(),
					jdbc.sql("select level, escalated_at as at from referral_escalation where referral_id = :id"
							+ " order by escalated_at, level desc")
						.param("id", id).query(Escalation.class).list()));
	}

	private ReferralView view(Row r, List<Step> steps) {
		return view(r, steps, List.of());
	}

	private ReferralView view(Row r, List<Step> steps, List<Escalation> escalations) {
		boolean open = r.status() == Status.SENT || r.status() == Status.ACCEPTED;
		return new ReferralView(r.id(), r.complaintId(), r.ticketNumber(), r.category(), r.villageCode(), r.providerId(),
				r.providerName(), r.agencyName(), r.status(), r.reason(), r.dueDate(),
				open && r.dueDate().isBefore(today(r.villageCode())), r.outcome(), r.rejectionReason(), r.declineReason(),
				r.recommendedAt(), r.sentAt(), r.verificationCode(), steps, escalations, r.version());
	}
}
