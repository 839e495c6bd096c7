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
}
