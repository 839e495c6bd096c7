package org.simpul.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds persons inside the caller's territory: by NIK (exact), or by name, which forgives old spellings and
 * typos (trigram similarity on the normalised name, or the same Indonesian phonetic key), narrowed by birth
 * date, region, welfare decile or programme. Results are paged, best match first.
 */
@Service
public class PersonSearch {

	private final JdbcClient jdbc;

	private final IdentifierRules identifiers;

	private final RegionCatalog regions;

	PersonSearch(JdbcClient jdbc, IdentifierRules identifiers, RegionCatalog regions) {
		this.jdbc = jdbc;
		this.identifiers = identifiers;
		this.regions = regions;
	}

	/** A search: either {@code nik}, or {@code name} with optional filters. */
	public record Query(String nik, String name, java.time.LocalDate birthDate, String regionCode,
			Integer welfareDecile, String programme) {
	}

	private static final String SUMMARY = """
			select p.id, p.household_id, p.nik, p.name, p.birth_date, p.sex, p.relationship, h.village_code,
			       h.welfare_decile
			from person p join household h on h.id = p.household_id
			""";

	private record Row(java.util.UUID id, java.util.UUID householdId, String nik, String name,
			java.time.LocalDate birthDate, Sex sex, Relationship relationship, String villageCode,
			Integer welfareDecile) {
	}

	public PageResponse<PersonSummary> search(CurrentUser user, Query query, PageRequest page) {
		RegistryAccess.requireReader(user);
		boolean byNik = query.nik() != null && !query.nik().isBlank();
		boolean byName = query.name() != null && !query.name().isBlank();
		if (byNik == byName) {
			throw new InvalidInputException(FieldProblem.of(byNik ? "name" : "nik", byNik ? "NIK_OR_NAME" : "NIK_OR_NAME"));
		}
		return byNik ? byNik(user, query.nik(), page) : byName(user, query, page);
	}

	private PageResponse<PersonSummary> byNik(CurrentUser user, String text, PageRequest page) {
		List<IdentifierProblem> problems = identifiers.nikProblems(text);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("nik", problems.getFirst().name()));
		}
		List<Row> rows = jdbc.sql(SUMMARY + " where p.nik = :nik and " + Territory.sqlCondition("h.village_code"))
			.param("nik", Identifiers.digitsOnly(text))
			.param("territory", user.territory().sqlParameter())
			.query(Row.class)
			.list();
		return PageResponse.of(summaries(user, rows), page, rows.size());
	}

	private PageResponse<PersonSummary> byName(CurrentUser user, Query query, PageRequest page) {
		String key = IndonesianNames.normalise(query.name());
		if (key.length() < 2 || query.name().length() > HouseholdRegistration.MAX_NAME) {
			throw new InvalidInputException(FieldProblem.of("name", "NAME_TOO_SHORT_OR_LONG"));
		}
		String within = user.territory().sqlParameter();
		if (query.regionCode() != null && !query.regionCode().isBlank()) {
			RegionCode region = RegionCode.parse(query.regionCode().strip())
				.filter(regions::exists)
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_UNKNOWN")));
			if (!user.covers(region)) {
				throw new NotFoundException("Region");
			}
			within = region.value();
		}
		if (query.welfareDecile() != null && (query.welfareDecile() < 1 || query.welfareDecile() > 10)) {
			throw new InvalidInputException(FieldProblem.of("welfareDecile", "DECILE_OUT_OF_RANGE"));
		}
		// word similarity (:key <% name_key): the searched words must resemble words of the name (60% by
		// default), so "Soeprapto" finds "Suprapto Joyohadikusumo" while a shared common first name alone
		// is not enough; the GIN trigram index answers it
		String where = " where (:key <% p.name_key or p.phonetic_key = :phonetic) and "
				+ Territory.sqlCondition("h.village_code") + """
				   and (cast(:birthDate as date) is null or p.birth_date = :birthDate)
				   and (cast(:decile as integer) is null or h.welfare_decile = :decile)
				   and (cast(:programme as text) is null or exists (
				        select 1 from programme_membership m where m.programme_code = :programme and m.status = 'ACTIVE'
				          and (m.person_id = p.id or m.household_id = h.id)))
				""";
		long total = jdbc.sql("select count(*) from person p join household h on h.id = p.household_id " + where)
			.param("key", key)
			.param("phonetic", IndonesianNames.phonetic(query.name()))
			.param("territory", within)
			.param("birthDate", query.birthDate())
			.param("decile", query.welfareDecile())
			.param("programme", blankToNull(query.programme()))
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql(SUMMARY + " " + where
				+ " order by word_similarity(:key, p.name_key) desc, p.name, p.id limit :limit offset :offset")
			.param("key", key)
			.param("phonetic", IndonesianNames.phonetic(query.name()))
			.param("territory", within)
			.param("birthDate", query.birthDate())
			.param("decile", query.welfareDecile())
			.param("programme", blankToNull(query.programme()))
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Row.class)
			.list();
		return PageResponse.of(summaries(user, rows), page, total);
	}

	private List<PersonSummary> summaries(CurrentUser user, List<Row> rows) {
		Map<String, String> names = regions.names(rows.stream().map(Row::villageCode).toList());
		List<PersonSummary> result = new ArrayList<>();
		for (Row r : rows) {
			result.add(new PersonSummary(r.id(), r.householdId(), RegistryAccess.show(user, r.nik()), r.name(),
					r.birthDate(), r.sex(), r.relationship(), r.villageCode(), names.get(r.villageCode()),
					r.welfareDecile()));
		}
		return result;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
