package org.simpul.registry;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to a registered household: address, RT/RW, decile, house conditions, and a move to another village
 * inside the caller's territory. Optimistic locking by version ({@code If-Match}, 412 when stale); every
 * field that changes is recorded in the history with its old and new value; a change that changes nothing
 * writes nothing.
 */
@Service
public class HouseholdChanges {

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final HouseholdQueries queries;

	private final Clock clock;

	private final HouseholdHistory history;

	HouseholdChanges(JdbcClient jdbc, RegionCatalog regions, HouseholdQueries queries, Clock clock,
			HouseholdHistory history) {
		this.history = history;
		this.jdbc = jdbc;
		this.regions = regions;
		this.queries = queries;
		this.clock = clock;
	}

	/** The new state of the household's own fields (members are changed elsewhere). */
	public record HouseholdChange(String villageCode, String rt, String rw, String address, Integer welfareDecile,
			Conditions conditions) {
	}

	private record Current(String villageCode, String rt, String rw, String address, Integer welfareDecile,
			String roof, String wall, String floor, BigDecimal floorAreaM2, String electricity, String latrine,
			String drinkingWater, int version) {
	}

	@Transactional
	public HouseholdView change(CurrentUser actor, UUID id, String ifMatch, HouseholdChange change) {
		RegistryAccess.requireCorrector(actor);
		Current current = actor.territory().sql(jdbc, """
				select village_code, rt, rw, address, welfare_decile, roof, wall, floor, floor_area_m2, electricity,
				       latrine, drinking_water, version
				from household where id = :id and in_territory(village_code) for update""")
			.param("id", id)
			.query(Current.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Household"));
		PreconditionFailedException.check(ifMatch, current.version());
		List<FieldProblem> problems = new ArrayList<>();
		String village = current.villageCode();
		if (change.villageCode() != null && !change.villageCode().isBlank()) {
			Optional<Region> region = RegionCode.parse(change.villageCode().strip()).flatMap(regions::find);
			if (region.isEmpty()) {
				problems.add(FieldProblem.of("villageCode", "REGION_UNKNOWN"));
			}
			else if (region.get().level() != RegionLevel.VILLAGE) {
				problems.add(FieldProblem.of("villageCode", "NOT_A_VILLAGE"));
			}
			else if (!actor.covers(region.get().regionCode())) {
				throw new NotFoundException("Village");
			}
			else {
				village = region.get().code();
			}
		}
		for (String field : new String[] { "rt", "rw" }) {
			String value = field.equals("rt") ? change.rt() : change.rw();
			if (value != null && !value.isBlank() && (value.strip().length() > 3 || !Identifiers.allDigits(value.strip()))) {
				problems.add(FieldProblem.of(field, "INVALID_FORMAT"));
			}
		}
		if (change.address() != null && change.address().length() > 500) {
			problems.add(FieldProblem.of("address", "LENGTH_OUT_OF_RANGE"));
		}
		if (change.welfareDecile() != null && (change.welfareDecile() < 1 || change.welfareDecile() > 10)) {
			problems.add(FieldProblem.of("welfareDecile", "DECILE_OUT_OF_RANGE"));
		}
		Conditions c = change.conditions() == null ? Conditions.UNKNOWN : change.conditions();
		if (c.floorAreaM2() != null && (c.floorAreaM2().signum() <= 0 || c.floorAreaM2().compareTo(BigDecimal.valueOf(10_000)) > 0)) {
			problems.add(FieldProblem.of("conditions.floorAreaM2", "TOO_SMALL_OR_LARGE"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Map<String, Object> next = new LinkedHashMap<>();
		next.put("villageCode", village);
		next.put("rt", HouseholdRegistration.padded(change.rt()));
		next.put("rw", HouseholdRegistration.padded(change.rw()));
		next.put("address", change.address() == null || change.address().isBlank() ? null : change.address().strip());
		next.put("welfareDecile", change.welfareDecile());
		next.put("roof", name(c.roof()));
		next.put("wall", name(c.wall()));
		next.put("floor", name(c.floor()));
		next.put("floorAreaM2", c.floorAreaM2() == null ? null : c.floorAreaM2().stripTrailingZeros());
		next.put("electricity", name(c.electricity()));
		next.put("latrine", name(c.latrine()));
		next.put("drinkingWater", name(c.drinkingWater()));
		Object[] before = { current.villageCode(), current.rt(), current.rw(), current.address(), current.welfareDecile(),
				current.roof(), current.wall(), current.floor(),
				current.floorAreaM2() == null ? null : current.floorAreaM2().stripTrailingZeros(), current.electricity(),
				current.latrine(), current.drinkingWater() };
		Map<String, Object> changes = new LinkedHashMap<>();
		int i = 0;
		for (Map.Entry<String, Object> field : next.entrySet()) {
			Object old = before[i++];
			if (!Objects.equals(old == null ? null : old.toString(), field.getValue() == null ? null : field.getValue().toString())) {
				changes.put(field.getKey(), Arrays.asList(old, field.getValue()));
			}
		}
		if (!changes.isEmpty()) {
			Timestamp now = Timestamp.from(clock.instant());
			jdbc.sql("""
					update household set village_code = :village, rt = :rt, rw = :rw, address = :address,
					       welfare_decile = :decile, roof = :roof, wall = :wall, floor = :floor, floor_area_m2 = :area,
					       electricity = :electricity, latrine = :latrine, drinking_water = :water,
					       version = version + 1, updated_at = :now
					where id = :id""")
				.param("village", village)
				.param("rt", next.get("rt"))
				.param("rw", next.get("rw"))
				.param("address", next.get("address"))
				.param("decile", change.welfareDecile())
				.param("roof", next.get("roof"))
				.param("wall", next.get("wall"))
				.param("floor", next.get("floor"))
				.param("area", c.floorAreaM2())
				.param("electricity", next.get("electricity"))
				.param("latrine", next.get("latrine"))
				.param("water", next.get("drinkingWater"))
				.param("now", now)
				.param("id", id)
				.update();
			history.record(id, null, actor, "API", changes.containsKey("villageCode") ? "MOVED" : "UPDATED", changes,
					now.toInstant());
		}
		return queries.written(actor, AuditTrail.Action.UPDATE, id, List.of());
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}
}
