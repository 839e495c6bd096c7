package org.simpul.complaint;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PPKS taxonomy in force for a village: its regency's own active list if the regency keeps one, else the
 * national list of 26. Taxonomies are data (table {@code ppks_taxonomy}); a complaint records the one its
 * codes came from, so a later version never changes an old complaint.
 */
@Component
class PpksTaxonomies {

	/** A taxonomy and its codes, each with whether it is sensitive (children, disability, violence…). */
	record Taxonomy(UUID id, Map<String, Boolean> categories) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	PpksTaxonomies(JdbcClient jdbc, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	Taxonomy activeFor(RegionCode village) {
		String regency = village.value().substring(0, 5);
		UUID id = jdbc.sql("""
				select id from ppks_taxonomy where active and (region_code = :regency or region_code is null)
				order by region_code is null limit 1""")
			.param("regency", regency)
			.query(UUID.class)
			.single();
		record Row(String code, boolean sensitive) {
		}
		Map<String, Boolean> categories = jdbc.sql("select code, sensitive from ppks_category where taxonomy_id = :id")
			.param("id", id)
			.query(Row.class)
			.list()
			.stream()
			.collect(Collectors.toMap(Row::code, Row::sensitive));
		return new Taxonomy(id, categories);
	}

	boolean villageExists(RegionCode village) {
		return regions.exists(village);
	}
}
