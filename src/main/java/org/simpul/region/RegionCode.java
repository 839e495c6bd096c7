package org.simpul.region;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A dotted Kemendagri region code: {@code 33} (province), {@code 33.28} (regency), {@code 33.28.10}
 * (district), {@code 33.28.10.1008} (village). Only the shape is checked here; whether the region exists
 * is {@link RegionCatalog}'s business.
 */
public record RegionCode(String value) {

	private static final Pattern SHAPE = Pattern.compile("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?");

	public RegionCode {
		if (value == null || !SHAPE.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a region code: " + value);
		}
	}

	public static RegionCode of(String value) {
		return new RegionCode(value);
	}

	/** Empty when the text is not shaped like a region code. */
	public static Optional<RegionCode> parse(String value) {
		return value != null && SHAPE.matcher(value).matches() ? Optional.of(new RegionCode(value))
				: Optional.empty();
	}

	public RegionLevel level() {
		return RegionLevel.ofDepth(value.split("\\.").length);
	}

	public Optional<RegionCode> parent() {
		int dot = value.lastIndexOf('.');
		return dot < 0 ? Optional.empty() : Optional.of(new RegionCode(value.substring(0, dot)));
	}

	/** True when {@code other} is this region or lies inside it. */
	public boolean contains(RegionCode other) {
		return other.value.equals(value) || other.value.startsWith(value + ".");
	}

	/** The six digits a NIK or KK number starts with (province, regency, district), for district codes. */
	public String withoutDots() {
		return value.replace(".", "");
	}

	@Override
	public String toString() {
		return value;
	}
}
