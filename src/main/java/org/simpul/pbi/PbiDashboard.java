package org.simpul.pbi;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The head of Dinsos' PBI-JK page (DOMAIN.md §10, the ministry's own shape): per sub-district of a district (per
 * village of a sub-district, per district of a province) how many were removed and where their latest request
 * stands in the ministry's four states (in process, approved and waiting for BPJS, active again, moved to another
 * segment; and rejected), how many are still without cover and whose window closes within 7 days without a
 * request; the days each step took on average; the people in care (an open health complaint or referral to a health provider, or a request for
 * chronic or catastrophic illness or an emergency) still without cover; and the windows closing this week. The
 * answer to "how many are still without cover, and where?" is the table's {@code withoutCover} column, and the
 * same as XLSX. Inside the caller's territory; restricted persons are left out but for the data protection officer.
 */
@Service
public class PbiDashboard {

	/** One area's figures. {@code code} null: persons the registry does not hold (placed at the district only). */
	public record Area(String code, String name, long deactivated, long inProcess, long approved, long active,
			long moved, long rejected, long withoutCover, long closingIn7Days) {
	}

	/** A step's average duration in days over the requests that took it. */
	public record StepDays(String step, long requests, Double averageDays) {
	}

	/**
	 * A person on the list who is being treated and still has no cover ({@code openHealthComplaint}: an open health
	 * complaint or a referral to a health provider).
	 */
	public record InCare(UUID deactivationId, UUID reactivationId, String name, String villageCode, String villageName,
			boolean openHealthComplaint, String category, String status, LocalDate windowClosesOn) {
	}

	/** A person whose window closes within 7 days and who has no request yet. */
	public record Closing(UUID deactivationId, String name, String villageCode, String villageName,
			LocalDate windowClosesOn) {
	}

	public record Dashboard(String regionCode, String regionName, List<Area> areas, Area total, List<StepDays> days,
			List<InCare> inCare, List<Closing> closing) {
	}

	/** The steps the page times: from one status reached to the next. */
	static final List<String[]> STEPS = List.of(new String[] { "SUBMITTED", "VERIFIED" },
			new String[] { "VERIFIED", "LETTER_ISSUED" }, new String[] { "LETTER_ISSUED", "ENTERED" },
			new String[] { "ENTERED", "ANSWERED" }, new String[] { "APPROVED", "ACTIVE" });

	static final int LISTED = 100;

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final RegionTime time;

	private final AuditTrail audit;

	private final MessageSource messages;

	private static final Locale INDONESIAN = Locale.of("id");

	PbiDashboard(JdbcClient jdbc, RegionCatalog regions, RegionTime time, AuditTrail audit, MessageSource messages) {
		this.messages = messages;
		this.jdbc = jdbc;
		this.regions = regions;
		this.time = time;
		this.audit = audit;
	}

	/** The region the page is about: the one named (inside the territory) or the user's own. */
	private String region(CurrentUser actor, String regionCode) {
		if (regionCode == null || regionCode.isBlank()) {
			return actor.territory().regionCode().map(RegionCode::value).orElse(null);
		}
		RegionCode code = RegionCode.parse(regionCode.strip())
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "REGION_UNKNOWN")));
		if (!regions.exists(code) || !actor.covers(code)) {
			throw new NotFoundException("Region");
		}
		return code.value();
	}

	/** The page's figures and lists; reading the lists of persons is on the audit trail. */
	@Transactional
	public Dashboard of(CurrentUser actor, String regionCode) {
		actor.require(Action.PBI_READ);
		String region = region(actor, regionCode);
		// the areas one level below the region: provinces, districts, sub-districts, villages
		int length = region == null ? 2 : switch (region.length()) {
			case 2 -> 5;
			case 5 -> 8;
			default -> 13;
		};
		String within = " and (cast(:region as text) is null or %1$s = :region or %1$s like :region || '.%%')";
		String restricted = actor.may(Action.DATA_PROTECTION) ? ""
				: " and (d.person_id is null or d.person_id not in (select id from restricted))";
		// one pass over the territory's list: each person's latest request and whether they are in care, computed
		// once (materialized, joined by hash) into a table of this transaction, which the figures and lists read
		actor.territory().sql(jdbc, """
				create temp table pbi_listed on commit drop as
				with r as materialized (
				  select distinct on (q.deactivation_id) q.deactivation_id, q.id, q.status, q.category
				  from pbi_reactivation q where q.deactivation_id is not null and q.status <> 'WITHDRAWN'
				    and in_territory(q.village_code)""" + within.formatted("q.village_code") + """
				  order by q.deactivation_id, q.created_at desc, q.id),
				unlisted as materialized (
				  select distinct on (q.person_id) q.person_id, q.id, q.status, q.category
				  from pbi_reactivation q where q.deactivation_id is null and q.status <> 'WITHDRAWN'
				    and in_territory(q.village_code)""" + within.formatted("q.village_code") + """
				  order by q.person_id, q.created_at desc, q.id),
				care as materialized (select c.person_id from open_health_complaint c
				                      union select f.person_id from open_health_referral f),
				restricted as materialized (select p.id from person_placement p where p.restricted_since is not null)
				select d.id, d.person_id, d.name, d.village_code, d.place, d.window_closes_on,
				       coalesce(r.id, u.id) as request_id, coalesce(r.status, u.status) as status,
				       coalesce(r.category, u.category) as category,
				       coalesce(d.person_id in (select person_id from care), false) as complaint,
				       d.window_closes_on >= %1$s and d.window_closes_on < %1$s + 7 as closing
				from pbi_deactivation d left join r on r.deactivation_id = d.id
				left join unlisted u on r.id is null and u.person_id = d.person_id
				where in_territory(d.place)""".formatted(RegionTime.sqlToday("d.place")) + within.formatted("d.place")
				+ restricted)
			.param("region", region)
			.params(time.sqlTodayParameters())
			.update();
		List<Area> areas = new ArrayList<>(jdbc.sql("""
				select case when length(place) >= :length then substr(place, 1, :length) end as code,
				       count(*) as deactivated,
				       count(*) filter (where status in ('DRAFT', 'SUBMITTED', 'RETURNED', 'VERIFIED', 'LETTER_ISSUED',
				                                         'ENTERED')) as in_process,
				       count(*) filter (where status = 'APPROVED') as approved,
				       count(*) filter (where status = 'ACTIVE') as active,
				       count(*) filter (where status = 'MOVED_SEGMENT') as moved,
				       count(*) filter (where status = 'REJECTED') as rejected,
				       count(*) filter (where status is null or status not in ('ACTIVE', 'MOVED_SEGMENT')) as without_cover,
				       count(*) filter (where status is null and closing) as closing
				from pbi_listed group by 1 order by 1 nulls last""")
			.param("length", length)
			.query((rs, n) -> new Area(rs.getString("code"), null, rs.getLong("deactivated"), rs.getLong("in_process"),
					rs.getLong("approved"), rs.getLong("active"), rs.getLong("moved"), rs.getLong("rejected"),
					rs.getLong("without_cover"), rs.getLong("closing")))
			.list());
		Map<String, String> names = regions.names(areas.stream().map(Area::code).filter(Objects::nonNull).toList());
		areas.replaceAll(a -> new Area(a.code(), a.code() == null ? null : names.getOrDefault(a.code(), a.code()),
				a.deactivated(), a.inProcess(), a.approved(), a.active(), a.moved(), a.rejected(), a.withoutCover(),
				a.closingIn7Days()));
		Area total = new Area(region, null, areas.stream().mapToLong(Area::deactivated).sum(),
				areas.stream().mapToLong(Area::inProcess).sum(), areas.stream().mapToLong(Area::approved).sum(),
				areas.stream().mapToLong(Area::active).sum(), areas.stream().mapToLong(Area::moved).sum(),
				areas.stream().mapToLong(Area::rejected).sum(), areas.stream().mapToLong(Area::withoutCover).sum(),
				areas.stream().mapToLong(Area::closingIn7Days).sum());

		List<StepDays> days = actor.territory().sql(jdbc, """
				with reached as (
				  select s.reactivation_id,
				         min(s.at) filter (where s.status = 'SUBMITTED') as submitted,
				         max(s.at) filter (where s.status = 'VERIFIED') as verified,
				         max(s.at) filter (where s.status = 'LETTER_ISSUED') as lettered,
				         max(s.at) filter (where s.status = 'ENTERED') as entered,
				         max(s.at) filter (where s.status = 'APPROVED') as approved,
				         min(s.at) filter (where s.status in ('APPROVED', 'ACTIVE', 'MOVED_SEGMENT', 'REJECTED')) as answered,
				         max(s.at) filter (where s.status in ('ACTIVE', 'MOVED_SEGMENT')) as active
				  from pbi_reactivation_step s join pbi_reactivation r on r.id = s.reactivation_id
				  where in_territory(r.village_code)""" + within.formatted("r.village_code") + """
				  group by s.reactivation_id)
				select count(verified - submitted), avg(extract(epoch from verified - submitted)) / 86400,
				       count(lettered - verified), avg(extract(epoch from lettered - verified)) / 86400,
				       count(entered - lettered), avg(extract(epoch from entered - lettered)) / 86400,
				       count(answered - entered), avg(extract(epoch from answered - entered)) / 86400,
				       count(active - approved), avg(extract(epoch from active - approved)) / 86400
				from reached""")
			.param("region", region)
			.query((rs, n) -> {
				List<StepDays> steps = new ArrayList<>();
				for (int i = 0; i < STEPS.size(); i++) {
					double average = rs.getDouble(2 * i + 2);
					steps.add(new StepDays(STEPS.get(i)[0] + "_" + STEPS.get(i)[1], rs.getLong(2 * i + 1),
							rs.wasNull() ? null : Math.round(average * 10) / 10.0));
				}
				return steps;
			})
			.single();

		List<InCare> inCare = jdbc.sql("""
				select id, request_id, name, village_code, window_closes_on, status, category, complaint from pbi_listed
				where (status is null or status not in ('ACTIVE', 'MOVED_SEGMENT'))
				  and (complaint or (category in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY') and status <> 'REJECTED'))
				order by window_closes_on, name limit :limit""")
			.param("limit", LISTED)
			.query((rs, n) -> new InCare(rs.getObject("id", UUID.class), rs.getObject("request_id", UUID.class),
					rs.getString("name"), rs.getString("village_code"), null, rs.getBoolean("complaint"),
					rs.getString("category"), rs.getString("status"), rs.getObject("window_closes_on", LocalDate.class)))
			.list();
		List<Closing> closing = jdbc.sql("""
				select id, name, village_code, window_closes_on from pbi_listed where status is null and closing
				order by window_closes_on, name limit :limit""")
			.param("limit", LISTED)
			.query((rs, n) -> new Closing(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("village_code"), null, rs.getObject("window_closes_on", LocalDate.class)))
			.list();
		List<String> villages = new ArrayList<>();
		inCare.forEach(p -> villages.add(p.villageCode()));
		closing.forEach(p -> villages.add(p.villageCode()));
		Map<String, String> villageNames = regions.names(villages.stream().filter(Objects::nonNull).distinct().toList());
		inCare = inCare.stream().map(p -> new InCare(p.deactivationId(), p.reactivationId(), p.name(), p.villageCode(),
				p.villageCode() == null ? null : villageNames.get(p.villageCode()), p.openHealthComplaint(), p.category(),
				p.status(), p.windowClosesOn())).toList();
		closing = closing.stream().map(p -> new Closing(p.deactivationId(), p.name(), p.villageCode(),
				p.villageCode() == null ? null : villageNames.get(p.villageCode()), p.windowClosesOn())).toList();
		// the persons the two lists name
		List<UUID> listed = jdbc.sql("""
				select distinct person_id from pbi_listed where person_id is not null and id = any(:ids)""")
			.param("ids", java.util.stream.Stream.concat(inCare.stream().map(InCare::deactivationId),
					closing.stream().map(Closing::deactivationId)).toArray(UUID[]::new))
			.query(UUID.class).list();
		audit.record(actor, AuditTrail.Action.SEARCH, "PBI_DASHBOARD", null, listed);
		String regionName = region == null ? null : regions.names(List.of(region)).get(region);
		return new Dashboard(region, regionName, areas, total, days, inCare, closing);
	}

	/** The headers of the workbook's response: an attachment named by the region, never cached. */
	static void served(HttpServletResponse response, Dashboard dashboard) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"pbi-jk-"
				+ (dashboard.regionCode() == null ? "nasional" : dashboard.regionCode().replace(".", "")) + ".xlsx\"");
	}

	/** The page as an XLSX workbook: the areas, the days per step, the people in care, the closing windows. */
	void xlsx(Dashboard dashboard, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Simpul", "1.0");
		Worksheet areas = workbook.newWorksheet("Wilayah");
		String[] headings = { "Kode wilayah", "Wilayah", "Dinonaktifkan", "Dalam proses", "Disetujui, menunggu BPJS",
			"Aktif kembali", "Pindah segmen", "Ditolak", "Belum punya jaminan", "Masa berakhir ≤ 7 hari" };
		heading(areas, headings);
		int row = 1;
		for (Area a : dashboard.areas()) {
			area(areas, row++, a.code() == null ? "" : a.code(), a.code() == null ? "Belum ada di registri" : a.name(), a);
		}
		area(areas, row, "", "Jumlah", dashboard.total());
		Worksheet days = workbook.newWorksheet("Hari per langkah");
		heading(days, new String[] { "Langkah", "Pengajuan", "Rata-rata hari" });
		row = 1;
		for (StepDays d : dashboard.days()) {
			days.value(row, 0, label("pbi.step." + d.step()));
			days.value(row, 1, d.requests());
			if (d.averageDays() != null) {
				days.value(row, 2, d.averageDays());
			}
			row++;
		}
		Worksheet care = workbook.newWorksheet("Dalam perawatan");
		heading(care, new String[] { "Nama", "Desa", "Pengaduan kesehatan terbuka", "Kebutuhan", "Status pengajuan",
			"Batas pengajuan" });
		row = 1;
		for (InCare p : dashboard.inCare()) {
			care.value(row, 0, p.name());
			care.value(row, 1, p.villageName() == null ? "" : p.villageName());
			care.value(row, 2, p.openHealthComplaint() ? "Ya" : "Tidak");
			care.value(row, 3, p.category() == null ? "" : label("pbi.category." + p.category()));
			care.value(row, 4, label(p.status() == null ? "pbi.notRequested" : "pbi.status." + p.status()));
			care.value(row, 5, p.windowClosesOn().toString());
			row++;
		}
		Worksheet closing = workbook.newWorksheet("Masa berakhir");
		heading(closing, new String[] { "Nama", "Desa", "Batas pengajuan" });
		row = 1;
		for (Closing p : dashboard.closing()) {
			closing.value(row, 0, p.name());
			closing.value(row, 1, p.villageName() == null ? "" : p.villageName());
			closing.value(row, 2, p.windowClosesOn().toString());
			row++;
		}
		workbook.finish();
	}

	private String label(String key) {
		return messages.getMessage(key, null, INDONESIAN);
	}

	private static void heading(Worksheet sheet, String[] headings) {
		for (int c = 0; c < headings.length; c++) {
			sheet.value(0, c, headings[c]);
			sheet.style(0, c).bold().set();
		}
	}

	private static void area(Worksheet sheet, int row, String code, String name, Area a) {
		sheet.value(row, 0, code);
		sheet.value(row, 1, name);
		long[] figures = { a.deactivated(), a.inProcess(), a.approved(), a.active(), a.moved(), a.rejected(),
			a.withoutCover(), a.closingIn7Days() };
		for (int i = 0; i < figures.length; i++) {
			sheet.value(row, i + 2, figures[i]);
		}
	}
}
