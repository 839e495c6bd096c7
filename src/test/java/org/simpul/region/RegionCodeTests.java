package org.simpul.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTests {

	@ParameterizedTest
	@CsvSource({ "33, PROVINCE, ''", "33.28, REGENCY, 33", "33.28.10, DISTRICT, 33.28",
			"33.28.10.1008, VILLAGE, 33.28.10" })
	void knowsItsLevelAndParent(String code, RegionLevel level, String parent) {
		RegionCode region = RegionCode.of(code);
		assertThat(region.level()).isEqualTo(level);
		assertThat(region.parent().map(RegionCode::value).orElse("")).isEqualTo(parent);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "3", "333", "33.2", "33.28.1", "33.28.10.100", "33.28.10.10080", "33.28.10.1008.1",
			"33-28", " 33", "33.28.", "ab.cd", "33.28.10.1OO8" })
	void refusesMalformedCodes(String code) {
		assertThatIllegalArgumentException().isThrownBy(() -> RegionCode.of(code));
		assertThat(RegionCode.parse(code)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "33, 33.28.10.1008, true", "33.28, 33.28.10, true", "33.28.10, 33.28.10, true",
			"33.28.1, 33.28.10.1008, false", "33.28.10.1008, 33.28.10, false", "33.2, 33.28, false",
			"33.28.10, 33.28.11.2001, false", "33.28, 33.23.01, false" })
	void containsOnlyItselfAndWhatLiesInside(String outer, String inner, boolean contains) {
		if (outer.matches("\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?")) {
			assertThat(RegionCode.of(outer).contains(RegionCode.of(inner))).isEqualTo(contains);
		}
		else {
			assertThat(RegionCode.parse(outer)).isEmpty();
		}
	}
}
