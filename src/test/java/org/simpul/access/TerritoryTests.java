package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
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

	@Test
	void aStatementIsBoundedWhereItSaysSo() {
		assertThat(Territory.bounded("select id from person p where p.id = :id and in_territory(p.village_code) for update"))
			.isEqualTo("select id from person p where p.id = :id and (cast(:territory as text) is null"
					+ " or p.village_code = :territory or p.village_code like :territory || '.%') for update");
		// two bounds, two columns, one parameter
		assertThat(Territory.bounded("where in_territory(pa.village_code) and in_territory(pb.village_code)"))
			.contains("pa.village_code like :territory || '.%'")
			.contains("pb.village_code like :territory || '.%'")
			.doesNotContain("in_territory");
		// a territory bound to a statement that ignores it is a mistake, not a silent national query
		assertThatThrownBy(() -> Territory.bounded("select id from person where id = :id"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** Every territorial query goes through Territory.sql: nobody binds the territory or writes its condition by hand. */
	@Test
	void noQueryBindsTheTerritoryByHand() throws IOException {
		List<String> offenders = new ArrayList<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				if (source.endsWith(Path.of("org/simpul/access/Territory.java"))) {
					continue;
				}
				String text = Files.readString(source);
				if (text.contains(".param(\"territory\"") || text.contains("like :territory")
						|| text.contains("= :territory")) {
					offenders.add(source.getFileName().toString());
				}
			}
		}
		assertThat(offenders).isEmpty();
	}
}
