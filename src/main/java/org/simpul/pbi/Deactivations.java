package org.simpul.pbi;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.simpul.region.RegionCatalog;
import org.simpul.registry.IdentifierRules;
import org.simpul.region.RegionCode;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people of the user's territory removed from PBI-JK, as the village and Dinsos work through them: whom, since
 * when, when the window to reactivate them closes, by the decree that removed them. Open windows first; among
 * them the priority cases (DOMAIN.md §10), then the windows closing soonest. A person is a priority case for any of
 * these {@link #REASONS}, each read from the module that knows it through its published view, with the reader's
 * own rights: an open health complaint ({@code IN_CARE}); an open referral to a health provider such as Dinkes or
 * BPJS ({@code HEALTH_REFERRAL}); an assessment of the family that recorded a chronic or catastrophic illness
 * ({@code CHRONIC_ILLNESS}); a woman of the list with a baby under one year in her household ({@code BABY}: the
 * baby is named on her line, and may be asked for); a request under way for a chronic or catastrophic illness or
 * an emergency ({@code URGENT_REQUEST}).
 * A person under a restriction of processing is kept out (but for the data protection officer); one the registry
 * does not hold is seen only by the district. Reading the list, on screen or as a spreadsheet, is on the audit
 * trail, with the persons it showed.
 */
@Service
public class Deactivations {

	/** Why a person goes first, in the order the page names them. */
	public static final List<String> REASONS = List.of("IN_CARE", "HEALTH_REFERRAL", "CHRONIC_ILLNESS", "BABY",
			"URGENT_REQUEST");

	/**
	 * A person of a list the registry does not hold, as the district proposes to enter them into DTSEN: the name
	 * and the NIK as the user may see it (null when only masked), the decree that removed them.
	 */
	public record Unregistered(UUID id, String name, String nik, String decree) {
	}

	/**
	 * {@code b} is a baby under one year of {@code m}'s household whom {@code m} may be the mother of: a current
	 * member under no restriction, the child of a woman who heads the household or is its head's wife, or the
	 * grandchild of a daughter (or daughter-in-law) of the household, the woman 12 to 55 years older. The family
	 * card says no more than this.
	 */
	private static final String BABY_OF_MOTHER = """
			b.birth_date > cast(:babyFrom as date) and b.left_on is null and b.restricted_since is null
			and m.sex = 'F' and m.left_on is null
			and m.birth_date between b.birth_date - interval '55 years' and b.birth_date - interval '12 years'
			and ((b.relationship = 'CHILD' and m.relationship in ('HEAD', 'WIFE'))
			  or (b.relationship = 'GRANDCHILD' and m.relationship in ('CHILD', 'CHILD_IN_LAW')))""";

	/** {@code r} is a request for an urgent need still under way. */
	private static final String URGENT_UNDER_WAY = "r.category in ('CHRONIC', 'CATASTROPHIC', 'EMERGENCY')"
			+ " and r.status not in ('ACTIVE', 'MOVED_SEGMENT', 'REJECTED', 'WITHDRAWN')";

	/** Each reason's column in the list's query. */
	private static final Map<String, String> FLAGS = Map.of("IN_CARE", "in_care", "HEALTH_REFERRAL", "referred",
			"CHRONIC_ILLNESS", "chronic", "BABY", "mother", "URGENT_REQUEST", "urgent");

	/** The most rows one spreadsheet of the list holds (a district's list of a decree is tens of thousands). */
	static final int EXPORT_LIMIT = 100_000;

	/** A baby of the household of a woman on the list: whom to ask for too. */
	public record Baby(UUID personId, String name, LocalDate birthDate) {
	}

	/**
	 * One person on the list. {@code personId} is the registry's (null: not in the registry);
	 * {@code reactivationStatus} and {@code reactivationId} are the listing's request's (or the person's, made before
	 * the listing), null while there is none. {@code priority} {@code HIGH} when any of {@code priorityReasons}.
	 */
	public record DeactivationItem(UUID id, UUID personId, String name, String villageCode, String decree,
			LocalDate deactivatedOn, LocalDate windowClosesOn, boolean windowOpen, String priority,
			List<String> priorityReasons, List<Baby> babies, String reactivationStatus, UUID reactivationId) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final RegionTime time;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final FieldCipher cipher;

	private final IdentifierRules identifiers;

	Deactivations(JdbcClient jdbc, RegionCatalog regions, RegionTime time, AuditTrail audit, MessageSource messages,
			FieldCipher cipher, IdentifierRules identifiers) {
		this.cipher = cipher;
		this.identifiers = identifiers;
		this.jdbc = jdbc;
		this.regions = regions;
		this.time = time;
		this.audit = audit;
		this.messages = messages;
	}

	/** The persons of the user's territory (of one village of it, if named), priority cases first. */
	@Transactional
	public PageResponse<DeactivationItem> list(CurrentUser actor, String villageCode, PageRequest page) {
		actor.require(Action.PBI_READ);
		String village = ReactivationQueries.village(regions, actor, villageCode);
		long total = actor.territory().sql(jdbc, "select count(*) from pbi_deactivation d" + where(actor))
			.param("village", village)
			.query(Long.class).single();
		List<DeactivationItem> items = rows(actor, village, page.size(), page.offset());
		audit.record(actor, AuditTrail.Action.SEARCH, "PBI_DEACTIVATION", null, shown(items));
		return PageResponse.of(items, page, total);
	}

	/**
	 * A listed person the registry does not hold, of the user's territory (the district's: such rows are seen from
	 * it only), for an usulan to enter them into DTSEN (the update cycle's ENTER); none when the row is matched to a
	 * registered person or outside the territory. Reading it is on the audit trail.
	 */
	@Transactional
	public Optional<Unregistered> unregistered(CurrentUser actor, UUID id) {
		actor.require(Action.PBI_READ);
		Optional<Unregistered> found = actor.territory().sql(jdbc, """
				select d.id, d.name, d.nik_cipher, d.decree from pbi_deactivation d
				where d.id = :id and d.person_id is null and in_territory(d.place)""")
			.param("id", id)
			.query((rs, n) -> {
				String nik = identifiers.shownTo(actor, cipher.decrypt(rs.getString("nik_cipher")));
				return new Unregistered(rs.getObject("id", UUID.class), rs.getString("name"),
						nik != null && nik.chars().allMatch(Character::isDigit) ? nik : null, rs.getString("decree"));
			})
			.optional();
		found.ifPresent(u -> audit.record(actor, AuditTrail.Action.READ, "PBI_DEACTIVATION", u.id(), List.of()));
		return found;
	}

	/** The whole list of a territory (or village) as read for a spreadsheet; {@code cut}: there were more rows. */
	public record Export(String place, List<DeactivationItem> items, boolean cut) {
	}

	/**
	 * The whole list of the user's territory (of one village, if named) in the page's order, for a spreadsheet: at
	 * most {@link #EXPORT_LIMIT} rows (the sheet says so when there are more). On the audit trail as an export.
	 */
	@Transactional
	public Export export(CurrentUser actor, String villageCode) {
		actor.require(Action.PBI_READ);
		String village = ReactivationQueries.village(regions, actor, villageCode);
		List<DeactivationItem> items = rows(actor, village, EXPORT_LIMIT + 1, 0);
		boolean cut = items.size() > EXPORT_LIMIT;
		if (cut) {
			items = items.subList(0, EXPORT_LIMIT);
		}
		audit.record(actor, AuditTrail.Action.EXPORT, "PBI_DEACTIVATION", null, shown(items));
		String place = village != null ? village : actor.territory().regionCode().map(RegionCode::value).orElse(null);
		return new Export(place, items, cut);
	}

	/** The headers of the spreadsheet's response: an attachment named by the place, never cached. */
	static void served(HttpServletResponse response, Export export) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"pbi-jk-nonaktif-"
				+ (export.place() == null ? "nasional" : export.place().replace(".", "")) + ".xlsx\"");
	}

	/** The list as an XLSX workbook, one row per person, with the reasons and the request's state in words. */
	void xlsx(Export export, OutputStream out) throws IOException {
		List<DeactivationItem> items = export.items();
		List<String> codes = items.stream()
			.flatMap(i -> i.villageCode() == null ? Stream.<String>empty()
					: Stream.of(i.villageCode(), i.villageCode().substring(0, 8)))
			.distinct().toList();
		Map<String, String> names = regions.names(codes);
		Locale id = Locale.of("id");
		Workbook workbook = new Workbook(out, "Simpul", "1.0");
		Worksheet sheet = workbook.newWorksheet("PBI-JK nonaktif");
		String place = export.place();
		sheet.value(0, 0, "PBI-JK nonaktif — " + (place == null ? "nasional"
				: regions.names(List.of(place)).getOrDefault(place, place)) + (export.cut()
						? " (" + EXPORT_LIMIT + " baris pertama; pilih desa untuk sisanya)" : ""));
		String[] headings = { "No.", "Nama", "Desa/kelurahan", "Kecamatan", "SK penonaktifan", "Tanggal nonaktif",
			"Batas pengajuan", "Masa pengajuan", "Prioritas", "Alasan prioritas", "Bayi", "Pengajuan reaktivasi" };
		for (int c = 0; c < headings.length; c++) {
			sheet.value(1, c, headings[c]);
			sheet.style(1, c).bold().set();
		}
		int row = 2;
		for (DeactivationItem i : items) {
			sheet.value(row, 0, row - 1);
			sheet.value(row, 1, i.name());
			sheet.value(row, 2, i.villageCode() == null ? "(belum ada di registri)"
					: names.getOrDefault(i.villageCode(), i.villageCode()));
			sheet.value(row, 3, i.villageCode() == null ? "" : names.getOrDefault(i.villageCode().substring(0, 8), ""));
			sheet.value(row, 4, i.decree());
			sheet.value(row, 5, DAY.format(i.deactivatedOn()));
			sheet.value(row, 6, DAY.format(i.windowClosesOn()));
			sheet.value(row, 7, i.windowOpen() ? "Terbuka" : "Berakhir");
			sheet.value(row, 8, i.priority().equals("HIGH") ? "Prioritas" : "");
			sheet.value(row, 9, String.join("; ", i.priorityReasons().stream()
				.map(r -> messages.getMessage("pbi.reason." + r, null, id)).toList()));
			sheet.value(row, 10, String.join("; ", i.babies().stream()
				.map(b -> b.name() + " (" + DAY.format(b.birthDate()) + ")").toList()));
			sheet.value(row, 11, i.reactivationStatus() == null ? ""
					: messages.getMessage("pbi.status." + i.reactivationStatus(), null, id));
			row++;
		}
		workbook.finish();
	}

	/** The persons a list shows: the listed ones the registry holds and the babies named on their lines. */
	private static List<UUID> shown(List<DeactivationItem> items) {
		return items.stream()
			.flatMap(i -> Stream.concat(Stream.ofNullable(i.personId()), i.babies().stream().map(Baby::personId)))
			.toList();
	}

	private static String where(CurrentUser actor) {
		String restricted = actor.may(Action.DATA_PROTECTION) ? "" : " and not exists (select 1 from person_placement rp"
				+ " where rp.id = d.person_id and rp.restricted_since is not null)";
		return " where in_territory(d.place) and (cast(:village as text) is null or d.village_code = :village)"
				+ restricted;
	}

	/**
	 * One page of the list. The reasons are found set-based (each published view read once, its persons hashed),
	 * the rows ordered on them and on stored columns, and only the page's rows then look up their request and
	 * babies.
	 */
	private List<DeactivationItem> rows(CurrentUser actor, String village, int limit, long offset) {
		String today = RegionTime.sqlToday("d.place");
		String sql = """
				with listed as (
				  select d.id, d.person_id, d.household_id, d.name, d.village_code, d.decree, d.deactivated_on,
				         d.window_closes_on,
				         (d.window_closes_on >= %1$s
				          or d.id in (select e.deactivation_id from pbi_window_exception e)) as open,
				         coalesce(d.person_id in (select c.person_id from open_health_complaint c), false) as in_care,
				         coalesce(d.person_id in (select f.person_id from open_health_referral f), false) as referred,
				         coalesce(d.person_id in (select m.id from assessed_chronic_illness a
				                  join person_in_scope p on p.id = a.person_id and p.left_on is null
				                  join person_in_scope m on m.household_id = p.household_id and m.left_on is null), false)
				           as chronic,
				         coalesce(d.person_id in (select m.id from person_in_scope b
				                  join person_in_scope m on m.household_id = b.household_id where %2$s), false) as mother,
				         coalesce(d.id in (select r.deactivation_id from pbi_reactivation r where %3$s
				                           and r.deactivation_id is not null)
				                  or d.person_id in (select r.person_id from pbi_reactivation r where %3$s
				                                     and r.deactivation_id is null), false) as urgent
				  from pbi_deactivation d""".formatted(today, BABY_OF_MOTHER, URGENT_UNDER_WAY) + where(actor) + """
				), page as (
				  select l.*, (l.in_care or l.referred or l.chronic or l.mother or l.urgent) as high from listed l
				  order by not l.open, (l.in_care or l.referred or l.chronic or l.mother or l.urgent) desc,
				           l.window_closes_on, l.name, l.id
				  limit :limit offset :offset
				)
				select p.*, coalesce(own.id, earlier.id) as request_id, coalesce(own.status, earlier.status) as request_status,
				       babies.ids as baby_ids, babies.names as baby_names, babies.births as baby_births
				from page p
				left join lateral (select r.id, r.status from pbi_reactivation r where r.deactivation_id = p.id
				                   order by r.created_at desc, r.id limit 1) own on true
				left join lateral (select r.id, r.status from pbi_reactivation r
				                   where own.id is null and r.deactivation_id is null and r.person_id = p.person_id
				                   order by r.created_at desc, r.id limit 1) earlier on true
				left join lateral (select array_agg(b.id order by b.birth_date, b.id) as ids,
				                          array_agg(b.name order by b.birth_date, b.id) as names,
				                          array_agg(b.birth_date order by b.birth_date, b.id) as births
				                   from person_in_scope b join person_in_scope m on m.id = p.person_id
				                   where p.mother and b.household_id = m.household_id and %s) babies
				       on true
				order by not p.open, p.high desc, p.window_closes_on, p.name, p.id""".formatted(BABY_OF_MOTHER);
		return actor.territory().sql(jdbc, sql)
			.param("village", village)
			.param("babyFrom", time.latestToday().minusYears(1))
			.params(time.sqlTodayParameters())
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> item(rs))
			.list();
	}

	private static DeactivationItem item(ResultSet rs) throws SQLException {
		List<String> reasons = new ArrayList<>();
		for (String reason : REASONS) {
			if (rs.getBoolean(FLAGS.get(reason))) {
				reasons.add(reason);
			}
		}
		List<Baby> babies = new ArrayList<>();
		Object[] ids = array(rs.getArray("baby_ids"));
		Object[] names = array(rs.getArray("baby_names"));
		Object[] births = array(rs.getArray("baby_births"));
		for (int b = 0; b < ids.length; b++) {
			babies.add(new Baby((UUID) ids[b], (String) names[b], ((java.sql.Date) births[b]).toLocalDate()));
		}
		return new DeactivationItem(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
				rs.getString("name"), rs.getString("village_code"), rs.getString("decree"),
				rs.getObject("deactivated_on", LocalDate.class), rs.getObject("window_closes_on", LocalDate.class),
				rs.getBoolean("open"), reasons.isEmpty() ? "NORMAL" : "HIGH", List.copyOf(reasons), List.copyOf(babies),
				rs.getString("request_status"), rs.getObject("request_id", UUID.class));
	}

	private static Object[] array(Array array) throws SQLException {
		return array == null ? new Object[0] : (Object[]) array.getArray();
	}
}
