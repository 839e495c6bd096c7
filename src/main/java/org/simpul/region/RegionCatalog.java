package org.simpul.region;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Look-ups of the national region list, for the API, the pages and every other module. */
@Service
public class RegionCatalog {

	// The level follows from the code's length: 2 province, 5 regency, 8 district, 13 village.
	private static final String COLUMNS = "code, name, case length(code) when 2 then 'PROVINCE' when 5 then 'REGENCY'"
			+ " when 8 then 'DISTRICT' else 'VILLAGE' end as level, parent_code";

	private static final String LEVEL_LENGTH = "length(code) = case cast(:level as text) when 'PROVINCE' then 2"
			+ " when 'REGENCY' then 5 when 'DISTRICT' then 8 else 13 end";

	private final JdbcClient jdbc;

	RegionCatalog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Regions looked up by code, kept: the region list is written only by its migration, so it never changes
	 * while the application runs, and every intake and search result asks for a village by code.
	 */
	private final ConcurrentMap<String, Optional<Region>> byCode =
			new ConcurrentHashMap<>();

	public Optional<Region> find(RegionCode code) {
		Optional<Region> known = byCode.get(code.value());
		if (known != null) {
			return known;
		}
		// only regions that exist are kept: a caller trying made-up codes cannot grow the map
		Optional<Region> found = jdbc.sql("select " + COLUMNS + " from region where code = :code")
			.param("code", code.value())
			.query(Region.class)
			.optional();
		found.ifPresent(region -> byCode.put(region.code(), found));
		return found;
	}

	/** The region of a code given as text; 404 for a malformed or unknown code. */
	public Region require(String code) {
		return RegionCode.parse(code).flatMap(this::find).orElseThrow(() -> new NotFoundException("Region"));
	}

	public boolean exists(RegionCode code) {
		return find(code).isPresent();
	}

	public List<Region> children(RegionCode code) {
		return jdbc.sql("select " + COLUMNS + " from region where parent_code = :code order by code")
			.param("code", code.value())
			.query(Region.class)
			.list();
	}

	/**
	 * The villages inside {@code code} (the village itself, those of a district or of a regency, about 300 at
	 * most), for choosing one from a list; none for a province or the nation, which hold too many for a list.
	 */
	public List<Region> villagesWithin(RegionCode code) {
		if (code.level() == RegionLevel.PROVINCE) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from region where length(code) = 13"
				+ " and (code = :code or code like :code || '.%') order by code")
			.param("code", code.value())
			.query(Region.class)
			.list();
	}

	public List<Region> provinces() {
		return jdbc.sql("select " + COLUMNS + " from region where parent_code is null order by code")
			.query(Region.class)
			.list();
	}

	/** The region and all its ancestors, from the province down. */
	public List<Region> lineage(RegionCode code) {
		return jdbc.sql("select " + COLUMNS + " from region where :code = code or :code like code || '.%' order by code")
			.param("code", code.value())
			.query(Region.class)
			.list();
	}

	/** Regions filtered by level, direct parent and a part of the name (all optional), ordered by code. */
	public PageResponse<Region> page(RegionLevel level, RegionCode parent, String nameContains, PageRequest request) {
		String where = " where (cast(:level as text) is null or " + LEVEL_LENGTH + ")"
				+ " and (cast(:parent as text) is null or parent_code = :parent)"
				+ " and (cast(:pattern as text) is null or lower(name) like :pattern)";
		String pattern = nameContains == null || nameContains.isBlank() ? null : containsPattern(nameContains);
		long total = jdbc.sql("select count(*) from region" + where)
			.param("level", level == null ? null : level.name())
			.param("parent", parent == null ? null : parent.value())
			.param("pattern", pattern)
			.query(Long.class)
			.single();
		List<Region> content = jdbc.sql("select " + COLUMNS + " from region" + where
				+ " order by code limit :limit offset :offset")
			.param("level", level == null ? null : level.name())
			.param("parent", parent == null ? null : parent.value())
			.param("pattern", pattern)
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(Region.class)
			.list();
		return PageResponse.of(content, request, total);
	}

	private static String containsPattern(String text) {
		return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	/**
	 * Regions whose name contains {@code text} (case-insensitive), inside {@code within} when given,
	 * shortest names first so that an exact match leads.
	 */
	public PageResponse<Region> search(String text, RegionCode within, PageRequest request) {
		String pattern = containsPattern(text);
		String where = " where lower(name) like :pattern"
				+ " and (cast(:within as text) is null or code = :within or code like :within || '.%')";
		long total = jdbc.sql("select count(*) from region" + where)
			.param("pattern", pattern)
			.param("within", within == null ? null : within.value())
			.query(Long.class)
			.single();
		List<Region> content = jdbc.sql("select " + COLUMNS + " from region" + where
				+ " order by length(name), name, code limit :limit offset :offset")
			.param("pattern", pattern)
			.param("within", within == null ? null : within.value())
			.param("limit", request.size())
			.param("offset", request.offset())
			.query(Region.class)
			.list();
		return PageResponse.of(content, request, total);
	}

	/** The names of the given region codes (unknown codes are left out). */
	public Map<String, String> names(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		Map<String, String> names = new HashMap<>();
		Set<String> unknown = new HashSet<>();
		for (String code : codes) {
			Optional<Region> known = byCode.get(code);
			if (known != null) {
				known.ifPresent(region -> names.put(code, region.name()));
			}
			else {
				unknown.add(code);
			}
		}
		if (!unknown.isEmpty()) {
			jdbc.sql("select " + COLUMNS + " from region where code in (:codes)")
				.param("codes", List.copyOf(unknown))
				.query(Region.class)
				.list()
				.forEach(region -> {
					byCode.putIfAbsent(region.code(), Optional.of(region));
					names.put(region.code(), region.name());
				});
		}
		return names;
	}

	/** Every code of one level (7,285 districts, 83,762 villages): for bulk checks without a query per row. */
	public Set<String> codes(RegionLevel level) {
		int length = switch (level) {
			case PROVINCE -> 2;
			case REGENCY -> 5;
			case DISTRICT -> 8;
			case VILLAGE -> 13;
		};
		return Set.copyOf(jdbc.sql("select code from region where length(code) = :length")
			.param("length", length)
			.query(String.class)
			.list());
	}

	/** How many regions of each level lie inside {@code code} (itself excluded). */
	public RegionCounts countsWithin(RegionCode code) {
		return jdbc.sql("""
				select count(*) filter (where length(code) = 8)  as districts,
				       count(*) filter (where length(code) = 13) as villages
				from region where code like :code || '.%'
				""").param("code", code.value()).query(RegionCounts.class).single();
	}

	public record RegionCounts(long districts, long villages) {
	}
}
