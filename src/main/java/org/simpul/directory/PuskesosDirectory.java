package org.simpul.directory;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.Territory;
import org.simpul.region.RegionCatalog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The Puskesos units inside a territory. */
@Service
public class PuskesosDirectory {

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	PuskesosDirectory(JdbcClient jdbc, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	private record Row(UUID id, String name, String regionCode, PuskesosLevel level, PuskesosStatus status) {
	}

	public List<Puskesos> within(Territory territory) {
		List<Row> rows = territory.sql(jdbc, "select id, name, region_code, level, status from puskesos"
				+ " where in_territory(region_code) order by region_code, name")
			.query(Row.class)
			.list();
		Map<String, String> names = regions.names(rows.stream().map(Row::regionCode).toList());
		return rows.stream()
			.map(row -> new Puskesos(row.id(), row.name(), row.regionCode(), names.get(row.regionCode()), row.level(),
					row.status()))
			.toList();
	}
}
