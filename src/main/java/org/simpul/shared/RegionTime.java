package org.simpul.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

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
	 * SQL for the date it is today where the region in {@code column} lies, from the instant bound as the
	 * parameter {@code :now}: the same zones as {@link #zoneOf(String)}, for queries over many villages.
	 */
	public static String sqlToday(String column) {
		return "cast(cast(:now as timestamptz) at time zone case when left(" + column + ", 2) in (" + quoted(WIT_PROVINCES)
				+ ") then '" + WIT.getId() + "' when left(" + column + ", 2) in (" + quoted(WITA_PROVINCES) + ") then '"
				+ WITA.getId() + "' else '" + WIB.getId() + "' end as date)";
	}

	private static String quoted(Set<String> provinces) {
		return provinces.stream().sorted().map(p -> "'" + p + "'").collect(java.util.stream.Collectors.joining(", "));
	}

	/** The latest date it is anywhere in Indonesia (in WIT): a date after it is in the future everywhere. */
	public LocalDate latestToday() {
		return LocalDate.ofInstant(clock.instant(), WIT);
	}
}
