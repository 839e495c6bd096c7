package org.simpul.referral;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;
import org.simpul.complaint.ComplaintQueries.ComplaintView;
import org.simpul.referral.ReferralQueries.ReferralView;
import org.simpul.shared.pdf.PdfFonts;
import org.simpul.shared.pdf.PdfQr;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The referral letter (surat rujukan) as an A4 PDF: the sending office's letterhead (the most specific
 * {@code letterhead} row covering the case's village, else a plain SLRT heading), the receiving agency and
 * service, the person (NIK as the signed-in user may see it), the reason and the due date, the signatory,
 * and the verification code with a QR code to {@code /verifikasi/{code}}. All text is set as text.
 */
@Component
class ReferralLetterPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("id"));

	record Letterhead(String officeName, String address, String signatoryName, String signatoryTitle) {
	}

	private final JdbcClient jdbc;

	ReferralLetterPdf(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The letterhead of the most specific office covering {@code villageCode}. */
	Optional<Letterhead> letterhead(String villageCode) {
		return jdbc.sql("""
				select office_name, address, signatory_name, signatory_title from letterhead
				where :village = region_code or :village like region_code || '.%'
				order by length(region_code) desc limit 1""")
			.param("village", villageCode)
			.query(Letterhead.class)
			.optional();
	}

	byte[] render(ReferralView r, ComplaintView c, ReferralPages.ReferredSubject subject, String verifyUrl) {
		Letterhead head = letterhead(r.villageCode()).orElse(new Letterhead("Sistem Layanan dan Rujukan Terpadu (SLRT)",
				"", "", "Petugas SLRT"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 48, 48);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle("Surat rujukan " + r.ticketNumber());
		document.open();
		Font office = PdfFonts.bold(13);
		Font small = PdfFonts.regular(9);
		Font body = PdfFonts.regular(11);
		Font bold = PdfFonts.bold(11);
		Paragraph heading = new Paragraph(head.officeName(), office);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		if (!head.address().isBlank()) {
			Paragraph address = new Paragraph(head.address(), small);
			address.setAlignment(Element.ALIGN_CENTER);
			document.add(address);
		}
		document.add(new Paragraph("______________________________________________________________________________", small));
		document.add(new Paragraph("SURAT RUJUKAN", bold));
		document.add(new Paragraph("Nomor: " + r.ticketNumber() + "/RJ/" + r.verificationCode(), body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Kepada Yth. " + r.agencyName(), body));
		document.add(new Paragraph("u.p. pengelola " + r.providerName(), body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Dengan hormat, bersama ini kami rujuk:", body));
		document.add(new Paragraph("Nama: " + subject.name(), body));
		if (subject.nik() != null) {
			document.add(new Paragraph("NIK: " + subject.nik(), body));
		}
		if (subject.birthDate() != null) {
			document.add(new Paragraph("Tanggal lahir: " + DATE.format(subject.birthDate()), body));
		}
		if (subject.address() != null && !subject.address().isBlank()) {
			document.add(new Paragraph("Alamat: " + subject.address(), body));
		}
		document.add(new Paragraph("Desa/kelurahan: " + (subject.villageName() != null ? subject.villageName()
				: c.villageName() == null ? c.villageCode() : c.villageName()), body));
		document.add(new Paragraph("Nomor tiket pengaduan: " + r.ticketNumber(), body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Alasan rujukan:", bold));
		document.add(new Paragraph(r.reason(), body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Mohon ditindaklanjuti paling lambat " + DATE.format(r.dueDate())
				+ " dan hasilnya dicatat di Simpul.", body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(DATE.format(r.sentAt().atZone(ReferralPages.WIB)), body));
		document.add(new Paragraph(head.signatoryTitle(), body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(head.signatoryName(), bold));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Kode verifikasi: " + r.verificationCode(), bold));
		document.add(new Paragraph("Keaslian surat ini dapat diperiksa di " + verifyUrl, small));
		PdfQr.draw(writer.getDirectContent(), verifyUrl, document.getPageSize().getWidth() - document.rightMargin() - 90,
				document.bottomMargin(), 90);
		document.close();
		return out.toByteArray();
	}
}
