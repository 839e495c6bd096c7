package org.simpul.registry;

import static org.simpul.shared.Texts.blankToNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.audit.AuditTrail;
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
 * typos: each searched word is widened through the {@link NameDictionary} to the words of registered names
 * that resemble it (trigram similarity), sound the same (Indonesian phonetic key) or begin with it, and a
 * person matches when the name holds a widened word for every searched word. Narrowed by birth date, region,
 * welfare decile or programme; paged, best match (word similarity of the whole name) first.
 */
@Service
public class PersonSearch {

	private final JdbcClient jdbc;

	private final IdentifierRules identifiers;

	private final RegionCatalog regions;

	private final NameDictionary dictionary;

	private final AuditTrail audit;

	private final StoredIdentifiers stored;

	PersonSearch(JdbcClient jdbc, IdentifierRules identifiers, RegionCatalog regions, NameDictionary dictionary,
			AuditTrail audit, StoredIdentifiers stored) {
		this.stored = stored;
		this.audit = audit;
		this.jdbc = jdbc;
		this.identifiers = identifiers;
		this.regions = regions;
		this.dictionary = dictionary;
	}

	/** A search: either {@code nik}, or {@code name} with optional filters. */
	public record Query(String nik, String name, LocalDate birthDate, String regionCode,
			Integer welfareDecile, String programme) {
	}

	private static final String SUMMARY = """
			select p.id, p.household_id, p.nik_cipher as nik, p.name, p.birth_date, p.sex, p.relationship, p.village_code,
			       h.welfare_decile, p.left_reason
			from person p join household h on h.id = p.household_id
			""";

	private record Row(UUID id, UUID householdId, String nik, String name,
			LocalDate birthDate, Sex sex, Relationship relationship, String villageCode,
			Integer welfareDecile, PersonAttributes.LeaveReason leftReason) {
	}

	public PageResponse<PersonSummary> search(CurrentUser user, Query query, PageRequest page) {
		RegistryAccess.requireReader(user);
		boolean byNik = query.nik() != null && !query.nik().isBlank();
		boolean byName = query.name() != null && !query.name().isBlank();
		if (byNik == byName) {
			throw new InvalidInputException(FieldProblem.of(byNik ? "name" : "nik", byNik ? "NIK_OR_NAME" : "NIK_OR_NAME"));
		}
		PageResponse<PersonSummary> found = byNik ? byNik(user, query.nik(), page) : byName(user, query, page);
		// the persons shown are on the audit trail (never the NIK or name searched for)
		if (!found.content().isEmpty()) {
			audit.record(user, AuditTrail.Action.SEARCH, "PERSON", null,
					found.content().stream().map(PersonSummary::id).toList());
		}
		return found;
	}

	/** One person of the user's territory as a search result shows them, by id (intake's light look-up). */
	public Optional<PersonSummary> byId(CurrentUser user, UUID id) {
		RegistryAccess.requireReader(user);
		List<Row> rows = user.territory().sql(jdbc, SUMMARY + " where p.id = :id and in_territory(p.village_code)"
				+ RegistryAccess.unrestricted(user, "p"))
			.param("id", id)
			.query(Row.class)
			.list();
		Optional<PersonSummary> found = summaries(user, rows).stream().findFirst();
		found.ifPresent(p -> audit.record(user, AuditTrail.Action.READ, "PERSON", p.id(), List.of(p.id())));
		return found;
	}

	private PageResponse<PersonSummary> byNik(CurrentUser user, String text, PageRequest page) {
		List<IdentifierProblem> problems = identifiers.nikProblems(text);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("nik", problems.getFirst().name()));
		}
		List<Row> rows = user.territory().sql(jdbc, SUMMARY + " where p.nik_index = :nik and"
				+ " in_territory(p.village_code)"
				+ RegistryAccess.unrestricted(user, "p"))
			.param("nik", stored.nikIndex(text))
			.query(Row.class)
			.list();
		return PageResponse.of(summaries(user, rows), page, rows.size());
	}

	private PageResponse<PersonSummary> byName(CurrentUser user, Query query, PageRequest page) {
		String key = IndonesianNames.normalise(query.name());
		if (key.length() < 2 || query.name().length() > HouseholdRegistration.MAX_NAME) {
			throw new InvalidInputException(FieldProblem.of("name", "NAME_TOO_SHORT_OR_LONG"));
		}
		Territory within = user.territory();
		if (query.regionCode() != null && !query.regionCode().isBlank()) {
			RegionCode region = RegionCode.parse(query.regionCode().strip())
				.filter(regions::exists)
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_UNKNOWN")));
			if (!user.covers(region)) {
				throw new NotFoundException("Region");
			}
			within = Territory.of(region.value());
		}
		if (query.welfareDecile() != null && (query.welfareDecile() < 1 || query.welfareDecile() > 10)) {
			throw new InvalidInputException(FieldProblem.of("welfareDecile", "DECILE_OUT_OF_RANGE"));
		}
		List<List<String>> widened = new ArrayList<>();
		for (String word : searchedWords(key)) {
			List<String> similar = dictionary.similarWords(word);
			if (similar.isEmpty()) {
				return PageResponse.of(List.of(), page, 0);
			}
			widened.add(similar);
		}
		// for every searched word, the name must hold one of its widened words: the GIN index of name words
		// and place codes answers each condition and their intersection with the territory; the literal
		// arrays let the planner see how rare the words are (they hold only the letters a to z, checked by
		// NameDictionary)
		StringBuilder where = new StringBuilder(" where in_territory(p.village_code)"
				+ RegistryAccess.unrestricted(user, "p"));
		for (List<String> words : widened) {
			where.append(" and ").append(NAME_AND_PLACE).append(" && ").append(NameDictionary.arrayLiteral(words));
		}
		if (!within.isNational()) {
			// the same territory again, as the index sees it (region codes hold only digits and dots)
			where.append(" and ").append(NAME_AND_PLACE).append(" @> array[cast(:territory as text)]");
		}
		where.append("""
				 and (cast(:birthDate as date) is null or p.birth_date = :birthDate)
				 and (cast(:decile as integer) is null or exists (
				      select 1 from household d where d.id = p.household_id and d.welfare_decile = :decile))
				 and (cast(:programme as text) is null or exists (
				      select 1 from programme_membership m where m.programme_code = :programme and m.status = 'ACTIVE'
				        and (m.person_id = p.id or m.household_id = p.household_id)))
				""");
		// at most CANDIDATES matching persons are ranked and counted, in one pass; the household is joined
		// for the page's rows only. A search that matches more (one very common word over a whole regency)
		// says so instead of ranking tens of thousands of persons nobody would page through. The matches are
		// a materialised CTE, read only as far as the limit, so that the limit cannot tempt the planner into
		// a sequential scan of the registry.
		List<RankedRow> rows = within.sql(jdbc, """
				with matching as materialized (
				    select p.id, p.household_id, p.nik_cipher as nik, p.name, p.name_key, p.birth_date, p.sex, p.relationship,
				           p.village_code, p.left_reason
				    from person_in_scope p """ + " " + where + """
				)
				select c.id, c.household_id, c.nik, c.name, c.birth_date, c.sex, c.relationship, c.village_code,
				       h.welfare_decile, c.left_reason, c.total
				from (select m.*, word_similarity(:key, m.name_key) as rank, count(*) over () as total
				      from (select * from matching limit :candidates) m
				      order by rank desc, m.name, m.id limit :limit offset :offset) c
				join household h on h.id = c.household_id
				order by c.rank desc, c.name, c.id""")
			.param("key", key)
			.param("birthDate", query.birthDate())
			.param("decile", query.welfareDecile())
			.param("programme", blankToNull(query.programme()))
			.param("candidates", CANDIDATES + 1)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(RankedRow.class)
			.list();
		long total;
		if (!rows.isEmpty()) {
			total = rows.getFirst().total();
		}
		else if (page.offset() == 0) {
			total = 0;
		}
		else {
			// a page past the end: the window had no row to carry the count
			total = within.sql(jdbc, "with matching as materialized (select 1 from person_in_scope p " + where + ")"
					+ " select count(*) from (select 1 from matching limit :candidates) m")
					.param("birthDate", query.birthDate())
				.param("decile", query.welfareDecile())
				.param("programme", blankToNull(query.programme()))
				.param("candidates", CANDIDATES + 1)
				.query(Long.class)
				.single();
		}
		List<Row> plain = rows.stream().map(r -> new Row(r.id(), r.householdId(), r.nik(), r.name(), r.birthDate(),
				r.sex(), r.relationship(), r.villageCode(), r.welfareDecile(), r.leftReason())).toList();
		return total > CANDIDATES ? PageResponse.capped(summaries(user, plain), page, CANDIDATES)
				: PageResponse.of(summaries(user, plain), page, total);
	}

	/**
	 * The words of a person's normalised name and the codes of their province, regency, district and village,
	 * as indexed by {@code ix_person_name_and_place}: a query must use this very expression for the index.
	 */
	static final String NAME_AND_PLACE = "(string_to_array(p.name_key, ' ') || array[left(p.village_code, 2),"
			+ " left(p.village_code, 5), left(p.village_code, 8), p.village_code])";

	/** How many matching persons a name search ranks at most. */
	static final int CANDIDATES = 1000;

	private record RankedRow(UUID id, UUID householdId, String nik, String name,
			LocalDate birthDate, Sex sex, Relationship relationship, String villageCode,
			Integer welfareDecile, PersonAttributes.LeaveReason leftReason, long total) {
	}

	/**
	 * The words of a normalised name that narrow a search: those of three letters or more (an initial such as
	 * the {@code M} of {@code M. Yusuf} only ranks), at most {@value #MAX_WORDS}; a name of short words only
	 * is searched by all of them.
	 */
	static List<String> searchedWords(String key) {
		List<String> all = List.of(key.split(" "));
		List<String> longer = all.stream().filter(w -> w.length() >= 3).distinct().limit(MAX_WORDS).toList();
		return longer.isEmpty() ? all.stream().filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList() : longer;
	}

	private static final int MAX_WORDS = 6;

	private List<PersonSummary> summaries(CurrentUser user, List<Row> rows) {
		Map<String, String> names = regions.names(rows.stream().map(Row::villageCode).toList());
		List<PersonSummary> result = new ArrayList<>();
		for (Row r : rows) {
			result.add(new PersonSummary(r.id(), r.householdId(), RegistryAccess.show(user, stored.open(r.nik())), r.name(),
					r.birthDate(), r.sex(), r.relationship(), r.villageCode(), names.get(r.villageCode()),
					r.welfareDecile(), r.leftReason()));
		}
		return result;
	}
}
