package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.simpul.region.RegionCode;

/** The territory rule as a table: a territory covers itself and everything inside it, nothing else. */
class TerritoryTests {

	@ParameterizedTest(name = "{0} covers {1}: {2}")
	@CsvSource({
			// national
			"ID, 11, true", "ID, 33.28.10.1008, true",
			// province
			"33, 33, true", "33, 33.28, true", "33, 33.28.10.1008, true", "33, 34.01, false",
			// regency: own, own districts and villages, sibling regency, parent province, other province
			"33.28, 33.28, true", "33.28, 33.28.10, true", "33.28, 33.28.11.2001, true", "33.28, 33.23, false",
			"33.28, 33.23.01.2001, false", "33.28, 33, false", "33.28, 35.23, false", "33.28, 33.76.01, false",
			// district: own villages, sibling district, parent regency
			"33.28.10, 33.28.10.1008, true", "33.28.10, 33.28.11, false", "33.28.10, 33.28.11.2001, false",
			"33.28.10, 33.28, false", "33.28.01, 33.28.10.1008, false",
			// village: only itself
			"33.28.10.1008, 33.28.10.1008, true", "33.28.10.1008, 33.28.10.1007, false",
			"33.28.10.1008, 33.28.10, false", "33.28.10.1008, 33.29.07.2019, false" })
	void coversRegion(String territory, String region, boolean covers) {
		Territory t = "ID".equals(territory) ? Territory.NATIONAL : Territory.of(territory);
		assertThat(t.covers(RegionCode.of(region))).isEqualTo(covers);
	}

	@ParameterizedTest(name = "{0} covers territory {1}: {2}")
	@CsvSource({ "ID, ID, true", "ID, 33.28, true", "33.28, ID, false", "33.28, 33.28.10, true",
			"33.28.10, 33.28, false", "33.28, 33.23, false" })
	void coversTerritory(String outer, String inner, boolean covers) {
		Territory a = "ID".equals(outer) ? Territory.NATIONAL : Territory.of(outer);
		Territory b = "ID".equals(inner) ? Territory.NATIONAL : Territory.of(inner);
		assertThat(a.covers(b)).isEqualTo(covers);
	}
}
