package org.simpul.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The services a referral can go to: an agency's programme or field (Dinkes' regional health insurance,
 * Kemensos' PKH, a village's BLT Dana Desa), the regions it serves, and how many days it has by default to
 * act. A provider serves a region when it serves the whole country, the region itself or a region around
 * it.
 */
@Service
public class ProviderDirectory {

	/** An agency at a level of government; {@code regionCode} is its seat, null for a national agency. */
	public record Agency(UUID id, String code, String name, String level, String regionCode) {
	}

	public record Provider(UUID id, String code, String name, String category, String programmeCode,
			int defaultDueDays, boolean nationwide, List<String> regionCodes, Agency agency) {
	}

	private record Row(UUID id, String code, String name, String category, String programmeCode, int defaultDueDays,
			boolean nationwide, UUID agencyId, String agencyCode, String agencyName, String agencyLevel,
			String agencyRegionCode) {
	}

	private static final String COLUMNS = """
			select p.id, p.code, p.name, p.category, p.programme_code, p.default_due_days, p.nationwide,
			       a.id as agency_id, a.code as agency_code, a.name as agency_name, a.level as agency_level,
			       a.region_code as agency_region_code
			from provider p join agency a on a.id = p.agency_id
			""";

	/** Serves {@code :region}: nationwide, or a served region is the region or contains it. */
	private static final String SERVES = """
			(p.nationwide or exists (select 1 from provider_region r where r.provider_id = p.id
			  and (r.region_code = :region or :region like r.region_code || '.%')))""";

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	ProviderDirectory(JdbcClient jdbc, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.regions = regions;
	}

	/**
	 * The active providers serving {@code regionCode}, optionally of one complaint category, for a user whose
	 * work touches the region (it lies in their territory or their territory lies in it); else 404.
	 */
	public List<Provider> serving(CurrentUser user, String regionCode, String category) {
		RegionCode region = RegionCode.parse(regionCode == null ? "" : regionCode.strip())
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_CODE_INVALID")));
		if (!user.touches(region) || regions.find(region).isEmpty()) {
			throw new NotFoundException("Region");
		}
		if (category != null && !category.isBlank()
				&& !List.of("HEALTH", "EDUCATION", "CIVIL_REGISTRATION", "SOCIAL", "ECONOMY", "OTHER").contains(category)) {
			throw new InvalidInputException(FieldProblem.of("category", "INVALID_VALUE"));
		}
		List<Row> rows = jdbc.sql(COLUMNS + " where p.active and " + SERVES
				+ " and (cast(:category as text) is null or p.category = :category)"
				+ " order by case a.level when 'VILLAGE' then 0 when 'REGENCY' then 1 when 'PROVINCE' then 2 else 3 end,"
				+ " a.name, p.name")
			.param("region", region.value())
			.param("category", category == null || category.isBlank() ? null : category)
			.query(Row.class)
			.list();
		return withRegions(rows);
	}

	/** A provider by id, active or not. */
	public Optional<Provider> provider(UUID id) {
		return withRegions(jdbc.sql(COLUMNS + " where p.id = :id").param("id", id).query(Row.class).list()).stream()
			.findFirst();
	}

	/** Whether the provider is active and serves {@code region} (a referral must go to one that does). */
	public boolean serves(UUID providerId, RegionCode region) {
		return jdbc.sql("select count(*) from provider p where p.id = :id and p.active and " + SERVES)
			.param("id", providerId)
			.param("region", region.value())
			.query(Long.class)
			.single() > 0;
	}

	/** The agency a programme manager works for, if they have been given one. */
	public Optional<Agency> agencyOf(UUID userId) {
		return jdbc.sql("""
				select a.id, a.code, a.name, a.level, a.region_code from agency a
				join agency_member m on m.agency_id = a.id where m.user_id = :user""")
			.param("user", userId)
			.query(Agency.class)
			.optional();
	}

	private List<Provider> withRegions(List<Row> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		record Served(UUID providerId, String regionCode) {
		}
		Map<UUID, List<String>> served = jdbc.sql("""
				select provider_id, region_code from provider_region where provider_id in (:ids)
				order by region_code""")
			.param("ids", rows.stream().map(Row::id).toList())
			.query(Served.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Served::providerId,
					Collectors.mapping(Served::regionCode, Collectors.toList())));
		return rows.stream()
			.map(r -> new Provider(r.id(), r.code(), r.name(), r.category(), r.programmeCode(), r.defaultDueDays(),
					r.nationwide(), served.getOrDefault(r.id(), List.of()),
					new Agency(r.agencyId(), r.agencyCode(), r.agencyName(), r.agencyLevel(), r.agencyRegionCode())))
			.toList();
	}
}
