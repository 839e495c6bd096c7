package org.simpul.pbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.pbi.Reactivation.Category;
import org.simpul.pbi.Reactivation.Status;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading reactivation requests: one with its steps; the worklist of a territory by status (the urgent categories
 * and the windows closing soonest first); and a district's overview (how many were removed, how many asked and
 * where they stand, how many are active again, moved or rejected, whose window closes within 7 days). Inside the
 * caller's territory only; a person under a restriction of processing is left out but for the data protection
 * officer.
 */
@Service
public class ReactivationQueries {

	/** A step of a request's history. */
	public record StepView(String status, Instant at, UUID by, String note) {
	}

	/** A request as its readers see it. */
	public record ReactivationView(UUID id, UUID personId, String name, String villageCode, UUID deactivationId,
			LocalDate windowClosesOn, UUID complaintId, Category category, String priority, Status status,
			String letterNumber, LocalDate letterIssuedOn, String segment, String reason, Instant createdAt,
			Instant updatedAt, int version, List<StepView> steps) {
	}

	/** A request in a worklist. */
	public record ReactivationItem(UUID id, UUID personId, String name, String villageCode, Category category,
			String priority, Status status, LocalDate windowClosesOn, String letterNumber, Instant updatedAt) {
	}

	/** A district's (or wider territory's) figures, as API.md "PBI-JK reactivation" names them. */
	public record Overview(String regionCode, long deactivated, Map<String, Long> requests, long active,
			long movedSegment, long rejected, long windowsClosingIn7Days) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final RegionTime time;

	private final AuditTrail audit;

	ReactivationQueries(JdbcClient jdbc, RegionCatalog regions, RegionTime time, AuditTrail audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.time = time;
		this.audit = audit;
	}

	private static final String COLUMNS = """
			select r.id, r.person_id, r.person_name, r.village_code, r.deactivation_id, d.window_closes_on, r.complaint_id,
			       r.category, r.status, r.letter_number, r.letter_issued_on, r.segment, r.reason, r.created_at,
			       r.updated_at, r.version
			from pbi_reactivation r left join pbi_deactivation d on d.id = r.deactivation_id""";

	static String restricted(CurrentUser actor) {
		return actor.may(Action.DATA_PROTECTION) ? "" : " and not exists (select 1 from person_placement rp"
				+ " where rp.id = r.person_id and rp.restricted_since is not null)";
	}

	static String priority(Category category) {
		return category.urgent() ? "HIGH" : "NORMAL";
	}

	/** One request of the user's territory; reading it is on the audit trail. */
	@Transactional
	public ReactivationView get(CurrentUser actor, UUID id) {
		ReactivationView view = written(actor, id);
		audit.record(actor, AuditTrail.Action.READ, "PBI_REACTIVATION", id, List.of(view.personId()));
		return view;
	}

	/** One request as it stands after a write (the write is on the trail already). */
	ReactivationView written(CurrentUser actor, UUID id) {
		actor.require(Action.PBI_READ);
		ReactivationView found = actor.territory().sql(jdbc, COLUMNS + " where r.id = :id and in_territory(r.village_code)"
				+ restricted(actor))
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("Reactivation"));
		List<StepView> steps = jdbc.sql("""
				select status, at, by_user, note from pbi_reactivation_step where reactivation_id = :id order by id""")
			.param("id", id)
			.query((rs, n) -> new StepView(rs.getString("status"), rs.getTimestamp("at").toInstant(),
					rs.getObject("by_user", UUID.class), rs.getString("note")))
			.list();
		return new ReactivationView(found.id(), found.personId(), found.name(), found.villageCode(),
				found.deactivationId(), found.windowClosesOn(), found.complaintId(), found.category(), found.priority(),
				found.status(), found.letterNumber(), found.letterIssuedOn(), found.segment(), found.reason(),
				found.createdAt(), found.updatedAt(), found.version(), steps);
	}

	private static ReactivationView view(ResultSet rs) throws SQLException {
		Category category = Category.valueOf(rs.getString("category"));
		return new ReactivationView(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getString("person_name"), rs.getString("village_code"), rs.getObject("deactivation_id", UUID.class),
				rs.getObject("window_closes_on", LocalDate.class), rs.getObject("complaint_id", UUID.class), category,
				priority(category), Status.valueOf(rs.getString("status")), rs.getString("letter_number"),
				rs.getObject("letter_issued_on", LocalDate.class), rs.getString("segment"), rs.getString("reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"),
				List.of());
	}

	/** The worklist: requests of the territory (of a village, with a status, if named), urgent ones first. */
	@Transactional
	public PageResponse<ReactivationItem> list(CurrentUser actor, String villageCode, String status, PageRequest page) {
		actor.require(Action.PBI_READ);
		String village = village(actor, villageCode);
		Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = Status.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
			}
		}
		String where = " where in_territory(r.village_code) and (cast(:village as text) is null or r.village_code = :village)"
				+ " and (cast(:status as text) is null or r.status = :status)" + restricted(actor);
		long total = actor.territory().sql(jdbc, "select count(*) from pbi_reactivation r" + where)
			.param("village", village).param("status", wanted == null ? null : wanted.name())
			.query(Long.class).single();
		List<ReactivationItem> items = actor.territory().sql(jdbc, COLUMNS + where + """
				 order by r.category not in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY'), d.window_closes_on nulls last,
				          r.created_at, r.id
				 limit :limit offset :offset""")
			.param("village", village).param("status", wanted == null ? null : wanted.name())
			.param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> {
				ReactivationView v = view(rs);
				return new ReactivationItem(v.id(), v.personId(), v.name(), v.villageCode(), v.category(), v.priority(),
						v.status(), v.windowClosesOn(), v.letterNumber(), v.updatedAt());
			})
			.list();
		audit.record(actor, AuditTrail.Action.SEARCH, "PBI_REACTIVATION", null,
				items.stream().map(ReactivationItem::personId).toList());
		return PageResponse.of(items, page, total);
	}

	private String village(CurrentUser actor, String villageCode) {
		if (villageCode == null || villageCode.isBlank()) {
			return null;
		}
		RegionCode code = RegionCode.parse(villageCode.strip())
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("villageCode", "REGION_UNKNOWN")));
		if (!regions.exists(code) || !actor.covers(code)) {
			throw new NotFoundException("Village");
		}
		return code.value();
	}

	/**
	 * The figures of a region of the user's territory (their own territory when none is named): persons removed
	 * (once each, whatever the decrees), requests by status, the three answers, and open windows closing within 7
	 * days with no request under way or answered.
	 */
	@Transactional(readOnly = true)
	public Overview overview(CurrentUser actor, String regionCode) {
		actor.require(Action.PBI_READ);
		String region;
		if (regionCode == null || regionCode.isBlank()) {
			region = actor.territory().regionCode().map(RegionCode::value).orElse(null);
		}
		else {
			RegionCode code = RegionCode.parse(regionCode.strip())
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_UNKNOWN")));
			if (!regions.exists(code) || !actor.covers(code)) {
				throw new NotFoundException("Region");
			}
			region = code.value();
		}
		String within = " and (cast(:region as text) is null or %1$s = :region or %1$s like :region || '.%%')";
		long deactivated = actor.territory().sql(jdbc, "select count(distinct d.nik_index) from pbi_deactivation d"
				+ " where in_territory(d.place)" + within.formatted("d.place"))
			.param("region", region).query(Long.class).single();
		Map<String, Long> requests = new LinkedHashMap<>();
		for (Status status : Status.values()) {
			requests.put(status.name(), 0L);
		}
		actor.territory().sql(jdbc, "select r.status, count(*) from pbi_reactivation r where in_territory(r.village_code)"
				+ within.formatted("r.village_code") + " group by r.status")
			.param("region", region)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> requests.put(e.getKey(), e.getValue()));
		long closing = actor.territory().sql(jdbc, """
				select count(*) from pbi_deactivation d
				where in_territory(d.place)""" + within.formatted("d.place") + """
				  and d.window_closes_on >= %1$s and d.window_closes_on < %1$s + 7
				  and not exists (select 1 from pbi_reactivation r where r.person_id = d.person_id
				                  and r.status not in ('WITHDRAWN'))""".formatted(RegionTime.sqlToday("d.place")))
			.param("region", region)
			.params(time.sqlTodayParameters())
			.query(Long.class).single();
		return new Overview(region, deactivated, requests, requests.get("ACTIVE"), requests.get("MOVED_SEGMENT"),
				requests.get("REJECTED"), closing);
	}
}
