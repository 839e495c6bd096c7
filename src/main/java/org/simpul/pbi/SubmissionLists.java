package org.simpul.pbi;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
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
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The day's submission list (DOMAIN.md §10): the requests Dinsos recorded as entered in the ministry's system
 * (SIKS-NG) on a day, with what the ministry's menu asks (the whole NIK, the name, the village and sub-district, the
 * need, the reactivation letter's number and day, the decree that removed the person), as XLSX for the data
 * operator who enters them. Dinsos' data desk only (who takes Dinsos' steps and sees identifiers whole), of its
 * district; restricted persons are left out; the export is on the audit trail with the persons it holds.
 */
@Service
public class SubmissionLists {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/** One entered request. */
	record Entered(UUID id, UUID personId, String name, String nik, String villageCode, String category,
			String letterNumber, LocalDate letterIssuedOn, String decree) {
	}

	/** A day's list of a district. */
	record Day(String regencyCode, LocalDate day, List<Entered> requests) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final HouseholdQueries households;

	private final RegionCatalog regions;

	private final RegionTime time;

	private final AuditTrail audit;

	private final MessageSource messages;

	SubmissionLists(JdbcClient jdbc, FieldCipher cipher, HouseholdQueries households, RegionCatalog regions,
			RegionTime time, AuditTrail audit, MessageSource messages) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.households = households;
		this.regions = regions;
		this.time = time;
		this.audit = audit;
		this.messages = messages;
	}

	/** The requests of the district entered on {@code dayText} ({@code yyyy-MM-dd}; today when none). */
	@Transactional
	public Day entered(CurrentUser actor, String regionCode, String dayText) {
		actor.require(Action.PBI_PROCESS);
		actor.require(Action.IDENTIFIERS_IN_FULL);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The submission list is Dinsos'");
		}
		String regency = actor.district(regionCode);
		LocalDate day;
		try {
			day = dayText == null || dayText.isBlank() ? time.today(regency) : LocalDate.parse(dayText.strip());
		}
		catch (java.time.format.DateTimeParseException ex) {
			throw new InvalidInputException(FieldProblem.of("date", "INVALID_DATE"));
		}
		if (day.getYear() < 2014 || day.getYear() > 2100) {
			throw new InvalidInputException(FieldProblem.of("date", "INVALID_DATE"));
		}
		ZoneId zone = RegionTime.zoneOf(regency);
		record Row(UUID id, UUID personId, String personName, String villageCode, String category, String letterNumber,
				LocalDate letterIssuedOn, String decree, String nikCipher) {
		}
		List<Row> rows = actor.territory().sql(jdbc, """
				select r.id, r.person_id, r.person_name, r.village_code, r.category, r.letter_number, r.letter_issued_on,
				       d.decree, d.nik_cipher
				from pbi_reactivation r
				join pbi_reactivation_step s on s.reactivation_id = r.id and s.status = 'ENTERED'
				left join pbi_deactivation d on d.id = r.deactivation_id
				where in_territory(r.village_code) and r.village_code like :regency || '.%'
				  and s.at >= :from and s.at < :to""" + ReactivationQueries.restricted(actor) + " order by s.at, r.id")
			.param("regency", regency)
			.param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
			.query(Row.class)
			.list();
		List<Entered> requests = rows.stream().map(row -> new Entered(row.id(), row.personId(), row.personName(),
				row.nikCipher() != null ? cipher.decrypt(row.nikCipher())
						: households.person(actor, row.personId()).map(PersonView::nik).orElse(""),
				row.villageCode(), row.category(), row.letterNumber(), row.letterIssuedOn(), row.decree()))
			.toList();
		audit.record(actor, AuditTrail.Action.EXPORT, "PBI_SUBMISSION_LIST", null,
				requests.stream().map(Entered::personId).distinct().toList());
		return new Day(regency, day, requests);
	}

	/** The headers of the workbook's response: an attachment named by the district and day, never cached. */
	static void served(HttpServletResponse response, Day list) {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Content-Disposition", "attachment; filename=\"pbi-jk-diinput-"
				+ list.regencyCode().replace(".", "") + "-" + list.day() + ".xlsx\"");
	}

	/** The list as XLSX: a title row, a heading row, one row per request; every identifier as text. */
	void xlsx(Day list, OutputStream out) throws IOException {
		List<String> codes = list.requests().stream()
			.flatMap(r -> java.util.stream.Stream.of(r.villageCode(), r.villageCode().substring(0, 8)))
			.filter(Objects::nonNull).distinct().toList();
		Map<String, String> names = regions.names(codes);
		Workbook workbook = new Workbook(out, "Simpul", "1.0");
		Worksheet sheet = workbook.newWorksheet("Diinput");
		sheet.value(0, 0, "Pengajuan reaktivasi PBI-JK diinput ke SIKS-NG " + DAY.format(list.day()) + " — "
				+ names.getOrDefault(list.regencyCode(), regions.names(List.of(list.regencyCode()))
					.getOrDefault(list.regencyCode(), list.regencyCode())));
		String[] headings = { "No.", "NIK", "Nama", "Desa/kelurahan", "Kecamatan", "Kebutuhan", "Nomor surat keterangan",
			"Tanggal surat", "SK penonaktifan" };
		for (int c = 0; c < headings.length; c++) {
			sheet.value(1, c, headings[c]);
			sheet.style(1, c).bold().set();
		}
		int row = 2;
		for (Entered r : list.requests()) {
			sheet.value(row, 0, row - 1);
			sheet.value(row, 1, r.nik());
			sheet.value(row, 2, r.name());
			sheet.value(row, 3, names.getOrDefault(r.villageCode(), r.villageCode()));
			sheet.value(row, 4, names.getOrDefault(r.villageCode().substring(0, 8), ""));
			sheet.value(row, 5, messages.getMessage("pbi.category." + r.category(), null, java.util.Locale.of("id")));
			sheet.value(row, 6, r.letterNumber() == null ? "" : r.letterNumber());
			sheet.value(row, 7, r.letterIssuedOn() == null ? "" : DAY.format(r.letterIssuedOn()));
			sheet.value(row, 8, r.decree() == null ? "" : r.decree());
			row++;
		}
		workbook.finish();
	}
}
