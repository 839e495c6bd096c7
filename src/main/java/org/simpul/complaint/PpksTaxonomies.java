package org.simpul.complaint;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

	/** A PPKS category: its code, its label and whether it is sensitive (children, disability, violence…). */
	record Entry(String code, String label, boolean sensitive) {
	}

	/** A taxonomy and its categories in their order. */
	record Taxonomy(UUID id, List<Entry> entries) {

		/** Whether {@code code} is sensitive; empty when the taxonomy has no such code. */
		Optional<Boolean> sensitive(String code) {
			return entries.stream().filter(e -> e.code().equals(code)).findFirst().map(Entry::sensitive);
		}
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	PpksTaxonomies(JdbcClient jdbc, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/** The taxonomy in force for a village (or any region inside a regency). */
	Taxonomy activeFor(RegionCode village) {
		record Row(UUID id, String code, String label, boolean sensitive) {
		}
		// one round trip: intake asks this on every complaint
		List<Row> rows = jdbc.sql("""
				select c.taxonomy_id as id, c.code, c.label, c.sensitive from ppks_category c
				where c.taxonomy_id = (select id from ppks_taxonomy
				                       where active and (region_code = :regency or region_code is null)
				                       order by region_code is null limit 1)
				order by c.position, length(c.code), c.code""")
			.param("regency", village.value().substring(0, 5))
			.query(Row.class)
			.list();
		return new Taxonomy(rows.getFirst().id(), rows.stream().map(r -> new Entry(r.code(), r.label(), r.sensitive())).toList());
	}

	/** The taxonomy version a complaint's codes come from. */
	Taxonomy ofComplaint(UUID complaintId) {
		return byId(jdbc.sql("select ppks_taxonomy_id from complaint where id = :id").param("id", complaintId)
			.query(UUID.class).single());
	}

	/** A taxonomy by id, active or not: an old complaint is read and edited against its own version. */
	Taxonomy byId(UUID id) {
		List<Entry> entries = jdbc.sql("""
				select code, label, sensitive from ppks_category where taxonomy_id = :id
				order by position, length(code), code""")
			.param("id", id)
			.query(Entry.class)
			.list();
		return new Taxonomy(id, entries);
	}

	boolean villageExists(RegionCode village) {
		return regions.exists(village);
	}
}
