package org.simpul.pbi;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

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
import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	ReactivationQueries(JdbcClient jdbc, RegionCatalog regions, RegionTime time, AuditTrail audit,
			MessageSource messages) {
		this.messages = messages;
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

	/** The person's request under way, if the user's territory holds it (not for a restricted person). */
	Optional<UUID> underWay(CurrentUser actor, UUID personId) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, "select r.id from pbi_reactivation r where r.person_id = :person"
				+ " and r.status not in ('ACTIVE', 'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN') and in_territory(r.village_code)"
				+ restricted(actor))
			.param("person", personId)
			.query(UUID.class)
			.optional();
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
		String village = village(regions, actor, villageCode);
		Status wanted = status(status);
		long total = actor.territory().sql(jdbc, "select count(*) from pbi_reactivation r" + WHERE + restricted(actor))
			.param("village", village).param("status", wanted == null ? null : wanted.name())
			.query(Long.class).single();
		List<ReactivationItem> items = items(actor, village, wanted, page.size(), page.offset());
		audit.record(actor, AuditTrail.Action.SEARCH, "PBI_REACTIVATION", null,
				items.stream().map(ReactivationItem::personId).toList());
		return PageResponse.of(items, page, total);
	}

	/** The worklist as read for a spreadsheet; {@code cut}: there were more than {@link Deactivations#EXPORT_LIMIT}. */
	public record WorklistExport(String place, Status status, List<ReactivationItem> items, boolean cut) {
	}

	/** The whole worklist (of a village, with a status, if named) in its order; on the audit trail as an export. */
	@Transactional
	public WorklistExport export(CurrentUser actor, String villageCode, String status) {
		actor.require(Action.PBI_READ);
		String village = village(regions, actor, villageCode);
		Status wanted = status(status);
		List<ReactivationItem> items = items(actor, village, wanted, Deactivations.EXPORT_LIMIT + 1, 0);
		boolean cut = items.size() > Deactivations.EXPORT_LIMIT;
		if (cut) {
			items = items.subList(0, Deactivations.EXPORT_LIMIT);
		}
		audit.record(actor, AuditTrail.Action.EXPORT, "PBI_REACTIVATION", null,
				items.stream().map(ReactivationItem::personId).toList());
		String place = village != null ? village : actor.territory().regionCode().map(RegionCode::value).orElse(null);
		return new WorklistExport(place, wanted, items, cut);
	}

	/** The headers of the worklist's spreadsheet: an attachment named by the place, never cached. */
	static void served(HttpServletResponse response, WorklistExport export) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"pbi-jk-pengajuan-"
				+ (export.place() == null ? "nasional" : export.place().replace(".", "")) + ".xlsx\"");
	}

	/** The worklist as an XLSX workbook: one row per request, its need, priority, state and letter. */
	void xlsx(WorklistExport export, OutputStream out) throws IOException {
		List<ReactivationItem> items = export.items();
		Map<String, String> names = regions.names(items.stream()
			.flatMap(i -> Stream.of(i.villageCode(), i.villageCode().substring(0, 8)))
			.distinct().toList());
		Locale id = Locale.of("id");
		Workbook workbook = new Workbook(out, "Simpul", "1.0");
		Worksheet sheet = workbook.newWorksheet("Pengajuan reaktivasi");
		String place = export.place();
		sheet.value(0, 0, "Pengajuan reaktivasi PBI-JK — " + (place == null ? "nasional"
				: regions.names(List.of(place)).getOrDefault(place, place))
				+ (export.status() == null ? "" : " — " + messages.getMessage("pbi.status." + export.status(), null, id))
				+ (export.cut() ? " (" + Deactivations.EXPORT_LIMIT + " baris pertama)" : ""));
		String[] headings = { "No.", "Nama", "Desa/kelurahan", "Kecamatan", "Kebutuhan", "Prioritas", "Status",
			"Batas pengajuan", "Nomor surat keterangan", "Diperbarui" };
		for (int c = 0; c < headings.length; c++) {
			sheet.value(1, c, headings[c]);
			sheet.style(1, c).bold().set();
		}
		int row = 2;
		for (ReactivationItem i : items) {
			sheet.value(row, 0, row - 1);
			sheet.value(row, 1, i.name());
			sheet.value(row, 2, names.getOrDefault(i.villageCode(), i.villageCode()));
			sheet.value(row, 3, names.getOrDefault(i.villageCode().substring(0, 8), ""));
			sheet.value(row, 4, messages.getMessage("pbi.category." + i.category(), null, id));
			sheet.value(row, 5, i.priority().equals("HIGH") ? "Prioritas" : "");
			sheet.value(row, 6, messages.getMessage("pbi.status." + i.status(), null, id));
			sheet.value(row, 7, i.windowClosesOn() == null ? "" : DAY.format(i.windowClosesOn()));
			sheet.value(row, 8, i.letterNumber() == null ? "" : i.letterNumber());
			sheet.value(row, 9, DAY.format(i.updatedAt().atZone(RegionTime.zoneOf(i.villageCode()))));
			row++;
		}
		workbook.finish();
	}

	private static final String WHERE = " where in_territory(r.village_code)"
			+ " and (cast(:village as text) is null or r.village_code = :village)"
			+ " and (cast(:status as text) is null or r.status = :status)";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private static Status status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Status.valueOf(status.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
		}
	}

	private List<ReactivationItem> items(CurrentUser actor, String village, Status wanted, int limit, long offset) {
		return actor.territory().sql(jdbc, COLUMNS + WHERE + restricted(actor) + """
				 order by r.category not in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY'), d.window_closes_on nulls last,
				          r.created_at, r.id
				 limit :limit offset :offset""")
			.param("village", village).param("status", wanted == null ? null : wanted.name())
			.param("limit", limit).param("offset", offset)
			.query((rs, n) -> {
				ReactivationView v = view(rs);
				return new ReactivationItem(v.id(), v.personId(), v.name(), v.villageCode(), v.category(), v.priority(),
						v.status(), v.windowClosesOn(), v.letterNumber(), v.updatedAt());
			})
			.list();
	}

	/** A village of the user's territory named by a filter: null for none, 400 unknown, 404 outside. */
	static String village(RegionCatalog regions, CurrentUser actor, String villageCode) {
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
