package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** A region's zone follows its province: WIB in the west, WITA in the middle, WIT in the east. */
class RegionTimeTests {

	@Test
	void eachProvinceHasItsZone() {
		assertThat(RegionTime.zoneOf("33.28.10.1008")).isEqualTo(RegionTime.WIB); // Jawa Tengah
		assertThat(RegionTime.zoneOf("11")).isEqualTo(RegionTime.WIB); // Aceh
		assertThat(RegionTime.zoneOf("62.01")).isEqualTo(RegionTime.WIB); // Kalimantan Tengah
		assertThat(RegionTime.zoneOf("51.71")).isEqualTo(RegionTime.WITA); // Bali
		assertThat(RegionTime.zoneOf("64.72")).isEqualTo(RegionTime.WITA); // Kalimantan Timur
		assertThat(RegionTime.zoneOf("73.71")).isEqualTo(RegionTime.WITA); // Sulawesi Selatan
		assertThat(RegionTime.zoneOf("81.71")).isEqualTo(RegionTime.WIT); // Maluku
		assertThat(RegionTime.zoneOf("91.71")).isEqualTo(RegionTime.WIT); // Papua
		assertThat(RegionTime.zoneOf("95.01")).isEqualTo(RegionTime.WIT); // Papua Pegunungan
		assertThat(RegionTime.zoneOf(null)).isEqualTo(RegionTime.WIB);
	}

	@Test
	void atOneInTheMorningWibItIsAlreadyTodayInIndonesiaWhileUtcIsStillYesterday() {
		Instant oneAm = LocalDateTime.of(2026, 12, 4, 1, 0).atZone(RegionTime.WIB).toInstant();
		RegionTime time = new RegionTime(Clock.fixed(oneAm, ZoneOffset.UTC));
		assertThat(LocalDate.ofInstant(oneAm, ZoneOffset.UTC)).isEqualTo("2026-12-03");
		assertThat(time.today("33.28.10.1008")).isEqualTo("2026-12-04");
		assertThat(time.latestToday()).isEqualTo("2026-12-04");
		assertThat(time.today("91")).isEqualTo("2026-12-04");
	}
}
