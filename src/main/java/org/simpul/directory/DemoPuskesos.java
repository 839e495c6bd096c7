package org.simpul.directory;

import java.util.List;
import java.util.UUID;

import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A few Puskesos of Kabupaten Tegal for the demo world, seeded once on the embedded database. */
@Component
@OnDemoWorld
class DemoPuskesos {

	private record Unit(String name, String regionCode, PuskesosLevel level, PuskesosStatus status) {
	}

	private static final List<Unit> UNITS = List.of(
			new Unit("Puskesos Procot", "33.28.10.1008", PuskesosLevel.VILLAGE, PuskesosStatus.ACTIVE),
			new Unit("Puskesos Kagok", "33.28.10.1007", PuskesosLevel.VILLAGE, PuskesosStatus.ACTIVE),
			new Unit("Puskesos Kalisapu", "33.28.10.2001", PuskesosLevel.VILLAGE, PuskesosStatus.PLANNED),
			new Unit("Puskesos Kecamatan Slawi", "33.28.10", PuskesosLevel.DISTRICT, PuskesosStatus.ACTIVE),
			new Unit("Puskesos Pedeslohor", "33.28.11.2001", PuskesosLevel.VILLAGE, PuskesosStatus.ACTIVE),
			new Unit("Puskesos Lumingser", "33.28.11.2002", PuskesosLevel.VILLAGE, PuskesosStatus.ACTIVE));

	private final DemoSeeds seeds;

	private final JdbcClient jdbc;

	DemoPuskesos(DemoSeeds seeds, JdbcClient jdbc) {
		this.seeds = seeds;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationStartedEvent.class)
	void seed() {
		seeds.once("directory.puskesos", () -> UNITS.forEach(unit -> jdbc.sql("""
				insert into puskesos (id, name, region_code, level, status, created_at)
				values (:id, :name, :region, :level, :status, now())""")
			.param("id", UUID.randomUUID())
			.param("name", unit.name())
			.param("region", unit.regionCode())
			.param("level", unit.level().name())
			.param("status", unit.status().name())
			.update()));
	}
}
