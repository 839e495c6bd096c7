package org.simpul.registry;

import static org.simpul.shared.Texts.blankToNull;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.NewHousehold.Member;
import org.simpul.registry.NewHousehold.Membership;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a household with its members, or adds a member to one, in one transaction: every field checked first (all problems named
 * at once, nothing written), then the village checked against the caller's territory (404 outside), then
 * NIK and KK uniqueness (409), then the rows and their history.
 */
@Service
public class HouseholdRegistration {

	static final int MAX_MEMBERS = 40;

	static final int MAX_NAME = 200;

	private static final Pattern RT_RW = Pattern.compile("\\d{1,3}");

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);

	private final JdbcClient jdbc;

	private final IdentifierRules identifiers;

	private final RegionCatalog regions;

	private final HouseholdQueries queries;

	private final Clock clock;

	private final StoredIdentifiers stored;

	HouseholdRegistration(JdbcClient jdbc, IdentifierRules identifiers, RegionCatalog regions, HouseholdQueries queries,
			Clock clock, StoredIdentifiers stored, DomainEvents events, HouseholdHistory history) {
		this.events = events;
		this.history = history;
		this.stored = stored;
		this.jdbc = jdbc;
		this.identifiers = identifiers;
		this.regions = regions;
		this.queries = queries;
		this.clock = clock;
	}

	private final DomainEvents events;

	private final HouseholdHistory history;

	@Transactional
	public HouseholdView register(CurrentUser actor, NewHousehold household, String source) {
		RegistryAccess.requireWriter(actor);
		List<FieldProblem> problems = new ArrayList<>();
		List<FieldProblem> warnings = new ArrayList<>();
		Region village = village(household.villageCode(), problems);
		if (village != null && !actor.covers(village.regionCode())) {
			throw new NotFoundException("Village");
		}
		check(household, problems, warnings);
		distinctMemberIds(household, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String kk = Identifiers.digitsOnly(household.kkNumber());
		requireUnregistered(household, kk);
		UUID id = ClientIds.orNew(household.id());
		Instant now = clock.instant();
		try {
			insert(id, kk, village, household, now);
			List<Member> members = household.members();
			for (int i = 0; i < members.size(); i++) {
				insertMember(actor, id, i, kk, members.get(i), source, now);
			}
			for (Membership membership : nullToEmpty(household.programmes())) {
				insertMembership(null, id, membership, source, now);
			}
		}
		catch (DuplicateKeyException raced) {
			if (ClientIds.taken(raced)) {
				throw ClientIds.conflict();
			}
			// another registration took the same NIK or KK between our check and our insert
			throw new ConflictException(FieldProblem.of(raced.getMessage() != null
					&& raced.getMessage().contains("uq_household_kk_index") ? "kkNumber" : "members", "DUPLICATE"));
		}
		history.record(id, null, actor, source, "CREATED", householdFields(kk, village, household), now);
		// the registration on the audit trail first: what a listener reads of the new household is no news
		HouseholdView created = queries.written(actor, AuditTrail.Action.CREATE, id, warnings);
		events.publish(new HouseholdEvent.HouseholdRegistered(id, village.code(), source, actor.id(), now));
		return created;
	}

	/** Adds one member to a registered household of the caller's territory. */
	@Transactional
	public HouseholdView addMember(CurrentUser actor, UUID householdId, Member member) {
		RegistryAccess.requireCorrector(actor);
		record Locked(String kkCipher, String villageCode) {
		}
		Locked locked = actor.territory().sql(jdbc, "select kk_cipher, village_code from household where id"
				+ " = :id and in_territory(village_code) for update")
			.param("id", householdId)
			.query(Locked.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Household"));
		String householdKk = stored.open(locked.kkCipher());
		List<FieldProblem> problems = new ArrayList<>();
		List<FieldProblem> warnings = new ArrayList<>();
		// the household's existing head counts: a second one is refused, a missing one is not this call's concern
		boolean hasHead = jdbc.sql("select count(*) from person where household_id = :id and relationship = 'HEAD'"
				+ " and left_on is null")
			.param("id", householdId).query(Long.class).single() > 0;
		NewHousehold probe = new NewHousehold(null, householdKk, locked.villageCode(), null, null, null, null, null,
				List.of(member == null ? null : member), List.of());
		check(probe, problems, warnings);
		problems.removeIf(p -> p.code().equals("HOUSEHOLD_WITHOUT_HEAD"));
		if (hasHead && member != null && member.relationship() == Relationship.HEAD) {
			problems.add(FieldProblem.of("relationship", "MORE_THAN_ONE_HEAD"));
		}
		List<FieldProblem> renamed = problems.stream()
			.map(p -> new FieldProblem(p.field().replace("members[0].", ""), p.code(), p.message()))
			.toList();
		if (!renamed.isEmpty()) {
			throw new InvalidInputException(renamed);
		}
		String nik = Identifiers.digitsOnly(member.nik());
		if (jdbc.sql("select count(*) from person_placement where nik_index = :nik").param("nik", stored.nikIndex(nik))
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException(FieldProblem.of("nik", "DUPLICATE_NIK"));
		}
		int position = jdbc.sql("select coalesce(max(position), -1) + 1 from person where household_id = :id")
			.param("id", householdId).query(Integer.class).single();
		insertMember(actor, householdId, position, householdKk, member, "API", clock.instant());
		return queries.written(actor, AuditTrail.Action.UPDATE, householdId,
				warnings.stream().map(w -> new FieldProblem(w.field().replace("members[0].", ""), w.code(), w.message()))
					.toList());
	}

	private Region village(String villageCode, List<FieldProblem> problems) {
		if (villageCode == null || villageCode.isBlank()) {
			problems.add(FieldProblem.of("villageCode", "REQUIRED"));
			return null;
		}
		Optional<Region> region = RegionCode.parse(villageCode.strip()).flatMap(regions::find);
		if (region.isEmpty()) {
			problems.add(FieldProblem.of("villageCode", "REGION_UNKNOWN"));
			return null;
		}
		if (region.get().level() != RegionLevel.VILLAGE) {
			problems.add(FieldProblem.of("villageCode", "NOT_A_VILLAGE"));
			return null;
		}
		return region.get();
	}

	private void check(NewHousehold household, List<FieldProblem> problems, List<FieldProblem> warnings) {
		if (household.kkNumber() == null || household.kkNumber().isBlank()) {
			problems.add(FieldProblem.of("kkNumber", "REQUIRED"));
		}
		else {
			identifiers.kkProblems(household.kkNumber())
				.forEach(p -> problems.add(FieldProblem.of("kkNumber", p.name())));
		}
		checkRtRw("rt", household.rt(), problems);
		checkRtRw("rw", household.rw(), problems);
		if (household.address() != null && household.address().length() > 500) {
			problems.add(FieldProblem.of("address", "LENGTH_OUT_OF_RANGE"));
		}
		if (household.welfareDecile() != null && (household.welfareDecile() < 1 || household.welfareDecile() > 10)) {
			problems.add(FieldProblem.of("welfareDecile", "DECILE_OUT_OF_RANGE"));
		}
		Conditions conditions = household.conditions();
		if (conditions != null && conditions.floorAreaM2() != null && (conditions.floorAreaM2().signum() <= 0
				|| conditions.floorAreaM2().compareTo(BigDecimal.valueOf(10_000)) > 0)) {
			problems.add(FieldProblem.of("conditions.floorAreaM2", "TOO_SMALL_OR_LARGE"));
		}
		checkMemberships("programmes", household.programmes(), problems);
		List<Member> members = nullToEmpty(household.members());
		if (members.isEmpty()) {
			problems.add(FieldProblem.of("members", "HOUSEHOLD_WITHOUT_MEMBERS"));
			return;
		}
		if (members.size() > MAX_MEMBERS) {
			problems.add(FieldProblem.of("members", "TOO_MANY_MEMBERS"));
			return;
		}
		long heads = members.stream().filter(m -> m != null && m.relationship() == Relationship.HEAD).count();
		if (heads == 0) {
			problems.add(FieldProblem.of("members", "HOUSEHOLD_WITHOUT_HEAD"));
		}
		else if (heads > 1) {
			problems.add(FieldProblem.of("members", "MORE_THAN_ONE_HEAD"));
		}
		Set<String> niks = new HashSet<>();
		for (int i = 0; i < members.size(); i++) {
			String at = "members[" + i + "].";
			Member member = members.get(i);
			if (member == null) {
				problems.add(FieldProblem.of("members[" + i + "]", "REQUIRED"));
				continue;
			}
			if (member.nik() == null || member.nik().isBlank()) {
				problems.add(FieldProblem.of(at + "nik", "REQUIRED"));
			}
			else {
				List<IdentifierProblem> nikProblems = identifiers.nikProblems(member.nik());
				nikProblems.forEach(p -> problems.add(FieldProblem.of(at + "nik", p.name())));
				if (nikProblems.isEmpty()) {
					if (!niks.add(Identifiers.digitsOnly(member.nik()))) {
						problems.add(FieldProblem.of(at + "nik", "NIK_REPEATED"));
					}
					identifiers.nik(member.nik())
						.warnings(member.birthDate(), member.sex(), identifiers.today())
						.forEach(w -> warnings.add(FieldProblem.of(at + "nik", w.name())));
				}
			}
			if (member.kkNumber() != null && !member.kkNumber().isBlank()) {
				identifiers.kkProblems(member.kkNumber())
					.forEach(p -> problems.add(FieldProblem.of(at + "kkNumber", p.name())));
			}
			checkName(at + "name", member.name(), problems);
			if (member.birthPlace() != null && member.birthPlace().length() > 100) {
				problems.add(FieldProblem.of(at + "birthPlace", "LENGTH_OUT_OF_RANGE"));
			}
			if (member.birthDate() == null) {
				problems.add(FieldProblem.of(at + "birthDate", "REQUIRED"));
			}
			else if (member.birthDate().isAfter(identifiers.today(household.villageCode()))) {
				problems.add(FieldProblem.of(at + "birthDate", "NOT_IN_PAST"));
			}
			else if (member.birthDate().isBefore(EARLIEST_BIRTH)) {
				problems.add(FieldProblem.of(at + "birthDate", "TOO_EARLY"));
			}
			if (member.sex() == null) {
				problems.add(FieldProblem.of(at + "sex", "REQUIRED"));
			}
			if (member.relationship() == null) {
				problems.add(FieldProblem.of(at + "relationship", "REQUIRED"));
			}
			if (member.occupation() != null && member.occupation().length() > 100) {
				problems.add(FieldProblem.of(at + "occupation", "LENGTH_OUT_OF_RANGE"));
			}
			checkMemberships(at + "programmes", member.programmes(), problems);
		}
	}

	private void checkMemberships(String field, List<Membership> memberships, List<FieldProblem> problems) {
		List<Membership> list = nullToEmpty(memberships);
		Set<String> known = new HashSet<>(jdbc.sql("select code from programme where active").query(String.class).list());
		for (int i = 0; i < list.size(); i++) {
			Membership membership = list.get(i);
			String at = field + "[" + i + "].";
			if (membership == null || membership.code() == null || !known.contains(membership.code())) {
				problems.add(FieldProblem.of(at + "code", "PROGRAMME_UNKNOWN"));
				continue;
			}
			if (membership.status() == null) {
				problems.add(FieldProblem.of(at + "status", "REQUIRED"));
			}
			if (membership.since() != null && membership.until() != null && membership.until().isBefore(membership.since())) {
				problems.add(FieldProblem.of(at + "until", "BEFORE_SINCE"));
			}
		}
	}

	static void checkName(String field, String name, List<FieldProblem> problems) {
		if (name == null || name.isBlank()) {
			problems.add(FieldProblem.of(field, "REQUIRED"));
		}
		else if (name.strip().length() > MAX_NAME) {
			problems.add(FieldProblem.of(field, "LENGTH_OUT_OF_RANGE"));
		}
		else if (IndonesianNames.normalise(name).isEmpty() || name.chars().anyMatch(Character::isISOControl)
				|| !latinScript(name)) {
			problems.add(FieldProblem.of(field, "NAME_INVALID"));
		}
	}

	/**
	 * Names are written in the Latin script, as on the KTP (with any of its accented letters): a letter of
	 * another script is refused, so that what is accepted prints exactly on receipts and letters (their
	 * embedded font covers Latin, not the shaping Arabic or Javanese script needs).
	 */
	static boolean latinScript(String name) {
		return name.codePoints().allMatch(c -> switch (Character.UnicodeScript.of(c)) {
			case LATIN, COMMON, INHERITED -> true;
			default -> false;
		});
	}

	private static void checkRtRw(String field, String value, List<FieldProblem> problems) {
		if (value != null && !value.isBlank() && !RT_RW.matcher(value.strip()).matches()) {
			problems.add(FieldProblem.of(field, "INVALID_FORMAT"));
		}
	}

	private void requireUnregistered(NewHousehold household, String kk) {
		if (jdbc.sql("select count(*) from household_placement where kk_index = :kk").param("kk", stored.kkIndex(kk))
			.query(Long.class)
			.single() > 0) {
			throw new ConflictException(FieldProblem.of("kkNumber", "DUPLICATE_KK"));
		}
		List<Member> members = household.members();
		List<String> niks = members.stream().map(m -> Identifiers.digitsOnly(m.nik())).toList();
		Set<String> taken = new HashSet<>(jdbc.sql("select nik_index from person_placement where nik_index in (:niks)")
			.param("niks", niks.stream().map(stored::nikIndex).toList())
			.query(String.class)
			.list());
		for (int i = 0; i < niks.size(); i++) {
			if (taken.contains(stored.nikIndex(niks.get(i)))) {
				// the conflict names the field only: where that person is registered is not the caller's to know
				throw new ConflictException(FieldProblem.of("members[" + i + "].nik", "DUPLICATE_NIK"));
			}
		}
	}

	private void insert(UUID id, String kk, Region village, NewHousehold h, Instant now) {
		Conditions c = h.conditions() == null ? Conditions.UNKNOWN : h.conditions();
		jdbc.sql("""
				insert into household (id, version, kk_index, kk_cipher, village_code, rt, rw, address, welfare_decile,
				                       roof, wall, floor, floor_area_m2, electricity, latrine, drinking_water, created_at,
				                       updated_at)
				values (:id, 0, :kk, :kkCipher, :village, :rt, :rw, :address, :decile, :roof, :wall, :floor, :area, :electricity,
				        :latrine, :water, :now, :now)""")
			.param("id", id)
			.param("kk", stored.kkIndex(kk))
			.param("kkCipher", stored.seal(kk))
			.param("village", village.code())
			.param("rt", padded(h.rt()))
			.param("rw", padded(h.rw()))
			.param("address", blankToNull(h.address()))
			.param("decile", h.welfareDecile())
			.param("roof", name(c.roof()))
			.param("wall", name(c.wall()))
			.param("floor", name(c.floor()))
			.param("area", c.floorAreaM2())
			.param("electricity", name(c.electricity()))
			.param("latrine", name(c.latrine()))
			.param("water", name(c.drinkingWater()))
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Two members of one household cannot be given the same id. */
	private static void distinctMemberIds(NewHousehold household, List<FieldProblem> problems) {
		Set<UUID> seen = new HashSet<>();
		List<Member> members = household.members() == null ? List.of() : household.members();
		for (int i = 0; i < members.size(); i++) {
			Member member = members.get(i);
			if (member != null && member.id() != null && !seen.add(member.id())) {
				problems.add(FieldProblem.of("members[" + i + "].id", "DUPLICATE"));
			}
		}
	}

	private void insertMember(CurrentUser actor, UUID householdId, int position, String householdKk, Member m,
			String source, Instant now) {
		UUID id = ClientIds.orNew(m.id());
		String nik = Identifiers.digitsOnly(m.nik());
		String kk = m.kkNumber() == null || m.kkNumber().isBlank() ? householdKk : Identifiers.digitsOnly(m.kkNumber());
		jdbc.sql("""
				insert into person (id, household_id, village_code, position, nik_index, nik_cipher, kk_index, kk_cipher,
				                    name, name_key, phonetic_key, birth_place, birth_date, sex, relationship, disability,
				                    education, occupation, marital_status)
				select :id, h.id, h.village_code, :position, :nik, :nikCipher, :kk, :kkCipher, :name, :nameKey, :phonetic, :birthPlace, :birthDate,
				       :sex, :relationship, :disability, :education, :occupation, :marital
				from household h where h.id = :household""")
			.param("id", id)
			.param("household", householdId)
			.param("position", position)
			.param("nik", stored.nikIndex(nik))
			.param("nikCipher", stored.seal(nik))
			.param("kk", stored.kkIndex(kk))
			.param("kkCipher", stored.seal(kk))
			.param("name", m.name().strip())
			.param("nameKey", IndonesianNames.normalise(m.name()))
			.param("phonetic", IndonesianNames.phonetic(m.name()))
			.param("birthPlace", blankToNull(m.birthPlace()))
			.param("birthDate", Date.valueOf(m.birthDate()))
			.param("sex", m.sex().name())
			.param("relationship", m.relationship().name())
			.param("disability", name(m.disability()))
			.param("education", name(m.education()))
			.param("occupation", blankToNull(m.occupation()))
			.param("marital", name(m.maritalStatus()))
			.update();
		for (Membership membership : nullToEmpty(m.programmes())) {
			insertMembership(id, null, membership, source, now);
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("nik", Identifiers.masked(nik));
		fields.put("name", m.name().strip());
		fields.put("birthDate", m.birthDate().toString());
		fields.put("sex", m.sex().name());
		fields.put("relationship", m.relationship().name());
		history.record(householdId, id, actor, source, "MEMBER_ADDED", created(fields), now);
	}

	private void insertMembership(UUID personId, UUID householdId, Membership m, String source, Instant now) {
		jdbc.sql("""
				insert into programme_membership (id, programme_code, person_id, household_id, status, since, until, source,
				                                  recorded_at)
				values (:id, :code, :person, :household, :status, :since, :until, :source, :now)""")
			.param("id", UUID.randomUUID())
			.param("code", m.code())
			.param("person", personId)
			.param("household", householdId)
			.param("status", m.status().name())
			.param("since", m.since() == null ? null : Date.valueOf(m.since()))
			.param("until", m.until() == null ? null : Date.valueOf(m.until()))
			.param("source", source)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static Map<String, Object> householdFields(String kk, Region village, NewHousehold h) {
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("kkNumber", Identifiers.masked(kk));
		fields.put("villageCode", village.code());
		fields.put("rt", padded(h.rt()));
		fields.put("rw", padded(h.rw()));
		fields.put("address", blankToNull(h.address()));
		fields.put("welfareDecile", h.welfareDecile());
		fields.put("conditions", h.conditions());
		return created(fields);
	}

	/** History notation: each field with its value before and after. */
	private static Map<String, Object> created(Map<String, Object> fields) {
		Map<String, Object> changes = new LinkedHashMap<>();
		fields.forEach((field, value) -> {
			if (value != null) {
				changes.put(field, Arrays.asList(null, value));
			}
		});
		return changes;
	}

	static String padded(String rtRw) {
		return rtRw == null || rtRw.isBlank() ? null : "%03d".formatted(Integer.parseInt(rtRw.strip()));
	}


	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static <T> List<T> nullToEmpty(List<T> list) {
		return list == null ? List.of() : list;
	}
}
