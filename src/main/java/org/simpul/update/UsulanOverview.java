package org.simpul.update;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.update.Usulan.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The district's view of its villages' updates (DOMAIN.md §9, what districts report): per village whether a
 * musdes (or SPTJM) was held within the calendar's months, how many usulan of each kind stand in each status,
 * how long the open ones have waited in their status, and why Dinsos returned usulan. A handful of grouped
 * statements over the region's usulan, never one per village.
 */
@Service
public class UsulanOverview {

	/** One village's line. */
	public record VillageLine(String villageCode, String villageName, LocalDate lastMusdes, boolean musdesOverdue,
			Map<Status, Long> byStatus, Map<String, Map<Status, Long>> byKind, long open, long oldestOpenDays,
			double averageOpenDays) {
	}

	/** Why usulan were returned, and how often (every return on the history, not only those still returned). */
	public record ReturnReason(String reason, long count) {
	}

	public record Overview(String regionCode, String regionName, int musdesMonths, List<VillageLine> villages,
			List<ReturnReason> returnReasons, long villagesOverdue) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final UpdateCycles cycles;

	private final RegionTime time;

	UsulanOverview(JdbcClient jdbc, RegionCatalog regions, UpdateCycles cycles, RegionTime time) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.cycles = cycles;
		this.time = time;
	}

	/** The overview of a district or sub-district of the user's territory (a province or nation: 400). */
	public Overview overview(CurrentUser user, String regionCode) {
		user.require(Action.USULAN_READ);
		String wanted = regionCode == null || regionCode.isBlank()
				? user.territory().regionCode().map(RegionCode::value).orElse(null) : regionCode.strip();
		if (wanted == null) {
			throw new InvalidInputException(FieldProblem.of("regionCode", "REQUIRED"));
		}
		RegionCode code = RegionCode.parse(wanted)
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_INVALID")));
		if (!regions.exists(code) || !user.covers(code)) {
			throw new NotFoundException("Region");
		}
		if (code.level() == RegionLevel.PROVINCE) {
			throw new InvalidInputException(FieldProblem.of("regionCode", "REGION_NOT_IN_A_DISTRICT"));
		}
		int months = cycles.calendar(UpdateCycles.regencyOf(code.value())).musdesMonths();
		LocalDate today = time.today(code.value());
		LocalDate since = today.minusMonths(months);
		String prefix = code.value();
		Map<String, LocalDate> musdes = new HashMap<>();
		jdbc.sql("""
				select village_code, max(held_on) as held from musdes
				where village_code = :region or village_code like :region || '.%' group by village_code""")
			.param("region", prefix)
			.query((rs, n) -> musdes.put(rs.getString("village_code"), rs.getObject("held", LocalDate.class)))
			.list();
		record Count(String villageCode, String kind, String status, long n, double oldest, double average) {
		}
		List<Count> counts = jdbc.sql("""
				select village_code, kind, status, count(*) as n,
				       coalesce(max(:today - cast(updated_at as date)), 0) as oldest,
				       coalesce(avg(:today - cast(updated_at as date)), 0) as average
				from usulan where village_code = :region or village_code like :region || '.%'
				group by village_code, kind, status""")
			.param("region", prefix)
			.param("today", Date.valueOf(today))
			.query(Count.class)
			.list();
		Map<String, List<Count>> byVillage = new HashMap<>();
		counts.forEach(c -> byVillage.computeIfAbsent(c.villageCode(), k -> new ArrayList<>()).add(c));
		List<Region> villages = code.level() == RegionLevel.VILLAGE ? regions.find(code).stream().toList()
				: regions.villagesWithin(code);
		List<VillageLine> lines = new ArrayList<>();
		long overdue = 0;
		for (Region village : villages) {
			Map<Status, Long> byStatus = new EnumMap<>(Status.class);
			Map<String, Map<Status, Long>> byKind = new HashMap<>();
			long open = 0;
			double oldest = 0;
			double weighted = 0;
			for (Count c : byVillage.getOrDefault(village.code(), List.of())) {
				Status status = Status.valueOf(c.status());
				byStatus.merge(status, c.n(), Long::sum);
				byKind.computeIfAbsent(c.kind(), k -> new EnumMap<>(Status.class)).merge(status, c.n(), Long::sum);
				if (!status.closed()) {
					open += c.n();
					oldest = Math.max(oldest, c.oldest());
					weighted += c.average() * c.n();
				}
			}
			LocalDate last = musdes.get(village.code());
			boolean late = last == null || last.isBefore(since);
			overdue += late ? 1 : 0;
			lines.add(new VillageLine(village.code(), village.name(), last, late, byStatus, byKind, open, (long) oldest,
					open == 0 ? 0 : Math.round(weighted / open * 10) / 10.0));
		}
		List<ReturnReason> reasons = jdbc.sql("""
				select s.note as reason, count(*) as count from usulan_step s join usulan u on u.id = s.usulan_id
				where s.status = 'RETURNED' and (u.village_code = :region or u.village_code like :region || '.%')
				group by s.note order by count(*) desc, s.note limit 20""")
			.param("region", prefix)
			.query(ReturnReason.class)
			.list();
		return new Overview(code.value(), regions.find(code).map(Region::name).orElse(code.value()), months, lines, reasons,
				overdue);
	}
}
