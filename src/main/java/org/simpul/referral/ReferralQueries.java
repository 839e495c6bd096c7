package org.simpul.referral;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
import org.simpul.shared.CrockfordCodes;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.database.WorkScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What may be read of referrals, and by whom: a referral as its viewer may see it, the lists (the receiving
 * agency's inbox, the territorial staff's list, overdue and escalated ones), the district overview per agency,
 * the public check of a letter's code, and the data protection officer's view with the agency's reads. A read
 * by the receiving agency is recorded (need-to-know). The decisions are {@link Referrals}'.
 */
@Service
public class ReferralQueries {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegionTime time;

	private final ProviderDirectory providers;

	private final UserLookup users;

	ReferralQueries(JdbcClient jdbc, Clock clock, RegionTime time, ProviderDirectory providers, UserLookup users) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
		this.providers = providers;
		this.users = users;
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

	/** A referral row as the reads and the checks before a change need it. */
	record Row(UUID id, UUID complaintId, String ticketNumber, String category, String villageCode,
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

	/** Today in the zone of the referral's village (WIB, WITA or WIT). */
	private LocalDate today(String villageCode) {
		return time.today(villageCode);
	}

	/** What anyone holding a referral letter may confirm with its code: no personal data. */
	public record Verification(String ticketNumber, String providerName, String agencyName, Instant sentAt,
			LocalDate dueDate, Status status) {
	}

	/** The referral a letter's verification code belongs to, as far as the public may know it. */
	public Optional<Verification> verify(String typedCode) {
		String code = CrockfordCodes.canonical(typedCode, Referrals.VERIFICATION_LENGTH);
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
	Optional<Row> visible(CurrentUser actor, UUID id) {
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

	/** The referral with its steps and escalations, whoever asks (the caller checked who may see it). */
	Optional<ReferralView> find(UUID id) {
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
