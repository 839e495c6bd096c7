package org.simpul.privacy;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.Assessments;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.referral.ReferralQueries;
import org.simpul.registry.Views;
import org.simpul.shared.RegionTime;
import org.simpul.shared.pdf.PdfFonts;

/**
 * A person's data-subject export as an A4 PDF, for the person to keep (UU PDP Pasal 32): the same content as
 * the JSON export, set as text: the registry record and household, each complaint with its assessments,
 * referrals and the receiving agency's reads, and the processing history as a table. Times in WIB.
 */
final class DataSubjectPdf {

	private static final ZoneId WIB = RegionTime.WIB;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm", Locale.of("id"));

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.of("id"));

	private static final Font TITLE = PdfFonts.bold(14);

	private static final Font HEADING = PdfFonts.bold(11);

	private static final Font BODY = PdfFonts.regular(10);

	private static final Font SMALL = PdfFonts.regular(8);

	private static final Font SMALL_BOLD = PdfFonts.bold(8);

	private DataSubjectPdf() {
	}

	static byte[] render(DataSubjects.Export export) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 48, 48, 42, 42);
		PdfWriter.getInstance(document, out);
		Views.PersonView p = export.person();
		document.addTitle("Data pribadi " + p.name());
		document.open();
		document.add(new Paragraph("Data pribadi dan riwayat pemrosesannya", TITLE));
		document.add(new Paragraph(export.legalBasis() + ". Dibuat " + time(export.generatedAt()) + " WIB.", SMALL));

		heading(document, "Data di registri");
		fields(document, Map.ofEntries(
				Map.entry("Nama", p.name()),
				Map.entry("NIK", text(p.nik())),
				Map.entry("Nomor KK", text(p.kkNumber())),
				Map.entry("Tempat, tanggal lahir", text(p.birthPlace()) + ", " + date(p.birthDate())),
				Map.entry("Jenis kelamin", text(p.sex())),
				Map.entry("Hubungan dalam keluarga", text(p.relationship())),
				Map.entry("Disabilitas", text(p.disability())),
				Map.entry("Pendidikan", text(p.education())),
				Map.entry("Pekerjaan", text(p.occupation())),
				Map.entry("Status perkawinan", text(p.maritalStatus())),
				Map.entry("Program", p.programmes().stream().map(m -> m.code() + " (" + m.status() + ")")
					.collect(Collectors.joining(", ")))),
				List.of("Nama", "NIK", "Nomor KK", "Tempat, tanggal lahir", "Jenis kelamin", "Hubungan dalam keluarga",
						"Disabilitas", "Pendidikan", "Pekerjaan", "Status perkawinan", "Program"));

		Views.HouseholdView h = export.household();
		heading(document, "Rumah tangga");
		fields(document, Map.of(
				"Nomor KK", text(h.kkNumber()),
				"Desa/kelurahan", text(h.villageName()) + " (" + h.villageCode() + ")",
				"Alamat", text(h.address()) + ", RT " + text(h.rt()) + " / RW " + text(h.rw()),
				"Desil kesejahteraan", text(h.welfareDecile()),
				"Anggota", h.members().stream().map(Views.PersonView::name).collect(Collectors.joining(", "))),
				List.of("Nomor KK", "Desa/kelurahan", "Alamat", "Desil kesejahteraan", "Anggota"));

		heading(document, "Pengaduan (" + export.complaints().size() + ")");
		if (export.complaints().isEmpty()) {
			document.add(new Paragraph("Tidak ada.", BODY));
		}
		for (DataSubjects.ComplaintRecord record : export.complaints()) {
			ComplaintQueries.ComplaintView c = record.complaint();
			document.add(new Paragraph(c.ticketNumber() + ", " + time(c.createdAt()) + " WIB, status " + c.status(),
					HEADING));
			document.add(new Paragraph("Uraian: " + c.description(), BODY));
			document.add(new Paragraph("PPKS: " + c.ppks().stream().map(ComplaintQueries.Ppks::label)
				.collect(Collectors.joining(", ")), BODY));
			if (c.reporter() != null && c.reporter().name() != null) {
				document.add(new Paragraph("Pelapor: " + c.reporter().name()
						+ (c.reporter().phone() == null ? "" : ", " + c.reporter().phone()), BODY));
			}
			for (Assessments.AssessmentView a : record.assessments()) {
				document.add(new Paragraph("Asesmen " + a.title() + ", " + time(a.submittedAt()) + " WIB, oleh "
						+ a.submittedBy().displayName(), BODY));
				document.add(new Paragraph(a.answers().entrySet().stream()
					.map(e -> e.getKey() + ": " + e.getValue())
					.collect(Collectors.joining("; ")), SMALL));
			}
			for (ReferralQueries.ReferralView r : record.referrals()) {
				document.add(new Paragraph("Rujukan ke " + r.providerName() + " (" + r.agencyName() + "), status "
						+ r.status() + (r.dueDate() == null ? "" : ", batas " + date(r.dueDate())) + ". Alasan: "
						+ r.reason(), BODY));
			}
			for (ReferralQueries.AgencyRead read : record.agencyReads()) {
				document.add(new Paragraph("Dibaca instansi: " + read.username() + ", " + time(read.at()) + " WIB ("
						+ read.via() + ")", SMALL));
			}
		}

		heading(document, "Riwayat pemrosesan (" + export.processingHistory().size()
				+ (export.historyComplete() ? "" : ", terpotong") + ")");
		document.add(new Paragraph("Siapa membaca atau mengubah data ini, kapan, dan untuk tujuan apa.", SMALL));
		PdfPTable table = new PdfPTable(new float[] { 2.2f, 2.4f, 1.4f, 2.4f, 2.2f });
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String title : List.of("Waktu (WIB)", "Pengguna (peran)", "Tindakan", "Objek", "Tujuan")) {
			table.addCell(new PdfPCell(new Phrase(title, SMALL_BOLD)));
		}
		for (AuditTrail.Event e : export.processingHistory()) {
			table.addCell(new PdfPCell(new Phrase(time(e.at()), SMALL)));
			table.addCell(new PdfPCell(new Phrase(text(e.username()) + " (" + text(e.role()) + ")", SMALL)));
			table.addCell(new PdfPCell(new Phrase(text(e.action()), SMALL)));
			table.addCell(new PdfPCell(new Phrase(text(e.objectType()), SMALL)));
			table.addCell(new PdfPCell(new Phrase(text(e.purpose()), SMALL)));
		}
		document.add(table);
		document.close();
		return out.toByteArray();
	}

	private static void heading(Document document, String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(10);
		document.add(heading);
	}

	private static void fields(Document document, Map<String, String> values, List<String> order) {
		PdfPTable table = new PdfPTable(new float[] { 1.3f, 3f });
		table.setWidthPercentage(100);
		for (String label : order) {
			table.addCell(new PdfPCell(new Phrase(label, SMALL_BOLD)));
			table.addCell(new PdfPCell(new Phrase(values.get(label), BODY)));
		}
		document.add(table);
	}

	private static String time(Instant at) {
		return at == null ? "-" : TIME.format(at.atZone(WIB));
	}

	private static String date(LocalDate date) {
		return date == null ? "-" : DATE.format(date);
	}

	private static String text(Object value) {
		return value == null ? "-" : Objects.toString(value);
	}
}
