package org.simpul.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.pdf.PdfFonts;
import org.simpul.update.Usulan.Status;
import org.simpul.update.UsulanQueries.UsulanItem;
import org.simpul.update.UsulanQueries.UsulanView;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The by-name-by-address list (BNBA) of usulan, to enter into the ministry's system: one row per usulan with
 * the family's head, as XLSX or PDF. No national template is public (DOMAIN.md §9); the columns are the BLT-DD
 * BNBA's by default (NIK, head's name, sex, birth date, family size, address, RT, RW, occupation, criterion,
 * payment method), and a caller may choose and order them. NIKs are shown as the reader's role may see them.
 */
@Component
class Bnba {

	/** The most rows one list holds; a larger selection is refused (400 {@code BNBA_TOO_LARGE}), never cut short. */
	static final int MAX_ROWS = 20_000;

	/** {@link #MAX_ROWS}, lowered only by a test that shows what a larger selection gets. */
	int maxRows = MAX_ROWS;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

	/** One row of the list: the person the usulan is about (the family's head for a family) and its criterion. */
	record Row(String nik, String name, String sex, String birthDate, String familySize, String address, String rt,
			String rw, String occupation, String criterion, String payment, String village, String status) {
	}

	/** The columns a list may have, by their code: the heading and the value. */
	static final Map<String, Column> COLUMNS = columns();

	record Column(String heading, Function<Row, String> value) {
	}

	private static Map<String, Column> columns() {
		Map<String, Column> columns = new LinkedHashMap<>();
		columns.put("nik", new Column("NIK", Row::nik));
		columns.put("name", new Column("Nama Kepala Keluarga", Row::name));
		columns.put("sex", new Column("Jenis Kelamin", Row::sex));
		columns.put("birthDate", new Column("Tanggal Lahir", Row::birthDate));
		columns.put("familySize", new Column("Jumlah Anggota Keluarga", Row::familySize));
		columns.put("address", new Column("Alamat", Row::address));
		columns.put("rt", new Column("RT", Row::rt));
		columns.put("rw", new Column("RW", Row::rw));
		columns.put("occupation", new Column("Pekerjaan", Row::occupation));
		columns.put("criterion", new Column("Kriteria", Row::criterion));
		columns.put("payment", new Column("Cara Pembayaran", Row::payment));
		columns.put("village", new Column("Desa/Kelurahan", Row::village));
		columns.put("status", new Column("Status Usulan", Row::status));
		return columns;
	}

	/** The BLT-DD BNBA's columns, the default. */
	static final List<String> DEFAULT_COLUMNS = List.of("nik", "name", "sex", "birthDate", "familySize", "address", "rt",
			"rw", "occupation", "criterion", "payment");

	private static final Map<String, String> KINDS = Map.of("ENTER", "Usulan masuk DTSEN", "CHANGE", "Perubahan data",
			"REMOVE", "Usulan dikeluarkan", "PROGRAMME", "Usulan program", "SANGGAH", "Sanggahan");

	private static final Map<String, String> STATUSES = Map.of("DRAFT", "Draf", "AGREED", "Disepakati desa", "SUBMITTED",
			"Diajukan ke Dinsos", "RETURNED", "Dikembalikan", "ENDORSED", "Disahkan", "SENT", "Dikirim ke kementerian",
			"INCLUDED", "Masuk DTSEN", "NOT_INCLUDED", "Tidak masuk", "EXCLUDED", "Dikeluarkan");

	private final UsulanQueries queries;

	private final HouseholdQueries households;

	private final IdentifierRules identifiers;

	Bnba(UsulanQueries queries, HouseholdQueries households, IdentifierRules identifiers) {
		this.queries = queries;
		this.households = households;
		this.identifiers = identifiers;
	}

	/** The chosen columns, checked (400 naming {@code columns} for one not known); none chosen: the default. */
	static List<String> columns(String chosen) {
		if (chosen == null || chosen.isBlank()) {
			return DEFAULT_COLUMNS;
		}
		List<String> columns = new ArrayList<>();
		for (String code : chosen.split(",")) {
			String column = code.strip();
			if (!COLUMNS.containsKey(column) || columns.contains(column)) {
				throw new InvalidInputException(FieldProblem.of("columns", "INVALID_VALUE"));
			}
			columns.add(column);
		}
		return columns;
	}

	/** The rows of the usulan of the user's territory that {@code filter} selects (endorsed ones by default). */
	List<Row> rows(CurrentUser user, UsulanQueries.Filter filter) {
		user.require(Action.USULAN_READ);
		UsulanQueries.Filter wanted = filter.status() == null
				? new UsulanQueries.Filter(filter.villageCode(), Status.ENDORSED, filter.cycleId(), filter.kind()) : filter;
		List<Row> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			PageResponse<UsulanItem> slice = queries.list(user, wanted, new PageRequest(page, 200));
			if (slice.page().totalElements() > maxRows) {
				// never a list cut short without a word: the user narrows it (a village, a cycle, a kind)
				throw new InvalidInputException(FieldProblem.of("villageCode", "BNBA_TOO_LARGE"));
			}
			List<UsulanItem> items = slice.content();
			for (UsulanItem item : items) {
				queries.usulan(user, item.id()).ifPresent(u -> rows.add(row(user, u)));
			}
			if (items.size() < 200) {
				break;
			}
		}
		return rows;
	}

	private Row row(CurrentUser user, UsulanView u) {
		String criterion = KINDS.get(u.kind().name());
		JsonNode changes = u.changes();
		if (changes.has("programme")) {
			criterion += " " + changes.get("programme").asString().replace('_', '-');
		}
		if (changes.has("removalReason")) {
			criterion += " (" + changes.get("removalReason").asString() + ")";
		}
		String status = STATUSES.get(u.status().name());
		if (u.householdId() == null) {
			JsonNode members = changes.path("members");
			JsonNode head = members.isEmpty() ? UsulanChanges.JSON.createObjectNode() : members.get(0);
			for (JsonNode member : members) {
				if ("HEAD".equals(member.path("relationship").asString(""))) {
					head = member;
				}
			}
			JsonNode household = changes.path("household");
			return new Row(head.path("nik").asString(""), head.path("name").asString(""), sex(head.path("sex").asString("")),
					date(head.path("birthDate").asString("")), String.valueOf(members.size()),
					household.path("address").asString(""), household.path("rt").asString(""),
					household.path("rw").asString(""), "", criterion, "", u.villageName(), status);
		}
		HouseholdView h = households.household(user, u.householdId()).orElse(null);
		if (h == null) {
			return new Row("", u.subjectName(), "", "", "", "", "", "", "", criterion, "", u.villageName(), status);
		}
		List<PersonView> current = h.members().stream().filter(PersonView::current).toList();
		String address = h.address() == null ? "" : h.address();
		String rt = h.rt() == null ? "" : h.rt();
		String rw = h.rw() == null ? "" : h.rw();
		JsonNode entering = changes.path("members");
		if (u.kind().name().equals("ENTER") && !entering.isEmpty()) {
			// a person entering a registered household: the row is the newcomer, at the household's address
			JsonNode person = entering.get(0);
			return new Row(person.path("nik").asString(""), person.path("name").asString(""),
					sex(person.path("sex").asString("")), date(person.path("birthDate").asString("")),
					String.valueOf(current.size() + entering.size()), address, rt, rw, "", criterion, "", h.villageName(),
					status);
		}
		// an usulan about one person (a removal, a programme for a member) names that person; else the head
		PersonView subject = u.personId() == null ? null
				: h.members().stream().filter(p -> u.personId().equals(p.id())).findFirst().orElse(null);
		PersonView person = subject != null ? subject
				: current.stream().filter(p -> p.relationship() != null && p.relationship().name().equals("HEAD"))
					.findFirst().orElse(current.isEmpty() ? null : current.getFirst());
		return new Row(person == null ? "" : person.nik(), person == null ? u.subjectName() : person.name(),
				person == null || person.sex() == null ? "" : sex(person.sex().name()),
				person == null || person.birthDate() == null ? "" : DAY.format(person.birthDate()),
				String.valueOf(current.size()), address, rt, rw,
				person == null || person.occupation() == null ? "" : person.occupation(), criterion, "", h.villageName(),
				status);
	}

	private static String sex(String code) {
		return switch (code) {
			case "M" -> "L";
			case "F" -> "P";
			default -> "";
		};
	}

	private static String date(String iso) {
		return iso.isEmpty() ? "" : DAY.format(LocalDate.parse(iso));
	}

	/** The list as an XLSX workbook, streamed to {@code out}: a heading row and one row per usulan, all text. */
	void xlsx(List<Row> rows, List<String> columns, String title, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "Simpul", "1.0");
		Worksheet sheet = workbook.newWorksheet("BNBA");
		sheet.value(0, 0, title);
		for (int c = 0; c < columns.size(); c++) {
			sheet.value(1, c, COLUMNS.get(columns.get(c)).heading());
			sheet.style(1, c).bold().set();
		}
		for (int r = 0; r < rows.size(); r++) {
			for (int c = 0; c < columns.size(); c++) {
				// every value as text: a NIK must not become a number that loses its last digits
				sheet.value(r + 2, c, COLUMNS.get(columns.get(c)).value().apply(rows.get(r)));
			}
		}
		workbook.finish();
	}

	/** The list as a landscape A4 PDF table. */
	byte[] pdf(List<Row> rows, List<String> columns, String title) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
		PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.open();
		Font heading = PdfFonts.bold(12);
		Font small = PdfFonts.regular(8);
		Font smallBold = PdfFonts.bold(8);
		document.add(new Paragraph(title, heading));
		document.add(new Paragraph(rows.size() + " usulan", small));
		PdfPTable table = new PdfPTable(columns.size() + 1);
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		table.setHeaderRows(1);
		table.addCell(new Paragraph("No.", smallBold));
		for (String column : columns) {
			table.addCell(new Paragraph(COLUMNS.get(column).heading(), smallBold));
		}
		for (int r = 0; r < rows.size(); r++) {
			table.addCell(new Paragraph(String.valueOf(r + 1), small));
			for (String column : columns) {
				table.addCell(new Paragraph(COLUMNS.get(column).value().apply(rows.get(r)), small));
			}
		}
		document.add(table);
		document.close();
		return out.toByteArray();
	}

	/** The list's title: what it holds, where, which cycle. */
	static String title(String where, String period) {
		return "Daftar By Name By Address (BNBA) usulan pemutakhiran DTSEN" + (where == null ? "" : " " + where)
				+ (period == null ? "" : ", siklus " + period);
	}

	static String fileName(String where, String extension) {
		return "bnba-" + (where == null ? "usulan" : where.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-")) + "."
				+ extension;
	}
}
