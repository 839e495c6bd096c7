package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.ClientIds;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A regency's own PPKS list (Tuban's 22 indicators are an example): each category maps to one
 * of the national 26, and is sensitive when that one is (a district may add sensitivity, never take it
 * away). Publishing a list makes a new version and puts it in force at once; an earlier version can be put
 * back in force, or the regency can return to the national list. Complaints keep the version their codes
 * came from. District managers publish for their regency, administrators for any; everyone whose work
 * touches the regency may read its lists.
 */
@Service
class PpksLists {

	static final UUID NATIONAL = UUID.fromString("00000000-0000-7000-8000-000000000026");

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.\\-]{0,19}");

	static final int MAX_CATEGORIES = 200;

	public record CategoryInput(String code, String label, String nationalCode, Boolean sensitive) {
	}

	/** A list to publish; {@code id} is the client's choice for the new version, or null. */
	public record NewList(UUID id, String regencyCode, String name, List<CategoryInput> categories) {
	}

	public record CategoryView(String code, String label, String nationalCode, String nationalLabel,
			boolean sensitive) {
	}

	/** One version of a list; {@code regencyCode} is null for the national list. */
	public record ListView(UUID id, String regencyCode, int version, String name, boolean active, Instant createdAt,
			List<CategoryView> categories) {
	}

	/** What a regency has: the list in force (its own or the national one) and every version it published. */
	public record Overview(String regencyCode, String regencyName, UUID inForce, ListView national,
			List<ListView> versions) {

		public ListView inForceList() {
			return versions.stream().filter(ListView::active).findFirst().orElse(national);
		}
	}

	/** A publication: the version in force afterwards, and whether it is new (an identical list is not). */
	public record Published(ListView list, boolean created) {
	}

	private record Header(UUID id, String regionCode, int version, String name, boolean active, Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final Clock clock;

	PpksLists(JdbcClient jdbc, RegionCatalog regions, Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.clock = clock;
	}

	static boolean mayPublish(CurrentUser user) {
		return user.may(Action.PPKS_LIST_PUBLISH);
	}

	/** The lists of a regency the user's work touches (it covers the regency, or works inside it); else 404. */
	public Overview overview(CurrentUser user, String regencyCode) {
		Region regency = readableRegency(user, regencyCode);
		List<Header> headers = jdbc.sql("""
				select id, region_code, version, name, active, created_at from ppks_taxonomy
				where region_code = :regency or id = :national order by version desc""")
			.param("regency", regency.code())
			.param("national", NATIONAL)
			.query(Header.class)
			.list();
		Map<UUID, List<CategoryView>> categories = categories(headers.stream().map(Header::id).toList());
		Function<Header, ListView> view = h -> new ListView(h.id(), h.regionCode(), h.version(), h.name(), h.active(),
				h.createdAt(), categories.getOrDefault(h.id(), List.of()));
		ListView national = headers.stream().filter(h -> h.id().equals(NATIONAL)).findFirst().map(view).orElseThrow();
		List<ListView> versions = headers.stream().filter(h -> !h.id().equals(NATIONAL)).map(view).toList();
		UUID inForce = versions.stream().filter(ListView::active).findFirst().map(ListView::id).orElse(NATIONAL);
		return new Overview(regency.code(), regency.name(), inForce, national, versions);
	}

	/** Publishes a new version of a regency's list and puts it in force; an identical list changes nothing. */
	@Transactional
	public Published publish(CurrentUser user, NewList list) {
		requirePublisher(user);
		List<FieldProblem> problems = new ArrayList<>();
		Region regency = writableRegency(user, list.regencyCode(), problems);
		String name = list.name() == null ? "" : list.name().strip();
		if (name.isEmpty()) {
			problems.add(FieldProblem.of("name", "REQUIRED"));
		}
		else if (name.length() > 200) {
			problems.add(FieldProblem.of("name", "TEXT_TOO_LONG"));
		}
		List<CategoryView> categories = categories(list.categories(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		// one publisher at a time per regency: versions are numbered without gaps or twins
		jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended('ppks_taxonomy:' || :regency, 0))) l")
			.param("regency", regency.code())
			.query(Long.class)
			.single();
		Overview before = overview(user, regency.code());
		Optional<ListView> same = before.versions().stream()
			.filter(v -> v.active() && v.name().equals(name) && v.categories().equals(categories))
			.findFirst();
		if (same.isPresent()) {
			return new Published(same.get(), false);
		}
		int version = before.versions().stream().mapToInt(ListView::version).max().orElse(0) + 1;
		UUID id = ClientIds.orNew(list.id());
		Instant now = clock.instant();
		jdbc.sql("update ppks_taxonomy set active = false where region_code = :regency and active")
			.param("regency", regency.code())
			.update();
		jdbc.sql("""
				insert into ppks_taxonomy (id, region_code, version, name, active, created_at, created_by)
				values (:id, :regency, :version, :name, true, :now, :by)""")
			.param("id", id)
			.param("regency", regency.code())
			.param("version", version)
			.param("name", name)
			.param("now", Timestamp.from(now))
			.param("by", user.id())
			.update();
		int position = 0;
		for (CategoryView category : categories) {
			jdbc.sql("""
					insert into ppks_category (taxonomy_id, code, label, national_code, sensitive, position)
					values (:id, :code, :label, :national, :sensitive, :position)""")
				.param("id", id)
				.param("code", category.code())
				.param("label", category.label())
				.param("national", category.nationalCode())
				.param("sensitive", category.sensitive())
				.param("position", ++position)
				.update();
		}
		return new Published(new ListView(id, regency.code(), version, name, true, now, categories), true);
	}

	/** Puts a published version of a regency's list back in force (again: nothing changes). */
	@Transactional
	public ListView activate(CurrentUser user, UUID id) {
		Header header = ownList(user, id);
		// one at a time: the unique index on the list in force is checked row by row
		jdbc.sql("update ppks_taxonomy set active = false where region_code = :regency and active and id <> :id")
			.param("id", id)
			.param("regency", header.regionCode())
			.update();
		jdbc.sql("update ppks_taxonomy set active = true where id = :id").param("id", id).update();
		return overview(user, header.regionCode()).versions().stream().filter(v -> v.id().equals(id)).findFirst()
			.orElseThrow();
	}

	/** Takes a regency's list out of force: the regency uses the national list again (again: nothing changes). */
	@Transactional
	public ListView deactivate(CurrentUser user, UUID id) {
		Header header = ownList(user, id);
		jdbc.sql("update ppks_taxonomy set active = false where id = :id").param("id", id).update();
		return overview(user, header.regionCode()).versions().stream().filter(v -> v.id().equals(id)).findFirst()
			.orElseThrow();
	}

	private Header ownList(CurrentUser user, UUID id) {
		requirePublisher(user);
		Header header = jdbc.sql("""
				select id, region_code, version, name, active, created_at from ppks_taxonomy
				where id = :id and region_code is not null""")
			.param("id", id)
			.query(Header.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("PPKS list"));
		if (!user.covers(RegionCode.of(header.regionCode()))) {
			throw new NotFoundException("PPKS list");
		}
		return header;
	}

	private static void requirePublisher(CurrentUser user) {
		if (!mayPublish(user)) {
			throw new AccessDeniedException("PPKS lists are published by managers, not by " + user.role());
		}
	}

	private Region readableRegency(CurrentUser user, String code) {
		RegionCode region = RegionCode.parse(code == null ? "" : code.strip())
			.filter(c -> c.level() == RegionLevel.REGENCY)
			.orElseThrow(() -> new InvalidInputException(List.of(FieldProblem.of("regencyCode", "REGENCY_REQUIRED"))));
		if (!user.touches(region)) {
			throw new NotFoundException("Regency");
		}
		return regions.find(region).orElseThrow(() -> new NotFoundException("Regency"));
	}

	private Region writableRegency(CurrentUser user, String code, List<FieldProblem> problems) {
		if (code == null || code.isBlank()) {
			problems.add(FieldProblem.of("regencyCode", "REQUIRED"));
			return null;
		}
		RegionCode region = RegionCode.parse(code.strip()).orElse(null);
		if (region == null || region.level() != RegionLevel.REGENCY) {
			problems.add(FieldProblem.of("regencyCode", "REGENCY_REQUIRED"));
			return null;
		}
		if (!user.covers(region)) {
			throw new NotFoundException("Regency");
		}
		return regions.find(region).orElseThrow(() -> new NotFoundException("Regency"));
	}

	private List<CategoryView> categories(List<CategoryInput> inputs, List<FieldProblem> problems) {
		if (inputs == null || inputs.isEmpty()) {
			problems.add(FieldProblem.of("categories", "REQUIRED"));
			return List.of();
		}
		if (inputs.size() > MAX_CATEGORIES) {
			problems.add(FieldProblem.of("categories", "PPKS_TOO_MANY"));
			return List.of();
		}
		Map<String, CategoryView> national = categories(List.of(NATIONAL)).get(NATIONAL).stream()
			.collect(Collectors.toMap(CategoryView::code, c -> c));
		Set<String> seen = new HashSet<>();
		List<CategoryView> categories = new ArrayList<>();
		for (int i = 0; i < inputs.size(); i++) {
			CategoryInput input = inputs.get(i);
			String at = "categories[" + i + "]";
			if (input == null) {
				problems.add(FieldProblem.of(at, "REQUIRED"));
				continue;
			}
			String code = input.code() == null ? "" : input.code().strip();
			String label = input.label() == null ? "" : input.label().strip();
			String nationalCode = input.nationalCode() == null ? "" : input.nationalCode().strip();
			if (code.isEmpty()) {
				problems.add(FieldProblem.of(at + ".code", "REQUIRED"));
			}
			else if (!CODE.matcher(code).matches()) {
				problems.add(FieldProblem.of(at + ".code", "PPKS_CODE_INVALID"));
			}
			else if (!seen.add(code.toUpperCase(Locale.ROOT))) {
				problems.add(FieldProblem.of(at + ".code", "PPKS_CODE_REPEATED"));
			}
			if (label.isEmpty()) {
				problems.add(FieldProblem.of(at + ".label", "REQUIRED"));
			}
			else if (label.length() > 200) {
				problems.add(FieldProblem.of(at + ".label", "TEXT_TOO_LONG"));
			}
			CategoryView mapped = national.get(nationalCode);
			if (nationalCode.isEmpty()) {
				problems.add(FieldProblem.of(at + ".nationalCode", "REQUIRED"));
			}
			else if (mapped == null) {
				problems.add(FieldProblem.of(at + ".nationalCode", "PPKS_NATIONAL_UNKNOWN"));
			}
			if (mapped != null) {
				categories.add(new CategoryView(code, label, nationalCode, mapped.label(),
						mapped.sensitive() || Boolean.TRUE.equals(input.sensitive())));
			}
		}
		return categories;
	}

	private Map<UUID, List<CategoryView>> categories(List<UUID> taxonomies) {
		record Row(UUID taxonomyId, String code, String label, String nationalCode, String nationalLabel,
				boolean sensitive) {
		}
		return jdbc.sql("""
				select c.taxonomy_id, c.code, c.label, c.national_code, n.label as national_label, c.sensitive
				from ppks_category c
				join ppks_category n on n.taxonomy_id = :national and n.code = c.national_code
				where c.taxonomy_id in (:ids)
				order by c.taxonomy_id, c.position, length(c.code), c.code""")
			.param("national", NATIONAL)
			.param("ids", taxonomies)
			.query(Row.class)
			.list()
			.stream()
			.collect(Collectors.groupingBy(Row::taxonomyId, LinkedHashMap::new,
					Collectors.mapping(r -> new CategoryView(r.code(), r.label(), r.nationalCode(), r.nationalLabel(),
							r.sensitive()), Collectors.toList())));
	}
}
