package org.simpul.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to who belongs to a household: a member moved to another household of the caller's territory, a
 * member who left (died, moved away, another reason; a head who leaves names the new head). The household row
 * is the lock for every change to its membership; each change writes its history (and so its
 * {@code HouseholdChanged} events) and raises the households' versions.
 */
@Service
public class HouseholdMembers {

	private final JdbcClient jdbc;

	private final IdentifierRules identifiers;

	private final HouseholdQueries queries;

	private final Clock clock;

	private final HouseholdHistory history;

	HouseholdMembers(JdbcClient jdbc, IdentifierRules identifiers, HouseholdQueries queries, Clock clock,
			HouseholdHistory history) {
		this.jdbc = jdbc;
		this.identifiers = identifiers;
		this.queries = queries;
		this.clock = clock;
		this.history = history;
	}

	/** Moves a member to another household of the caller's territory; the head of a household stays. */
	@Transactional
	public HouseholdView moveMember(CurrentUser actor, UUID personId, UUID toHousehold) {
		RegistryAccess.requireCorrector(actor);
		record Found(UUID householdId, String relationship, boolean hasLeft) {
		}
		Found person = actor.territory().sql(jdbc,
				"select p.household_id, p.relationship, p.left_on is not null as has_left from person p"
				+ " join household h on h.id = p.household_id where p.id = :id and"
				+ " in_territory(h.village_code) for update of p")
			.param("id", personId)
			.query(Found.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Person"));
		actor.territory().sql(jdbc, "select h.id from household h where h.id = :id and"
				+ " in_territory(h.village_code) for update")
			.param("id", toHousehold)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Household"));
		if (person.relationship().equals("HEAD")) {
			throw new InvalidInputException(FieldProblem.of("personId", "HEAD_CANNOT_MOVE"));
		}
		if (person.hasLeft()) {
			throw new InvalidInputException(FieldProblem.of("personId", "PERSON_HAS_LEFT"));
		}
		if (person.householdId().equals(toHousehold)) {
			return queries.household(actor, toHousehold).orElseThrow();
		}
		int position = jdbc.sql("select coalesce(max(position), -1) + 1 from person where household_id = :id")
			.param("id", toHousehold).query(Integer.class).single();
		Instant now = clock.instant();
		jdbc.sql("""
				update person p set household_id = h.id, position = :position, kk_index = h.kk_index,
				       kk_cipher = h.kk_cipher, village_code = h.village_code
				from household h where h.id = :to and p.id = :id""")
			.param("to", toHousehold).param("position", position).param("id", personId).update();
		jdbc.sql("update household set version = version + 1, updated_at = :now where id in (:from, :to)")
			.param("now", Timestamp.from(now)).param("from", person.householdId()).param("to", toHousehold).update();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("household", Arrays.asList(person.householdId().toString(), toHousehold.toString()));
		history.record(person.householdId(), personId, actor, "API", "MEMBER_MOVED_OUT", change, now);
		history.record(toHousehold, personId, actor, "API", "MEMBER_MOVED_IN", change, now);
		return queries.written(actor, AuditTrail.Action.UPDATE, toHousehold, List.of());
	}

	/** Why and when a member left; the head who leaves names the member who heads the household now. */
	public record Departure(PersonAttributes.LeaveReason reason, LocalDate date, UUID newHeadId) {
	}

	/**
	 * Records that a member left the household (died, moved away, another reason). The person stays on record
	 * as a former member, with the history of who recorded it; recording it twice changes nothing. A head
	 * who leaves a household with other members names one of them as the new head.
	 */
	@Transactional
	public HouseholdView leave(CurrentUser actor, UUID personId, Departure departure, String source) {
		RegistryAccess.requireCorrector(actor);
		record Leaving(UUID householdId, String relationship, LocalDate leftOn,
				LocalDate birthDate, String villageCode) {
		}
		Leaving person = actor.territory().sql(jdbc,
				"select household_id, relationship, left_on, birth_date, village_code from person"
				+ " where id = :id and in_territory(village_code)")
			.param("id", personId)
			.query(Leaving.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Person"));
		// the household row is the lock for every change to its membership
		jdbc.sql("select id from household where id = :id for update").param("id", person.householdId())
			.query(UUID.class).single();
		if (person.leftOn() != null) {
			return queries.household(actor, person.householdId()).orElseThrow();
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (departure == null || departure.reason() == null) {
			problems.add(FieldProblem.of("reason", "REQUIRED"));
		}
		LocalDate today = identifiers.today(person.villageCode());
		if (departure == null || departure.date() == null) {
			problems.add(FieldProblem.of("date", "REQUIRED"));
		}
		else if (departure.date().isAfter(today) || departure.date().isBefore(person.birthDate())) {
			problems.add(FieldProblem.of("date", "DATE_OUT_OF_RANGE"));
		}
		UUID newHead = departure == null ? null : departure.newHeadId();
		if (person.relationship().equals("HEAD")) {
			long others = jdbc.sql("select count(*) from person where household_id = :household and id <> :id"
					+ " and left_on is null")
				.param("household", person.householdId()).param("id", personId).query(Long.class).single();
			if (others > 0 && newHead == null) {
				problems.add(FieldProblem.of("newHeadId", "NEW_HEAD_REQUIRED"));
			}
			else if (newHead != null && jdbc.sql("select count(*) from person where id = :head and id <> :id"
					+ " and household_id = :household and left_on is null")
				.param("head", newHead).param("id", personId).param("household", person.householdId())
				.query(Long.class).single() == 0) {
				problems.add(FieldProblem.of("newHeadId", "NEW_HEAD_NOT_A_MEMBER"));
			}
		}
		else if (newHead != null) {
			problems.add(FieldProblem.of("newHeadId", "ONLY_FOR_HEAD"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Instant now = clock.instant();
		jdbc.sql("update person set left_on = :date, left_reason = :reason where id = :id")
			.param("date", Date.valueOf(departure.date()))
			.param("reason", departure.reason().name())
			.param("id", personId)
			.update();
		Map<String, Object> change = new LinkedHashMap<>();
		change.put("leftReason", Arrays.asList(null, departure.reason().name()));
		change.put("leftOn", Arrays.asList(null, departure.date().toString()));
		history.record(person.householdId(), personId, actor, source, "MEMBER_LEFT", change, now);
		if (newHead != null) {
			String before = jdbc.sql("select relationship from person where id = :id").param("id", newHead)
				.query(String.class).single();
			jdbc.sql("update person set relationship = 'HEAD' where id = :id").param("id", newHead).update();
			Map<String, Object> headChange = new LinkedHashMap<>();
			headChange.put("relationship", Arrays.asList(before, "HEAD"));
			history.record(person.householdId(), newHead, actor, source, "MEMBER_UPDATED", headChange, now);
		}
		jdbc.sql("update household set version = version + 1, updated_at = :now where id = :id")
			.param("now", Timestamp.from(now)).param("id", person.householdId()).update();
		return queries.written(actor, AuditTrail.Action.UPDATE, person.householdId(), List.of());
	}

	/** What a correction of a member changes; a null field stays as registered. */
	public record PersonCorrection(String name, LocalDate birthDate, Sex sex, Relationship relationship) {
	}

	/**
	 * Corrects a current member's name, birth date, sex or relationship (what an included usulan changes, or the
	 * district's correction of a typing error), with the history of each field from what it was to what it is.
	 * A household keeps exactly one head: a second head, or the head made something else, is refused
	 * (400 naming {@code relationship}). Nothing to change changes nothing.
	 */
	@Transactional
	public HouseholdView correct(CurrentUser actor, UUID personId, PersonCorrection correction, String source) {
		return correct(actor, personId, "*", correction, source);
	}

	/**
	 * {@link #correct(CurrentUser, UUID, PersonCorrection, String)} against the household's version the caller
	 * read ({@code If-Match}: 412 when it changed meanwhile).
	 */
	@Transactional
	public HouseholdView correct(CurrentUser actor, UUID personId, String ifMatch, PersonCorrection correction,
			String source) {
		RegistryAccess.requireCorrector(actor);
		record Current(UUID householdId, String name, LocalDate birthDate, String sex, String relationship,
				LocalDate leftOn, String villageCode) {
		}
		Current person = actor.territory().sql(jdbc,
				"select household_id, name, birth_date, sex, relationship, left_on, village_code from person"
				+ " where id = :id and in_territory(village_code)" + RegistryAccess.unrestricted(actor, "person"))
			.param("id", personId)
			.query(Current.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Person"));
		// the household row is the lock for every change to its membership
		int version = jdbc.sql("select version from household where id = :id for update").param("id", person.householdId())
			.query(Integer.class).single();
		PreconditionFailedException.check(ifMatch, version);
		if (correction == null) {
			throw new InvalidInputException(FieldProblem.of("name", "REQUIRED"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (person.leftOn() != null) {
			// one who left is corrected no more: the history keeps them as they were
			throw new NotFoundException("Person");
		}
		String name = correction.name() == null ? null : correction.name().strip();
		if (name != null) {
			HouseholdRegistration.checkName("name", name, problems);
		}
		LocalDate birth = correction.birthDate();
		if (birth != null && (birth.isAfter(identifiers.today(person.villageCode())) || birth.getYear() < 1900)) {
			problems.add(FieldProblem.of("birthDate", "DATE_OUT_OF_RANGE"));
		}
		Relationship relationship = correction.relationship();
		if (relationship != null && !relationship.name().equals(person.relationship())) {
			if (person.relationship().equals("HEAD")) {
				problems.add(FieldProblem.of("relationship", "HOUSEHOLD_WITHOUT_HEAD"));
			}
			else if (relationship == Relationship.HEAD) {
				problems.add(FieldProblem.of("relationship", "MORE_THAN_ONE_HEAD"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Object> change = new LinkedHashMap<>();
		changed(change, "name", person.name(), name);
		changed(change, "birthDate", person.birthDate() == null ? null : person.birthDate().toString(),
				birth == null ? null : birth.toString());
		changed(change, "sex", person.sex(), correction.sex() == null ? null : correction.sex().name());
		changed(change, "relationship", person.relationship(), relationship == null ? null : relationship.name());
		if (change.isEmpty()) {
			return queries.household(actor, person.householdId()).orElseThrow();
		}
		String now = name != null ? name : person.name();
		jdbc.sql("""
				update person set name = :name, name_key = :nameKey, phonetic_key = :phonetic,
				       birth_date = coalesce(:birthDate, birth_date), sex = coalesce(:sex, sex),
				       relationship = coalesce(:relationship, relationship)
				where id = :id""")
			.param("name", now)
			.param("nameKey", IndonesianNames.normalise(now))
			.param("phonetic", IndonesianNames.phonetic(now))
			.param("birthDate", birth == null ? null : Date.valueOf(birth))
			.param("sex", correction.sex() == null ? null : correction.sex().name())
			.param("relationship", relationship == null ? null : relationship.name())
			.param("id", personId)
			.update();
		Instant at = clock.instant();
		history.record(person.householdId(), personId, actor, source, "MEMBER_UPDATED", change, at);
		jdbc.sql("update household set version = version + 1, updated_at = :now where id = :id")
			.param("now", Timestamp.from(at)).param("id", person.householdId()).update();
		return queries.written(actor, AuditTrail.Action.UPDATE, person.householdId(), List.of());
	}

	private static void changed(Map<String, Object> change, String field, String before, String after) {
		if (after != null && !after.equals(before)) {
			change.put(field, Arrays.asList(before, after));
		}
	}
}
