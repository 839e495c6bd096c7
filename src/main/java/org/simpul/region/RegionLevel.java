package org.simpul.region;

/** The four administrative levels, by the number of segments in the dotted code. */
public enum RegionLevel {

	PROVINCE, REGENCY, DISTRICT, VILLAGE;

	static RegionLevel ofDepth(int segments) {
		return values()[segments - 1];
	}
}
