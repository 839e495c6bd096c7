package org.simpul.registry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCode;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ConflictException;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registry proposals (usulan): house conditions a field worker found different from what the registry
 * holds. They are recorded beside the household, never written over it; the registry changes only when
 * someone edits the household (the village deliberation, musdes, and Dinsos decide).
 */
@Service
public class RegistryProposals {

	/**
	 * The house conditions a form may ask about, by the API's field name, with their codes (no codes: a
	 * number).
	 */
	public static final Map<String, Set<String>> FIELDS = fields();

	private static Map<String, Set<String>> fields() {
		Map<String, Set<String>> fields = new LinkedHashMap<>();
		fields.put("roof", names(Conditions.Roof.values()));
		fields.put("wall", names(Conditions.Wall.values()));
		fields.put("floor", names(Conditions.Floor.values()));
		fields.put("floorAreaM2", Set.of());
		fields.put("electricity", names(Conditions.Electricity.values()));
		fields.put("latrine", names(Conditions.Latrine.values()));
		fields.put("drinkingWater", names(Conditions.DrinkingWater.values()));
		return Collections.unmodifiableMap(fields);
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
	}

	private static final Map<String, String> COLUMNS = Map.of("roof", "roof", "wall", "wall", "floor", "floor",
			"floorAreaM2", "floor_area_m2", "electricity", "electricity", "latrine", "latrine", "drinkingWater",
			"drinking_water");

	public record Proposal(UUID id, UUID householdId, String villageCode, String field, String currentValue,
			String proposedValue, String status, String source, UUID sourceId, Instant proposedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final HouseholdChanges changes;

	private final HouseholdQueries households;

	private final DomainEvents events;

	RegistryProposals(JdbcClient jdbc, Clock clock, @org.springframework.context.annotation.Lazy HouseholdChanges changes,
			@org.springframework.context.annotation.Lazy HouseholdQueries households, DomainEvents events) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.changes = changes;
		this.households = households;
	}

	/** Who decides proposals: the district manager and the data operator (administrators everywhere). */
	static boolean mayDecide(CurrentUser user) {
		// accepting one changes the registry: the district's correction
		return user.may(Action.REGISTRY_PROPOSAL_DECIDE) && RegistryAccess.mayCorrect(user);
	}

	/** The open proposals of a household of the user's territory, oldest first. */
	public List<Proposal> open(CurrentUser user, UUID householdId) {
		return user.territory().sql(jdbc, "select " + SELECT + " from registry_proposal where household_id = :household"
				+ " and status = 'PROPOSED' and in_territory(village_code) order by proposed_at, field")
			.param("household", householdId)
			.query(Proposal.class)
			.list();
	}

	/**
	 * Accepts a proposal: the household takes the proposed value, recorded in its history like any change;
	 * the proposal is ACCEPTED. One already decided answers 409; one outside the territory 404.
	 */
	@Transactional
	public void accept(CurrentUser actor, UUID id) {
		Proposal proposal = decidable(actor, id);
		HouseholdView household = households.household(actor, proposal.householdId())
			.orElseThrow(() -> new NotFoundException("Household"));
		Conditions c = household.conditions();
		String v = proposal.proposedValue();
		Conditions next = switch (proposal.field()) {
			case "roof" -> new Conditions(Conditions.Roof.valueOf(v), c.wall(), c.floor(), c.floorAreaM2(), c.electricity(),
					c.latrine(), c.drinkingWater());
			case "wall" -> new Conditions(c.roof(), Conditions.Wall.valueOf(v), c.floor(), c.floorAreaM2(), c.electricity(),
					c.latrine(), c.drinkingWater());
			case "floor" -> new Conditions(c.roof(), c.wall(), Conditions.Floor.valueOf(v), c.floorAreaM2(), c.electricity(),
					c.latrine(), c.drinkingWater());
			case "floorAreaM2" -> new Conditions(c.roof(), c.wall(), c.floor(), new BigDecimal(v), c.electricity(),
					c.latrine(), c.drinkingWater());
			case "electricity" -> new Conditions(c.roof(), c.wall(), c.floor(), c.floorAreaM2(),
					Conditions.Electricity.valueOf(v), c.latrine(), c.drinkingWater());
			case "latrine" -> new Conditions(c.roof(), c.wall(), c.floor(), c.floorAreaM2(), c.electricity(),
					Conditions.Latrine.valueOf(v), c.drinkingWater());
			case "drinkingWater" -> new Conditions(c.roof(), c.wall(), c.floor(), c.floorAreaM2(), c.electricity(),
					c.latrine(), Conditions.DrinkingWater.valueOf(v));
			default -> throw new IllegalStateException("Unknown proposal field " + proposal.field());
		};
		changes.change(actor, household.id(), PreconditionFailedException.etag(household.version()),
				new HouseholdChanges.HouseholdChange(household.villageCode(), household.rt(), household.rw(),
						household.address(), household.welfareDecile(), next));
		decide(actor, id, "ACCEPTED", null);
	}

	/** Refuses a proposal with a reason; the household stays as it is. */
	@Transactional
	public void reject(CurrentUser actor, UUID id, String reason) {
		decidable(actor, id);
		if (reason == null || reason.isBlank() || reason.length() > 1000) {
			throw new InvalidInputException(FieldProblem.of("reason",
					reason == null || reason.isBlank() ? "REQUIRED" : "TEXT_TOO_LONG"));
		}
		decide(actor, id, "REJECTED", reason.strip());
	}

	private Proposal decidable(CurrentUser actor, UUID id) {
		if (!mayDecide(actor)) {
			throw new org.springframework.security.access.AccessDeniedException("Proposals are not decided by " + actor.role());
		}
		Proposal proposal = actor.territory().sql(jdbc, "select " + SELECT + " from registry_proposal where"
				+ " id = :id and in_territory(village_code) for update")
			.param("id", id)
			.query(Proposal.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Registry proposal"));
		if (!proposal.status().equals("PROPOSED")) {
			throw new ConflictException(FieldProblem.of("status", "ALREADY_DECIDED"));
		}
		return proposal;
	}

	private void decide(CurrentUser actor, UUID id, String status, String reason) {
		jdbc.sql("""
				update registry_proposal set status = :status, decided_by = :by, decided_at = :now, decision_reason = :reason
				where id = :id""")
			.param("status", status)
			.param("by", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	/**
	 * Proposes the values found for the household of {@code personId} where they differ from the registry:
	 * only for a household in the actor's territory; the same source proposes each field once.
	 *
	 * @param found values by {@link #FIELDS} name (numbers as their decimal text)
	 * @return the proposals recorded for this source
	 */
	@Transactional
	public List<Proposal> propose(CurrentUser actor, UUID personId, UUID sourceId, Map<String, String> found) {
		Optional<UUID> household = jdbc.sql("""
				select household_id from person where id = :person and left_on is null""")
			.param("person", personId)
			.query(UUID.class)
			.optional();
		return household.map(id -> propose(actor, id, "ASSESSMENT", sourceId, found)).orElse(List.of());
	}

	private record Household(UUID id, String villageCode, String roof, String wall, String floor,
			BigDecimal floorAreaM2, String electricity, String latrine, String drinkingWater) {
	}

	/**
	 * Proposes the values found for {@code householdId} by {@code source} ({@code ASSESSMENT}, {@code VISIT})
	 * where they differ from the registry as it is now; only for a household in the actor's territory.
	 */
	List<Proposal> propose(CurrentUser actor, UUID householdId, String source, UUID sourceId,
			Map<String, String> found) {
		Optional<Household> household = jdbc.sql("""
				select h.id, h.village_code, h.roof, h.wall, h.floor, h.floor_area_m2, h.electricity, h.latrine,
				       h.drinking_water
				from household h where h.id = :household""")
			.param("household", householdId)
			.query(Household.class)
			.optional()
			.filter(h -> actor.covers(RegionCode.of(h.villageCode())));
		if (household.isEmpty()) {
			return List.of();
		}
		Household h = household.get();
		Map<String, String> current = new LinkedHashMap<>();
		current.put("roof", h.roof());
		current.put("wall", h.wall());
		current.put("floor", h.floor());
		current.put("floorAreaM2", h.floorAreaM2() == null ? null : h.floorAreaM2().stripTrailingZeros().toPlainString());
		current.put("electricity", h.electricity());
		current.put("latrine", h.latrine());
		current.put("drinkingWater", h.drinkingWater());
		Instant now = clock.instant();
		Map<String, String> differing = new LinkedHashMap<>();
		for (Map.Entry<String, String> value : found.entrySet()) {
			if (!COLUMNS.containsKey(value.getKey()) || value.getValue() == null) {
				continue;
			}
			String proposed = value.getKey().equals("floorAreaM2")
					? Decimals.parse(value.getValue()).stripTrailingZeros().toPlainString() : value.getValue();
			if (proposed.equals(current.get(value.getKey()))) {
				continue;
			}
			int inserted = jdbc.sql("""
					insert into registry_proposal (id, household_id, village_code, field, current_value, proposed_value,
					                               status, source, source_id, proposed_by, proposed_at)
					values (:id, :household, :village, :field, :current, :proposed, 'PROPOSED', :kind, :source,
					        :by, :now)
					on conflict (source_id, household_id, field) do nothing""")
				.param("id", UUID.randomUUID())
				.param("household", h.id())
				.param("village", h.villageCode())
				.param("field", value.getKey())
				.param("current", current.get(value.getKey()))
				.param("proposed", proposed)
				.param("kind", source)
				.param("source", sourceId)
				.param("by", actor.id())
				.param("now", Timestamp.from(now))
				.update();
			if (inserted > 0) {
				differing.put(value.getKey(), proposed);
			}
		}
		if (!differing.isEmpty()) {
			events.publish(new ConditionsFound(h.id(), h.villageCode(), source, sourceId, Map.copyOf(differing), actor.id(),
					now));
		}
		return ofSource(sourceId);
	}

	/** The proposals one source (an assessment) made. */
	public List<Proposal> ofSource(UUID sourceId) {
		return jdbc.sql("select " + SELECT + " from registry_proposal where source_id = :source order by field")
			.param("source", sourceId)
			.query(Proposal.class)
			.list();
	}

	private static final String SELECT = "id, household_id, village_code, field, current_value, proposed_value, status,"
			+ " source, source_id, proposed_at";

	/** Proposals of households in the user's territory, newest first, by status if given. */
	public PageResponse<Proposal> list(CurrentUser actor, String status, PageRequest page) {
		RegistryAccess.requireReader(actor);
		String where = " where in_territory(village_code) and (cast(:status as text) is null or status = :status)";
		long total = actor.territory().sql(jdbc, "select count(*) from registry_proposal" + where)
			.param("status", status)
			.query(Long.class)
			.single();
		List<Proposal> content = new ArrayList<>(actor.territory()
			.sql(jdbc, "select " + SELECT + " from registry_proposal" + where
					+ " order by proposed_at desc, id limit :limit offset :offset")
			.param("status", status)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Proposal.class)
			.list());
		return PageResponse.of(content, page, total);
	}
}
