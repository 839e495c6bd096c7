package org.simpul.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.casework.AssessmentForm.Section;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.registry.RegistryProposals;
import org.simpul.shared.ClientIds;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment forms: national versions shipped with the schema, and a district's own versions its manager
 * (or an administrator) publishes without code. The form in force for a village is the newest version of its
 * district, else the newest national one. Publishing the very form in force again makes no new version.
 */
@Service
public class AssessmentForms {

	/** A published version of a form. */
	public record FormView(UUID id, Kind kind, String regencyCode, int version, String title, List<Section> sections,
			Instant publishedAt) {

		AssessmentForm form() {
			return new AssessmentForm(title, sections);
		}
	}

	/**
	 * A form to publish: for a district ({@code regencyCode}), or national (administrators only); {@code id} is
	 * the client's choice for the new version, or null.
	 */
	public record NewForm(UUID id, String kind, String regencyCode, String title, List<Section> sections) {
	}

	private record Row(UUID id, String kind, String regencyCode, int version, String definition, Instant publishedAt) {
	}

	private static final String SELECT = "select id, kind, regency_code, version, cast(definition as text) as definition,"
			+ " published_at from assessment_form";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final RegionCatalog regions;

	AssessmentForms(JdbcClient jdbc, Clock clock, JsonMapper json, RegionCatalog regions) {
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	/** The form of {@code kind} in force for a region (its district's newest version, else the national one). */
	public FormView inForce(Kind kind, RegionCode region) {
		String regency = regency(region);
		return jdbc.sql(SELECT + " " + """
				where kind = :kind and (regency_code is null or regency_code = :regency)
				order by regency_code nulls last, version desc limit 1""")
			.param("kind", kind.name())
			.param("regency", regency)
			.query(Row.class)
			.optional()
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("Assessment form"));
	}

	/** The form in force for a region the user's work touches; 404 otherwise. */
	public FormView inForce(CurrentUser user, Kind kind, RegionCode region) {
		if (!user.touches(region)) {
			throw new NotFoundException("Region");
		}
		return inForce(kind, region);
	}

	/** A version of a form: national ones for every user, a district's for those whose work touches it. */
	public Optional<FormView> form(CurrentUser user, UUID id) {
		return find(id).filter(f -> f.regencyCode() == null || user.touches(RegionCode.of(f.regencyCode())));
	}

	/** Published versions never change: each is read and parsed once. */
	private final Map<UUID, FormView> published = new ConcurrentHashMap<>();

	Optional<FormView> find(UUID id) {
		FormView known = published.get(id);
		if (known != null) {
			return Optional.of(known);
		}
		Optional<FormView> found = jdbc.sql(SELECT + " where id = :id").param("id", id).query(Row.class).optional()
			.map(this::view);
		found.ifPresent(f -> published.put(f.id(), f));
		return found;
	}

	/** Every version for a district (its own and the national ones), newest first. */
	public List<FormView> versions(CurrentUser user, RegionCode region) {
		if (!user.touches(region)) {
			throw new NotFoundException("Region");
		}
		return jdbc.sql(SELECT + " " + """
				where regency_code is null or regency_code = :regency order by kind, regency_code nulls last,
				 version desc""")
			.param("regency", regency(region))
			.query(Row.class)
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	/** Whether the user publishes forms: managers (for their district) and administrators. */
	public static boolean mayPublish(CurrentUser user) {
		return user.may(Action.ASSESSMENT_FORM_PUBLISH);
	}

	/** Publishes a new version; the result says whether it is new (false: the same form was already in force). */
	public record Published(FormView form, boolean created) {
	}

	@Transactional
	public Published publish(CurrentUser actor, NewForm form) {
		if (!mayPublish(actor)) {
			throw new AccessDeniedException("Assessment forms are not published by " + actor.role());
		}
		List<FieldProblem> problems = new ArrayList<>();
		Kind kind = null;
		try {
			kind = form.kind() == null ? null : Kind.valueOf(form.kind());
		}
		catch (IllegalArgumentException ex) {
			// named below
		}
		if (kind == null) {
			problems.add(FieldProblem.of("kind", form.kind() == null ? "REQUIRED" : "INVALID_VALUE"));
		}
		String regency = form.regencyCode() == null || form.regencyCode().isBlank() ? null : form.regencyCode().strip();
		if (regency == null && actor.role() != Role.ADMIN) {
			problems.add(FieldProblem.of("regencyCode", "REQUIRED"));
		}
		if (regency != null && !regency.matches("\\d{2}\\.\\d{2}")) {
			problems.add(FieldProblem.of("regencyCode", "INVALID_REGION"));
		}
		AssessmentForm definition = new AssessmentForm(form.title() == null ? null : form.title().strip(),
				form.sections());
		problems.addAll(definition.definitionProblems(RegistryProposals.FIELDS));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (regency != null) {
			RegionCode code = RegionCode.of(regency);
			boolean known = regions.exists(code);
			if (!known || !actor.covers(code)) {
				throw new NotFoundException("Region");
			}
		}
		jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
			.param("key", "assessment_form:" + kind + ":" + (regency == null ? "" : regency))
			.query(Long.class)
			.single();
		String text = json.writeValueAsString(definition);
		Optional<Row> latest = jdbc.sql(SELECT + " " + """
				 where kind = :kind and coalesce(regency_code, '') = :regency order by version desc limit 1""")
			.param("kind", kind.name())
			.param("regency", regency == null ? "" : regency)
			.query(Row.class)
			.optional();
		if (latest.isPresent() && json.readTree(latest.get().definition()).equals(json.readTree(text))) {
			return new Published(view(latest.get()), false);
		}
		UUID id = ClientIds.orNew(form.id());
		jdbc.sql("""
				insert into assessment_form (id, kind, regency_code, version, definition, published_by, published_at)
				values (:id, :kind, :regency, :version, cast(:definition as jsonb), :by, :now)""")
			.param("id", id)
			.param("kind", kind.name())
			.param("regency", regency)
			.param("version", latest.map(Row::version).orElse(0) + 1)
			.param("definition", text)
			.param("by", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return new Published(find(id).orElseThrow(), true);
	}

	private FormView view(Row row) {
		AssessmentForm form = json.readValue(row.definition(), AssessmentForm.class);
		return new FormView(row.id(), Kind.valueOf(row.kind()), row.regencyCode(), row.version(), form.title(),
				form.sections(), row.publishedAt());
	}

	/** The district (kabupaten/kota) of a region code: its first two levels; none above them. */
	static String regency(RegionCode region) {
		String code = region.value();
		return code.length() >= 5 ? code.substring(0, 5) : null;
	}
}
