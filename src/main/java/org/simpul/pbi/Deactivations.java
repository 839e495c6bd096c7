package org.simpul.pbi;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
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
 * The people of the user's territory removed from PBI-JK, as the village and Dinsos work through them: whom, since
 * when, when the window to reactivate them closes, by the decree that removed them. Open windows first; among
 * them the people being helped with their health now (an open health complaint: priority {@code HIGH}), then the
 * windows closing soonest.
 * A person under a restriction of processing is kept out (but for the data protection officer); one the registry
 * does not hold is seen only by the district. Reading the list is on the audit trail, with the persons it showed.
 */
@Service
public class Deactivations {

	/**
	 * One person on the list. {@code personId} is the registry's (null: not in the registry);
	 * {@code reactivationStatus} and {@code reactivationId} are the latest request's, null while there is none.
	 * {@code HIGH} priority: an open health complaint, or a request for chronic or catastrophic illness or an
	 * emergency.
	 */
	public record DeactivationItem(UUID id, UUID personId, String name, String villageCode, String decree,
			LocalDate deactivatedOn, LocalDate windowClosesOn, boolean windowOpen, String priority,
			String reactivationStatus, UUID reactivationId) {
	}

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final RegionTime time;

	private final AuditTrail audit;

	Deactivations(JdbcClient jdbc, RegionCatalog regions, RegionTime time, AuditTrail audit) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.time = time;
		this.audit = audit;
	}

	/** The persons of the user's territory (of one village of it, if named), windows closing soonest first. */
	@Transactional
	public PageResponse<DeactivationItem> list(CurrentUser actor, String villageCode, PageRequest page) {
		actor.require(Action.PBI_READ);
		String village = null;
		if (villageCode != null && !villageCode.isBlank()) {
			RegionCode code = RegionCode.parse(villageCode.strip())
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("villageCode", "REGION_UNKNOWN")));
			if (!regions.exists(code) || !actor.covers(code)) {
				throw new NotFoundException("Village");
			}
			village = code.value();
		}
		String restricted = actor.may(Action.DATA_PROTECTION) ? "" : " and not exists (select 1 from person_placement rp"
				+ " where rp.id = d.person_id and rp.restricted_since is not null)";
		String where = " where in_territory(d.place)"
				+ " and (cast(:village as text) is null or d.village_code = :village)" + restricted;
		long total = actor.territory().sql(jdbc, "select count(*) from pbi_deactivation d" + where)
			.param("village", village)
			.query(Long.class).single();
		List<DeactivationItem> items = actor.territory().sql(jdbc, """
				select d.id, d.person_id, d.name, d.village_code, d.decree, d.deactivated_on, d.window_closes_on,
				       (d.window_closes_on >= %s
				        or exists (select 1 from pbi_window_exception e where e.deactivation_id = d.id)) as open,
				       exists (select 1 from open_health_complaint c where c.person_id = d.person_id) as in_care,
				       r.status as request_status, r.id as request_id,
				       coalesce(r.category in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY') and r.status not in ('ACTIVE',
				                'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN'), false) as urgent
				from pbi_deactivation d
				left join lateral (select r.id, r.status, r.category from pbi_reactivation r
				                   where r.deactivation_id = d.id or (r.deactivation_id is null and r.person_id = d.person_id)
				                   order by r.created_at desc, r.id limit 1) r on true""".formatted(RegionTime.sqlToday("d.place"))
				+ where + " order by d.window_closes_on < " + RegionTime.sqlToday("d.place")
				+ ", (exists (select 1 from open_health_complaint c where c.person_id = d.person_id)"
				+ " or coalesce(r.category in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY') and r.status not in ('ACTIVE',"
				+ " 'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN'), false)) desc,"
				+ " d.window_closes_on, d.name, d.id limit :limit offset :offset")
			.param("village", village)
			.params(time.sqlTodayParameters())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> new DeactivationItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
					rs.getString("name"), rs.getString("village_code"), rs.getString("decree"),
					rs.getObject("deactivated_on", LocalDate.class), rs.getObject("window_closes_on", LocalDate.class),
					rs.getBoolean("open"), rs.getBoolean("in_care") || rs.getBoolean("urgent") ? "HIGH" : "NORMAL",
					rs.getString("request_status"), rs.getObject("request_id", UUID.class)))
			.list();
		audit.record(actor, AuditTrail.Action.SEARCH, "PBI_DEACTIVATION", null,
				items.stream().map(DeactivationItem::personId).filter(Objects::nonNull).toList());
		return PageResponse.of(items, page, total);
	}
}
