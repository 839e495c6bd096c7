package org.simpul.shared;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * "Today" and local times, from the one application clock, in the zone of the region concerned: Indonesia
 * has three (WIB, UTC+7; WITA, UTC+8; WIT, UTC+9), and a village's follows its province (UU 12/1987 and the
 * Keppres on the zones). A date typed by a volunteer in Papua at 08:00 is "today" there while it is still
 * yesterday in UTC. Where no region is at hand (a check of a date in general), the latest of Indonesia's
 * dates counts as today, so that no date that is already today somewhere in Indonesia is refused as future.
 */
@Component
public class RegionTime {

	public static final ZoneId WIB = ZoneId.of("Asia/Jakarta");

	public static final ZoneId WITA = ZoneId.of("Asia/Makassar");

	public static final ZoneId WIT = ZoneId.of("Asia/Jayapura");

	/** Bali, Nusa Tenggara, South, East and North Kalimantan, and every Sulawesi province. */
	private static final Set<String> WITA_PROVINCES = Set.of("51", "52", "53", "63", "64", "65", "71", "72", "73", "74",
			"75", "76");

	/** Maluku, North Maluku and the Papua provinces (including those formed in 2022). */
	private static final Set<String> WIT_PROVINCES = Set.of("81", "82", "91", "92", "93", "94", "95", "96");

	private final Clock clock;

	public RegionTime(Clock clock) {
		this.clock = clock;
	}

	/** The zone of a region code (province, regency, district or village); WIB when it names no province. */
	public static ZoneId zoneOf(String regionCode) {
		if (regionCode == null || regionCode.length() < 2) {
			return WIB;
		}
		String province = regionCode.substring(0, 2);
		return WIT_PROVINCES.contains(province) ? WIT : WITA_PROVINCES.contains(province) ? WITA : WIB;
	}

	public Instant now() {
		return clock.instant();
	}

	/** Today where {@code regionCode} lies. */
	public LocalDate today(String regionCode) {
		return LocalDate.ofInstant(clock.instant(), zoneOf(regionCode));
	}

	/**
	 * SQL for the date it is today where the region in {@code column} lies, for queries over many villages: the
	 * same zones as {@link #zoneOf(String)}, with the three dates bound by {@link #sqlTodayParameters()}
	 * (constants, so a scan of a million rows compares dates and converts no time zone per row).
	 */
	public static String sqlToday(String column) {
		return "(case when left(" + column + ", 2) in (" + quoted(WIT_PROVINCES) + ") then cast(:today_wit as date) when left("
				+ column + ", 2) in (" + quoted(WITA_PROVINCES) + ") then cast(:today_wita as date) else cast(:today_wib as date) end)";
	}

	/** The parameters of {@link #sqlToday(String)}: today in WIB, WITA and WIT. */
	public Map<String, Object> sqlTodayParameters() {
		Instant now = clock.instant();
		return Map.of("today_wib", Date.valueOf(LocalDate.ofInstant(now, WIB)), "today_wita",
				Date.valueOf(LocalDate.ofInstant(now, WITA)), "today_wit",
				Date.valueOf(LocalDate.ofInstant(now, WIT)));
	}

	private static String quoted(Set<String> provinces) {
		return provinces.stream().sorted().map(p -> "'" + p + "'").collect(Collectors.joining(", "));
	}

	/** The latest date it is anywhere in Indonesia (in WIT): a date after it is in the future everywhere. */
	public LocalDate latestToday() {
		return LocalDate.ofInstant(clock.instant(), WIT);
	}
}
