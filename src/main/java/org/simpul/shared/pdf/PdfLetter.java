package org.simpul.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfWriter;

/**
 * An office's letter as an A4 PDF, the shape every Simpul letter shares (the referral letter, the PBI-JK
 * reactivation letter): the office's letterhead, centred, above a rule; the body the caller writes with
 * {@link #line}, {@link #bold} and {@link #blank}; the place and date, the signatory's title and name; and the
 * verification code with its QR code to the public page that confirms the letter without personal data. All
 * text is set as text, so the letter can be searched and read aloud.
 */
public final class PdfLetter {

	/** Dates as a letter writes them: "6 Desember 2026". */
	public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("id"));

	/** The office a letter comes from and who signs for it. */
	public record Letterhead(String officeName, String address, String signatoryName, String signatoryTitle) {

		/** The heading of a letter from an office without a letterhead of its own. */
		public static Letterhead plain(String signatoryTitle) {
			return new Letterhead("Sistem Layanan dan Rujukan Terpadu (SLRT)", "", "", signatoryTitle);
		}
	}

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final Document document = new Document(PageSize.A4, 56, 56, 48, 48);

	private final PdfWriter writer;

	private final Letterhead head;

	private final Font body = PdfFonts.regular(11);

	private final Font strong = PdfFonts.bold(11);

	private final Font small = PdfFonts.regular(9);

	/** A letter under {@code head}, titled {@code title} in the PDF's properties. */
	public PdfLetter(Letterhead head, String title) {
		this.head = head;
		this.writer = PdfWriter.getInstance(document, out);
		document.addTitle(title);
		document.open();
		Paragraph office = new Paragraph(head.officeName(), PdfFonts.bold(13));
		office.setAlignment(Element.ALIGN_CENTER);
		document.add(office);
		if (!head.address().isBlank()) {
			Paragraph address = new Paragraph(head.address(), small);
			address.setAlignment(Element.ALIGN_CENTER);
			document.add(address);
		}
		document.add(new Paragraph("______________________________________________________________________________",
				small));
	}

	/** A line of body text. */
	public PdfLetter line(String text) {
		document.add(new Paragraph(text, body));
		return this;
	}

	/** A line in bold: the letter's kind, a heading. */
	public PdfLetter bold(String text) {
		document.add(new Paragraph(text, strong));
		return this;
	}

	/** An empty line. */
	public PdfLetter blank() {
		return line(" ");
	}

	/**
	 * The close: the date, the signatory's title, room to sign, the name; then the verification code and the QR
	 * code to {@code verifyUrl} at the page's lower right. Returns the finished PDF.
	 */
	public byte[] signedAndVerifiable(LocalDate on, String code, String verifyUrl) {
		line(DATE.format(on));
		line(head.signatoryTitle());
		blank();
		blank();
		bold(head.signatoryName());
		blank();
		bold("Kode verifikasi: " + code);
		document.add(new Paragraph("Keaslian surat ini dapat diperiksa di " + verifyUrl, small));
		PdfQr.draw(writer.getDirectContent(), verifyUrl,
				document.getPageSize().getWidth() - document.rightMargin() - 90, document.bottomMargin(), 90);
		document.close();
		return out.toByteArray();
	}
}
