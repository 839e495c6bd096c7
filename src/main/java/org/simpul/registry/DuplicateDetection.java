package org.simpul.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.audit.AuditTrail;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds possible duplicate persons inside the caller's territory. Blocking keeps the comparisons few: pairs
 * that share a district and a birth date, a phonetic name key, birth year and regency, or a family card,
 * sex and a birth date within a year. Each pair is scored: Jaro-Winkler on the normalised names (60%),
 * birth date (25% equal, 10% same year), sex (15%). Pairs from {@value #THRESHOLD} up go to the review queue;
 * decided pairs are never proposed again. For supervisors, managers and administrators.
 */
@Service
public class DuplicateDetection {

	static final double THRESHOLD = 0.9;

	/** Joins a candidate {@code d} to its persons {@code pa}, {@code pb}; both must lie in {@code :territory}. */
	/**
	 * Both persons inside the caller's territory, and neither under a restriction of processing (UU PDP Pasal
	 * 41): a restricted person is never proposed, shown, kept or deleted by a merge (reviewers are never the
	 * data protection officer).
	 */
	private static final String BOTH_WITHIN = "join person pa on pa.id = d.person_a join person pb on pb.id = d.person_b"
			+ " where in_territory(pa.village_code) and in_territory(pb.village_code) and"
			+ " pa.restricted_since is null and pb.restricted_since is null";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final StoredIdentifiers stored;

	private final IdentifierRules identifiers;

	private final RegionCatalog regions;

	DuplicateDetection(JdbcClient jdbc, Clock clock, org.springframework.context.ApplicationEventPublisher events,
			AuditTrail audit, StoredIdentifiers stored, IdentifierRules identifiers,
			RegionCatalog regions) {
		this.identifiers = identifiers;
		this.regions = regions;
		this.stored = stored;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	public record Candidate(UUID id, UUID personA, String nameA, LocalDate birthDateA, UUID personB, String nameB,
			LocalDate birthDateB, double score, String blocks, String status) {
	}

	private record Pair(UUID a, UUID b, String nameA, String nameB, LocalDate birthA, LocalDate birthB, String sexA,
			String sexB, String blocks) {
	}

	static double score(String nameA, String nameB, LocalDate birthA, LocalDate birthB, String sexA, String sexB) {
		double score = 0.6 * JaroWinkler.similarity(nameA, nameB);
		if (birthA.equals(birthB)) {
			score += 0.25;
		}
		else if (birthA.getYear() == birthB.getYear()) {
			score += 0.1;
		}
		if (sexA.equals(sexB)) {
			score += 0.15;
		}
		return score;
	}

	/** Scans the caller's territory and queues new candidate pairs; answers how many were queued. */
	@Transactional
	public int scan(CurrentUser actor) {
		requireReviewer(actor);
		String scope = "(select p.id, p.name_key, p.phonetic_key, p.birth_date, p.sex, p.kk_index, p.village_code"
				+ " from person p where in_territory(p.village_code) and p.restricted_since is null)";
		String sql = "with scope as " + scope + """
				, pairs as (
				    select a.id as a, b.id as b, 'DISTRICT_BIRTH_DATE' as block from scope a join scope b
				      on left(a.village_code, 8) = left(b.village_code, 8) and a.birth_date = b.birth_date and a.id < b.id
				    union all
				    select a.id, b.id, 'PHONETIC_YEAR_REGENCY' from scope a join scope b
				      on a.phonetic_key = b.phonetic_key and date_part('year', a.birth_date) = date_part('year', b.birth_date)
				     and left(a.village_code, 5) = left(b.village_code, 5) and a.id < b.id
				    union all
				    select a.id, b.id, 'KK' from scope a join scope b
				      on a.kk_index = b.kk_index and a.sex = b.sex and abs(a.birth_date - b.birth_date) <= 366 and a.id < b.id),
				grouped as (select a, b, string_agg(distinct block, ',') as blocks from pairs group by a, b)
				select g.a, g.b, pa.name_key as name_a, pb.name_key as name_b, pa.birth_date as birth_a,
				       pb.birth_date as birth_b, pa.sex as sex_a, pb.sex as sex_b, g.blocks
				from grouped g join person pa on pa.id = g.a join person pb on pb.id = g.b
				where not exists (select 1 from duplicate_candidate d where d.person_a = g.a and d.person_b = g.b)""";
		List<Pair> pairs = actor.territory().sql(jdbc, sql).query(Pair.class).list();
		Timestamp now = Timestamp.from(clock.instant());
		int queued = 0;
		for (Pair pair : pairs) {
			double score = score(pair.nameA(), pair.nameB(), pair.birthA(), pair.birthB(), pair.sexA(), pair.sexB());
			if (score >= THRESHOLD) {
				queued += jdbc.sql("""
						insert into duplicate_candidate (id, person_a, person_b, score, blocks, status, found_at)
						values (:id, :a, :b, :score, :blocks, 'OPEN', :now) on conflict do nothing""")
					.param("id", UUID.randomUUID())
					.param("a", pair.a())
					.param("b", pair.b())
					.param("score", Math.round(score * 1000) / 1000.0)
					.param("blocks", pair.blocks())
					.param("now", now)
					.update();
			}
		}
		return queued;
	}

	/** The review queue: candidates whose two persons both lie in the caller's territory, best first. */
	public PageResponse<Candidate> candidates(CurrentUser actor, String status, PageRequest page) {
		requireReviewer(actor);
		String where = " from duplicate_candidate d " + BOTH_WITHIN + " and d.status = :status";
		long total = actor.territory().sql(jdbc, "select count(*) " + where)
			.param("status", status)
			.query(Long.class)
			.single();
		List<Candidate> content = actor.territory().sql(jdbc, """
				select d.id, d.person_a, pa.name as name_a, pa.birth_date as birth_date_a, d.person_b, pb.name as name_b,
				       pb.birth_date as birth_date_b, d.score, d.blocks, d.status""" + " " + where
				+ " order by d.score desc, d.found_at desc, d.id limit :limit offset :offset")
			.param("status", status)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Candidate.class)
			.list();
		// the review shows names and birth dates of both persons of each pair
		List<UUID> shown = content.stream().flatMap(c -> Stream.of(c.personA(), c.personB())).toList();
		if (!shown.isEmpty()) {
			audit.record(actor, AuditTrail.Action.SEARCH, "DUPLICATE_CANDIDATE", null, shown);
		}
		return PageResponse.of(content, page, total);
	}

	/**
	 * One person of a pair as a reviewer needs it to decide: the NIK and KK number as the reviewer's role may
	 * see them, village, household (relationship, the other current members) and birth date.
	 */
	public record Side(UUID id, String name, String nik, LocalDate birthDate, Sex sex, String villageCode,
			String villageName, String kkNumber, Relationship relationship, List<String> otherMembers) {

		/** "Dewi (Procot, lahir 1980)": which person a button keeps. */
		public String label() {
			return name + " (" + villageName + ", lahir " + birthDate.getYear() + ")";
		}
	}

	/** A pair with both persons in full and the reasons for its score, each a message code with its value. */
	public record Review(Candidate candidate, Side a, Side b, List<Reason> reasons) {
	}

	public record Reason(String code, Object value) {
	}

	/** The review queue with what a reviewer needs to decide each pair (the duplicate review page). */
	public PageResponse<Review> review(CurrentUser actor, PageRequest page) {
		PageResponse<Candidate> candidates = candidates(actor, "OPEN", page);
		List<Review> reviews = new ArrayList<>();
		List<UUID> shown = new ArrayList<>();
		for (Candidate c : candidates.content()) {
			Optional<Review> review = review(actor, c, shown);
			review.ifPresent(reviews::add);
		}
		if (!shown.isEmpty()) {
			// the other members' names are shown too
			audit.record(actor, AuditTrail.Action.READ, "DUPLICATE_CANDIDATE", null, shown);
		}
		return PageResponse.of(reviews, page, candidates.page().totalElements());
	}

	/** One pair of the caller's queue, for the merge's confirmation; empty when it is not theirs or decided. */
	public Optional<Review> review(CurrentUser actor, UUID id) {
		requireReviewer(actor);
		Optional<Candidate> candidate = actor.territory().sql(jdbc, """
				select d.id, d.person_a, pa.name as name_a, pa.birth_date as birth_date_a, d.person_b, pb.name as name_b,
				       pb.birth_date as birth_date_b, d.score, d.blocks, d.status from duplicate_candidate d""" + " "
				+ BOTH_WITHIN + " and d.id = :id and d.status = 'OPEN'")
			.param("id", id)
			.query(Candidate.class)
			.optional();
		List<UUID> shown = new ArrayList<>();
		Optional<Review> review = candidate.flatMap(c -> review(actor, c, shown));
		if (!shown.isEmpty()) {
			audit.record(actor, AuditTrail.Action.READ, "DUPLICATE_CANDIDATE", id, shown);
		}
		return review;
	}

	private Optional<Review> review(CurrentUser actor, Candidate c, List<UUID> shown) {
		Optional<Side> a = side(actor, c.personA(), shown);
		Optional<Side> b = side(actor, c.personB(), shown);
		if (a.isEmpty() || b.isEmpty()) {
			return Optional.empty();
		}
		List<Reason> reasons = new ArrayList<>();
		reasons.add(new Reason("duplicates.reason.name",
				Math.round(JaroWinkler.similarity(IndonesianNames.normalise(a.get().name()),
						IndonesianNames.normalise(b.get().name())) * 100)));
		if (a.get().birthDate().equals(b.get().birthDate())) {
			reasons.add(new Reason("duplicates.reason.sameBirthDate", null));
		}
		else if (a.get().birthDate().getYear() == b.get().birthDate().getYear()) {
			reasons.add(new Reason("duplicates.reason.sameBirthYear", null));
		}
		if (a.get().sex() == b.get().sex()) {
			reasons.add(new Reason("duplicates.reason.sameSex", null));
		}
		if (a.get().villageCode().equals(b.get().villageCode())) {
			reasons.add(new Reason("duplicates.reason.sameVillage", null));
		}
		if (a.get().kkNumber().equals(b.get().kkNumber())) {
			reasons.add(new Reason("duplicates.reason.sameHousehold", null));
		}
		return Optional.of(new Review(c, a.get(), b.get(), reasons));
	}

	private Optional<Side> side(CurrentUser actor, UUID personId, List<UUID> shown) {
		record Row(UUID id, UUID householdId, String name, String nik, LocalDate birthDate, Sex sex, String villageCode,
				String kk, Relationship relationship) {
		}
		Optional<Row> row = actor.territory().sql(jdbc, """
				select p.id, p.household_id, p.name, p.nik_cipher as nik, p.birth_date, p.sex, p.village_code,
				       h.kk_cipher as kk, p.relationship
				from person p join household h on h.id = p.household_id
				where p.id = :id and p.restricted_since is null and in_territory(p.village_code)""")
			.param("id", personId)
			.query(Row.class)
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		record Member(UUID id, String name) {
		}
		List<Member> others = jdbc.sql("""
				select id, name from person where household_id = :household and id <> :id and left_on is null
				  and restricted_since is null order by position""")
			.param("household", row.get().householdId())
			.param("id", personId)
			.query(Member.class)
			.list();
		shown.add(personId);
		others.forEach(m -> shown.add(m.id()));
		Row r = row.get();
		String village = regions.find(RegionCode.of(r.villageCode())).map(Region::name)
			.orElse(r.villageCode());
		return Optional.of(new Side(r.id(), r.name(), identifiers.shownTo(actor, stored.open(r.nik())), r.birthDate(),
				r.sex(), r.villageCode(), village, identifiers.shownTo(actor, stored.open(r.kk())), r.relationship(),
				others.stream().map(Member::name).toList()));
	}

	/** Remembers that the two persons are different people; the pair is not proposed again. */
	@Transactional
	public void dismiss(CurrentUser actor, UUID id) {
		requireReviewer(actor);
		boolean visible = actor.territory().sql(jdbc, """
				select count(*) from duplicate_candidate d""" + " " + BOTH_WITHIN + " and d.id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
		if (!visible) {
			throw new NotFoundException("Duplicate candidate");
		}
		jdbc.sql("""
				update duplicate_candidate set status = 'DISMISSED', decided_at = :now, decided_by = :by
				where id = :id and status = 'OPEN'""")
			.param("now", Timestamp.from(clock.instant()))
			.param("by", actor.id())
			.param("id", id)
			.update();
	}

	/**
	 * Merges a candidate pair into the person to {@code keep}: the other person's programme memberships move
	 * to the kept one (those the kept person already holds become inactive), both households record the merge
	 * in their history, the other person is removed, and a household left empty goes with its household
	 * programmes moved too. A head of a household with other members cannot be the one removed.
	 */
	@Transactional
	public void merge(CurrentUser actor, UUID id, UUID keep) {
		requireReviewer(actor);
		record Pair(UUID personA, UUID personB) {
		}
		Pair pair = actor.territory().sql(jdbc, "select d.person_a, d.person_b from duplicate_candidate d " + BOTH_WITHIN
				+ " and d.id = :id and d.status = 'OPEN' for update of d")
			.param("id", id)
			.query(Pair.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Duplicate candidate"));
		if (keep == null || (!keep.equals(pair.personA()) && !keep.equals(pair.personB()))) {
			throw new InvalidInputException(FieldProblem.of("keep", "NOT_IN_PAIR"));
		}
		UUID drop = keep.equals(pair.personA()) ? pair.personB() : pair.personA();
		record Person(UUID householdId, String relationship, String nik) {
		}
		Person dropped = jdbc.sql("select household_id, relationship, nik_cipher as nik from person where id = :id")
			.param("id", drop).query(Person.class).single();
		UUID keptHousehold = jdbc.sql("select household_id from person where id = :id").param("id", keep)
			.query(UUID.class).single();
		long others = jdbc.sql("select count(*) from person where household_id = :h and id <> :id")
			.param("h", dropped.householdId()).param("id", drop).query(Long.class).single();
		if (dropped.relationship().equals("HEAD") && others > 0) {
			throw new InvalidInputException(
					FieldProblem.of("keep", "HEAD_CANNOT_BE_MERGED_AWAY"));
		}
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				update programme_membership m set status = 'INACTIVE', until = coalesce(m.until, cast(:now as date))
				where m.person_id = :drop and m.status = 'ACTIVE' and exists (select 1 from programme_membership k
				      where k.person_id = :keep and k.programme_code = m.programme_code and k.status = 'ACTIVE')""")
			.param("now", now).param("drop", drop).param("keep", keep).update();
		jdbc.sql("update programme_membership set person_id = :keep where person_id = :drop")
			.param("keep", keep).param("drop", drop).update();
		String change = "{\"mergedPerson\": [\"" + Identifiers.masked(stored.open(dropped.nik())) + "\", \"" + keep + "\"]}";
		for (UUID household : new UUID[] { dropped.householdId(), keptHousehold }) {
			jdbc.sql("""
					insert into registry_change (household_id, person_id, changed_at, changed_by, source, action, changes)
					values (:household, :person, :now, :by, 'DUPLICATE_REVIEW', 'MERGED', cast(:changes as jsonb))""")
				.param("household", household).param("person", household.equals(keptHousehold) ? keep : drop)
				.param("now", now).param("by", actor.id()).param("changes", change).update();
			if (household.equals(keptHousehold)) {
				break;
			}
		}
		jdbc.sql("update duplicate_candidate set status = 'MERGED', decided_at = :now, decided_by = :by where id = :id")
			.param("now", now).param("by", actor.id()).param("id", id).update();
		jdbc.sql("delete from duplicate_candidate where status = 'OPEN' and (person_a = :drop or person_b = :drop)")
			.param("drop", drop).update();
		// records of other modules that point at the dropped person follow it to the kept one, in this transaction
		events.publishEvent(new PersonsMerged(drop, keep));
		audit.record(actor, AuditTrail.Action.UPDATE, "PERSON_MERGE", keep, List.of(keep, drop));
		jdbc.sql("delete from person where id = :drop").param("drop", drop).update();
		if (others == 0 && !dropped.householdId().equals(keptHousehold)) {
			jdbc.sql("update programme_membership set household_id = :keep where household_id = :drop")
				.param("keep", keptHousehold).param("drop", dropped.householdId()).update();
			// the visits to the family's home (and their photos, and the proposals they made) stay with it
			jdbc.sql("update household_visit set household_id = :keep where household_id = :drop")
				.param("keep", keptHousehold).param("drop", dropped.householdId()).update();
			jdbc.sql("update registry_proposal set household_id = :keep where household_id = :drop")
				.param("keep", keptHousehold).param("drop", dropped.householdId()).update();
			jdbc.sql("delete from household where id = :drop").param("drop", dropped.householdId()).update();
		}
	}

	static boolean mayReview(Role role) {
		return Action.DUPLICATE_REVIEW.allows(role);
	}

	private static void requireReviewer(CurrentUser actor) {
		if (!actor.may(Action.DUPLICATE_REVIEW)) {
			throw new AccessDeniedException("Duplicate review is not for " + actor.role());
		}
	}

}
