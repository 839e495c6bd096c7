package org.simpul.access;

import java.io.Serializable;
import java.util.Optional;

import org.simpul.region.RegionCode;

/**
 * Where a user works: one region code, and everything inside it. The whole country is a territory
 * without a code (only for administrators and national roles).
 *
 * <p>Queries restrict themselves with {@link #sqlCondition(String)} and bind {@link #sqlParameter()} as
 * {@code :territory}: the condition is a prefix match on dotted codes, which the code's shape makes exact
 * ({@code 33.28.1} can never match {@code 33.28.10.1008} because of the trailing dot).
 */
public record Territory(RegionCode code) implements Serializable {

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

	/** The parameter to bind as {@code :territory} next to {@link #sqlCondition(String)}. */
	public String sqlParameter() {
		return value();
	}

	/** A WHERE fragment that keeps rows whose {@code column} (a region code) lies in {@code :territory}. */
	public static String sqlCondition(String column) {
		return "(cast(:territory as text) is null or " + column + " = :territory or " + column
				+ " like :territory || '.%')";
	}

	@Override
	public String toString() {
		return code == null ? "ID" : code.value();
	}
}
