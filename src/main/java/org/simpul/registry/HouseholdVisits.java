package org.simpul.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCode;
import org.simpul.shared.ClientIds;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.Texts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Home visits: a field worker records at the family's door what the house is like (the registry's condition
 * fields), a note, and where the phone was when the worker allows it. What differs from the registry becomes
 * registry proposals with the visit as their source; nothing is written over the registry. Inside the
 * worker's territory (404 outside); each visit is on the audit trail as a write about the household's
 * members.
 */
@Service
public class HouseholdVisits {

	/** The condition fields a visit may report, by the names proposals use. */
	static final Set<String> FIELDS = RegistryProposals.FIELDS.keySet();

	public record NewVisit(UUID id, UUID householdId, Map<String, String> conditions, String note, BigDecimal latitude,
			BigDecimal longitude, Integer accuracyM, Instant recordedInField) {
	}

	public record Visit(UUID id, UUID householdId, String villageCode, UUID visitedBy, Instant recordedInFieldAt,
			Instant receivedAt, String note, BigDecimal latitude, BigDecimal longitude, Integer accuracyM) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegistryProposals proposals;

	private final AuditTrail audit;

	private final JsonMapper json;

	HouseholdVisits(JdbcClient jdbc, Clock clock, RegistryProposals proposals, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.proposals = proposals;
		this.audit = audit;
		this.json = json;
	}

	public static boolean mayVisit(CurrentUser user) {
		return user.may(Action.HOUSEHOLD_VISIT);
	}

	@Transactional
	public Visit record(CurrentUser actor, NewVisit visit) {
		actor.require(Action.HOUSEHOLD_VISIT);
		if (visit.householdId() == null) {
			throw new InvalidInputException(FieldProblem.of("householdId", "REQUIRED"));
		}
		String village = villageOf(actor, visit.householdId()).orElseThrow(() -> new NotFoundException("Household"));
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, String> found = new LinkedHashMap<>();
		visit.conditions().forEach((field, value) -> {
			if (value == null || value.isBlank()) {
				return;
			}
			String given = value.strip();
			if (!FIELDS.contains(field)) {
				problems.add(FieldProblem.of(field, "INVALID_VALUE"));
			}
			else if (field.equals("floorAreaM2")) {
				try {
					BigDecimal area = Decimals.parse(given);
					if (area.signum() <= 0 || area.compareTo(BigDecimal.valueOf(10_000)) > 0) {
						problems.add(FieldProblem.of(field, "INVALID_VALUE"));
					}
					else {
						found.put(field, area.stripTrailingZeros().toPlainString());
					}
				}
				catch (NumberFormatException ex) {
					problems.add(FieldProblem.of(field, "INVALID_VALUE"));
				}
			}
			else if (!RegistryProposals.FIELDS.get(field).contains(given)) {
				problems.add(FieldProblem.of(field, "INVALID_VALUE"));
			}
			else {
				found.put(field, given);
			}
		});
		String note = Texts.blankToNull(visit.note());
		if (note != null && note.length() > 4000) {
			problems.add(FieldProblem.of("note", "TEXT_TOO_LONG"));
		}
		if ((visit.latitude() == null) != (visit.longitude() == null)
				|| visit.latitude() != null && (visit.latitude().abs().compareTo(BigDecimal.valueOf(90)) > 0
						|| visit.longitude().abs().compareTo(BigDecimal.valueOf(180)) > 0)) {
			problems.add(FieldProblem.of("latitude", "INVALID_VALUE"));
		}
		if (found.isEmpty() && note == null) {
			problems.add(FieldProblem.of("note", "VISIT_EMPTY"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID id = ClientIds.orNew(visit.id());
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into household_visit (id, household_id, village_code, visited_by, recorded_in_field_at,
					                             received_at, note, conditions, latitude, longitude, accuracy_m)
					values (:id, :household, :village, :by, :recorded, :now, :note, cast(:conditions as jsonb),
					        :latitude, :longitude, :accuracy)""")
				.param("id", id)
				.param("household", visit.householdId())
				.param("village", village)
				.param("by", actor.id())
				.param("recorded", visit.recordedInField() == null ? null : Timestamp.from(visit.recordedInField()))
				.param("now", Timestamp.from(now))
				.param("note", note)
				.param("conditions", json.writeValueAsString(found))
				.param("latitude", visit.latitude() == null ? null : visit.latitude().setScale(6, RoundingMode.HALF_UP))
				.param("longitude", visit.longitude() == null ? null : visit.longitude().setScale(6, RoundingMode.HALF_UP))
				.param("accuracy", visit.accuracyM())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ClientIds.taken(ex) ? ClientIds.conflict() : ex;
		}
		proposals.propose(actor, visit.householdId(), "VISIT", id, found);
		audit.record(actor, AuditTrail.Action.CREATE, "HOUSEHOLD_VISIT", id, memberIds(visit.householdId()));
		return find(id).orElseThrow();
	}

	/** The village of a household in the user's territory, or empty (unknown, or elsewhere). */
	public Optional<String> villageOf(CurrentUser user, UUID householdId) {
		return jdbc.sql("select village_code from household_placement where id = :id")
			.param("id", householdId)
			.query(String.class)
			.optional()
			.filter(code -> user.covers(RegionCode.of(code)));
	}

	/**
	 * The village of a visit's household as it is now, for a user who may read the registry there (or, when
	 * {@code made}, for the one who made the visit only); else empty.
	 */
	public Optional<String> villageOfVisit(CurrentUser user, UUID visitId, boolean made) {
		record Row(String villageCode, UUID visitedBy) {
		}
		if (!user.may(Action.REGISTRY_READ)) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select h.village_code, v.visited_by from household_visit v join household_placement h on h.id = v.household_id
				where v.id = :id""")
			.param("id", visitId)
			.query(Row.class)
			.optional()
			.filter(row -> user.covers(RegionCode.of(row.villageCode())))
			.filter(row -> !made || row.visitedBy().equals(user.id()))
			.map(Row::villageCode);
	}

	/** The visits of a household of the user's territory, newest first. */
	public List<Visit> of(CurrentUser user, UUID householdId) {
		if (villageOf(user, householdId).isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select id, household_id, village_code, visited_by, recorded_in_field_at, received_at, note, latitude,
				       longitude, accuracy_m
				from household_visit where household_id = :id order by received_at desc, id""")
			.param("id", householdId)
			.query(Visit.class)
			.list();
	}

	private Optional<Visit> find(UUID id) {
		return jdbc.sql("""
				select id, household_id, village_code, visited_by, recorded_in_field_at, received_at, note, latitude,
				       longitude, accuracy_m
				from household_visit where id = :id""")
			.param("id", id)
			.query(Visit.class)
			.optional();
	}

	private List<UUID> memberIds(UUID householdId) {
		return jdbc.sql("select id from person where household_id = :id").param("id", householdId).query(UUID.class)
			.list();
	}
}
