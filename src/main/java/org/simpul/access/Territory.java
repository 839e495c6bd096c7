package org.simpul.access;

import java.io.Serializable;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.simpul.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * Where a user works: one region code, and everything inside it. The whole country is a territory
 * without a code (only for administrators and national roles).
 *
 * <p>A query is bounded to a territory in one way, {@link #sql(JdbcClient, String)}: it writes
 * {@code in_territory(column)} where the bound belongs, and the territory turns that into the condition on the
 * column (a prefix match on dotted codes, which the code's shape makes exact: {@code 33.28.1} can never match
 * {@code 33.28.10.1008} because of the trailing dot) and binds its parameter.
 */
public record Territory(RegionCode code) implements Serializable {

	private static final Pattern BOUND = Pattern.compile("in_territory\\(([a-z_][a-z0-9_.]*)\\)");

	public static final Territory NATIONAL = new Territory(null);

	public static Territory of(String regionCode) {
		return regionCode == null ? NATIONAL : new Territory(RegionCode.of(regionCode));
	}

	public boolean isNational() {
		return code == null;
	}

	public Optional<RegionCode> regionCode() {
		return Optional.ofNullable(code);
	}

	/** True when a record located in {@code region} lies inside this territory. */
	public boolean covers(RegionCode region) {
		return code == null || (region != null && code.contains(region));
	}

	/** True when all of {@code other} lies inside this territory. */
	public boolean covers(Territory other) {
		return code == null || (other.code != null && code.contains(other.code));
	}

	/** The code as stored in a user row: {@code null} for the whole country. */
	public String value() {
		return code == null ? null : code.value();
	}

	/**
	 * The statement {@code sql} bounded to this territory: each {@code in_territory(column)} in it becomes the
	 * condition that keeps the rows whose {@code column} (a region code) lies inside the territory, and the
	 * condition's parameter ({@code :territory}, which the statement may use again) is bound. A statement
	 * without a bound is refused: binding a territory to a query that ignores it is a mistake.
	 */
	public StatementSpec sql(JdbcClient jdbc, String sql) {
		return jdbc.sql(bounded(sql)).param("territory", value());
	}

	/** The statement's text with its bounds written out. */
	static String bounded(String sql) {
		Matcher bound = BOUND.matcher(sql);
		if (!bound.find()) {
			throw new IllegalArgumentException("A territorial statement needs in_territory(column)");
		}
		return bound.replaceAll(found -> Matcher.quoteReplacement(condition(found.group(1))));
	}

	/** The condition on a column: every row when national, else the territory's code and the codes inside it. */
	private static String condition(String column) {
		return "(cast(:territory as text) is null or " + column + " = :territory or " + column
				+ " like :territory || '.%')";
	}

	@Override
	public String toString() {
		return code == null ? "ID" : code.value();
	}
}
