package org.simpul.update;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A district's update calendar and its cycles (DOMAIN.md §9, "two clocks"). The village window is monthly:
 * entry until one day of the month, the village deliberation (musdes) until another, the cut-off on a third;
 * the national ranking is quarterly (its months are the calendar's). Each is data the district's manager
 * edits; a district that never did uses {@link #DEFAULT}. A cycle is one district's month, made the first time
 * anyone needs it: the current one is this month's until its cut-off has passed, then next month's.
 */
@Service
public class UpdateCycles {

	/** The days a sanggah may wait for its field check before it stands unverified (the older 14-day rule). */
	static final int DEFAULT_SANGGAH_DAYS = 14;


	/**
	 * A district's calendar: the days of the month, the ranking months (1–12), the days after which an
	 * unverified sanggah counts as not eligible, and the months within which every village must hold a musdes
	 * (or sign an SPTJM).
	 */
	public record Calendar(String regencyCode, int entryDay, int musdesDay, int cutOffDay, List<Integer> rankingMonths,
			int sanggahDays, int musdesMonths, int version, boolean configured) {
	}

	/** The defaults: entry until the 11th, musdes until the 14th, cut-off the 17th, quarters, 14 days, 3 months. */
	static Calendar defaults(String regency) {
		return new Calendar(regency, 11, 14, 17, List.of(3, 6, 9, 12), DEFAULT_SANGGAH_DAYS, 3, 0, false);
	}

	/** One district's month of updates. */
	public record Cycle(UUID id, String regencyCode, String period, LocalDate entryUntil, LocalDate musdesUntil,
			LocalDate cutOff, boolean ranking) {

		public YearMonth month() {
			return YearMonth.parse(period);
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RegionTime time;

	private final RegionCatalog regions;

	UpdateCycles(JdbcClient jdbc, Clock clock, RegionTime time, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
		this.regions = regions;
	}

	/**
	 * The district (regency or city) a region lies in; a code that is none 400, a province (which has no
	 * cycle of its own) 404.
	 */
	static String regencyOf(String regionCode) {
		RegionCode code = RegionCode.parse(regionCode)
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_INVALID")));
		if (code.level() == RegionLevel.PROVINCE) {
			throw new NotFoundException("Cycle");
		}
		return code.value().substring(0, 5);
	}

	/** The calendar of a district (its defaults until its manager saves one). */
	public Calendar calendar(String regency) {
		return jdbc.sql("""
				select regency_code, entry_day, musdes_day, cut_off_day, ranking_months, sanggah_days, musdes_months, version
				from update_calendar where regency_code = :regency""")
			.param("regency", regency)
			.query((rs, n) -> new Calendar(rs.getString("regency_code"), rs.getInt("entry_day"), rs.getInt("musdes_day"),
					rs.getInt("cut_off_day"), Arrays.stream(rs.getString("ranking_months").split(","))
						.map(Integer::valueOf).toList(), rs.getInt("sanggah_days"), rs.getInt("musdes_months"),
					rs.getInt("version"), true))
			.optional()
			.orElseGet(() -> defaults(regency));
	}

	/**
	 * The cycle a region (a village, or anything within a district) works in now, for a user who may read it:
	 * outside the user's territory 404.
	 */
	public Cycle current(CurrentUser user, String regionCode) {
		user.require(Action.USULAN_READ);
		if (regionCode == null || regionCode.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("regionCode", "REQUIRED"));
		}
		String regency = regencyOf(regionCode.strip());
		RegionCode code = RegionCode.of(regionCode.strip());
		if (!regions.exists(code) || !user.touches(code)) {
			throw new NotFoundException("Region");
		}
		return current(code.value());
	}

	/** The cycle a region works in now (the month whose cut-off has not passed yet in the region's time). */
	Cycle current(String regionCode) {
		String regency = regencyOf(regionCode);
		Calendar calendar = calendar(regency);
		LocalDate today = time.today(regionCode);
		YearMonth month = YearMonth.from(today);
		return cycle(regency, today.getDayOfMonth() <= calendar.cutOffDay() ? month : month.plusMonths(1));
	}

	/** The cycle of a district's month, made from its calendar the first time it is asked for. */
	@Transactional
	public Cycle cycle(String regency, YearMonth month) {
		Optional<Cycle> found = find(regency, month);
		if (found.isPresent()) {
			return found.get();
		}
		Calendar calendar = calendar(regency);
		jdbc.sql("""
				insert into update_cycle (id, regency_code, period, entry_until, musdes_until, cut_off, ranking, created_at)
				values (:id, :regency, :period, :entry, :musdes, :cutOff, :ranking, :now)
				on conflict (regency_code, period) do nothing""")
			.param("id", UUID.randomUUID())
			.param("regency", regency)
			.param("period", month.toString())
			.param("entry", Date.valueOf(month.atDay(calendar.entryDay())))
			.param("musdes", Date.valueOf(month.atDay(calendar.musdesDay())))
			.param("cutOff", Date.valueOf(month.atDay(calendar.cutOffDay())))
			.param("ranking", calendar.rankingMonths().contains(month.getMonthValue()))
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return find(regency, month).orElseThrow();
	}

	private Optional<Cycle> find(String regency, YearMonth month) {
		return jdbc.sql("""
				select id, regency_code, period, entry_until, musdes_until, cut_off, ranking from update_cycle
				where regency_code = :regency and period = :period""")
			.param("regency", regency)
			.param("period", month.toString())
			.query(Cycle.class)
			.optional();
	}

	/** A cycle by its id, when it is a district's the user's territory touches. */
	public Optional<Cycle> cycle(CurrentUser user, UUID id) {
		return jdbc.sql("""
				select id, regency_code, period, entry_until, musdes_until, cut_off, ranking from update_cycle where id = :id""")
			.param("id", id)
			.query(Cycle.class)
			.optional()
			.filter(c -> user.touches(RegionCode.of(c.regencyCode())));
	}

	/**
	 * Saves a district's calendar (its manager, or an administrator) against the version read ({@code If-Match};
	 * 412 when it changed meanwhile). Cycles whose cut-off has not passed take the new days; past ones keep
	 * theirs.
	 */
	@Transactional
	public Calendar save(CurrentUser actor, String regency, String ifMatch, Calendar wanted) {
		actor.require(Action.UPDATE_CALENDAR_MANAGE);
		RegionCode code = RegionCode.parse(regency).filter(c -> c.level() == RegionLevel.REGENCY)
			.filter(regions::exists)
			.orElseThrow(() -> new NotFoundException("Regency"));
		if (!actor.covers(code)) {
			throw new NotFoundException("Regency");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (wanted.entryDay() < 1 || wanted.entryDay() > 28) {
			problems.add(FieldProblem.of("entryDay", "DAY_OUT_OF_RANGE"));
		}
		if (wanted.musdesDay() < wanted.entryDay() || wanted.musdesDay() > 28) {
			problems.add(FieldProblem.of("musdesDay", "DAY_OUT_OF_RANGE"));
		}
		if (wanted.cutOffDay() < wanted.musdesDay() || wanted.cutOffDay() > 28) {
			problems.add(FieldProblem.of("cutOffDay", "DAY_OUT_OF_RANGE"));
		}
		if (wanted.rankingMonths() == null || wanted.rankingMonths().isEmpty()
				|| wanted.rankingMonths().stream().anyMatch(m -> m == null || m < 1 || m > 12)) {
			problems.add(FieldProblem.of("rankingMonths", "MONTH_OUT_OF_RANGE"));
		}
		if (wanted.sanggahDays() < 1 || wanted.sanggahDays() > 90) {
			problems.add(FieldProblem.of("sanggahDays", "NUMBER_OUT_OF_RANGE"));
		}
		if (wanted.musdesMonths() < 1 || wanted.musdesMonths() > 12) {
			problems.add(FieldProblem.of("musdesMonths", "NUMBER_OUT_OF_RANGE"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Calendar current = calendar(code.value());
		PreconditionFailedException.check(ifMatch, current.version());
		String months = wanted.rankingMonths().stream().distinct().sorted().map(String::valueOf)
			.collect(Collectors.joining(","));
		int updated = jdbc.sql("""
				insert into update_calendar (regency_code, version, entry_day, musdes_day, cut_off_day, ranking_months,
				                             sanggah_days, musdes_months, updated_by, updated_at)
				values (:regency, 1, :entry, :musdes, :cutOff, :months, :sanggah, :musdesMonths, :by, :now)
				on conflict (regency_code) do update set version = update_calendar.version + 1, entry_day = :entry,
				    musdes_day = :musdes, cut_off_day = :cutOff, ranking_months = :months, sanggah_days = :sanggah,
				    musdes_months = :musdesMonths, updated_by = :by, updated_at = :now
				where update_calendar.version = :version""")
			.param("regency", code.value())
			.param("entry", wanted.entryDay())
			.param("musdes", wanted.musdesDay())
			.param("cutOff", wanted.cutOffDay())
			.param("months", months)
			.param("sanggah", wanted.sanggahDays())
			.param("musdesMonths", wanted.musdesMonths())
			.param("by", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("version", current.version())
			.update();
		if (updated == 0) {
			throw new PreconditionFailedException();
		}
		// the cycles still open (cut-off today or later) follow the new days
		LocalDate today = time.today(code.value());
		List<Cycle> open = jdbc.sql("""
				select id, regency_code, period, entry_until, musdes_until, cut_off, ranking from update_cycle
				where regency_code = :regency and cut_off >= :today""")
			.param("regency", code.value())
			.param("today", Date.valueOf(today))
			.query(Cycle.class)
			.list();
		for (Cycle cycle : open) {
			YearMonth month = cycle.month();
			jdbc.sql("""
					update update_cycle set entry_until = :entry, musdes_until = :musdes, cut_off = :cutOff, ranking = :ranking
					where id = :id""")
				.param("entry", Date.valueOf(month.atDay(wanted.entryDay())))
				.param("musdes", Date.valueOf(month.atDay(wanted.musdesDay())))
				.param("cutOff", Date.valueOf(month.atDay(wanted.cutOffDay())))
				.param("ranking", wanted.rankingMonths().contains(month.getMonthValue()))
				.param("id", cycle.id())
				.update();
		}
		return calendar(code.value());
	}
}
