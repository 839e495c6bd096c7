package org.simpul.region;

/** A region as the API shows it: {@code {"code", "name", "level", "parentCode"}}. */
public record Region(String code, String name, RegionLevel level, String parentCode) {

	public RegionCode regionCode() {
		return RegionCode.of(code);
	}
}
