package org.simpul.complaint;

import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfWriter;
import org.simpul.complaint.ComplaintQueries.ComplaintView;
import org.simpul.shared.RegionTime;
import org.simpul.shared.pdf.PdfFonts;
import org.simpul.shared.pdf.PdfQr;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The receipt (tanda terima) as an A6 PDF: ticket number, date, village, domain, the person's name, the
 * tracking code when it is handed over, a short part of the description, and a QR code to the tracking page
 * with the ticket number filled in (never the code). Every text is set as text: whatever a description
 * holds, HTML included, is printed as typed.
 */
@Component
class ReceiptPdf {

	private static final Locale INDONESIAN = Locale.of("id");

	private static final ZoneId WIB = RegionTime.WIB;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

	private final MessageSource messages;

	ReceiptPdf(MessageSource messages) {
		this.messages = messages;
	}

	byte[] render(ComplaintView c, String trackingCode, String trackingUrl) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A6, 24, 24, 24, 24);
		PdfWriter writer = PdfWriter.getInstance(document, out);
		document.addTitle(text("receipt.title") + " " + c.ticketNumber());
		document.open();
		Font title = PdfFonts.bold(12);
		Font label = PdfFonts.regular(7);
		Font value = PdfFonts.bold(9);
		Font body = PdfFonts.regular(8);
		document.add(new Paragraph("Simpul · " + text("receipt.title"), title));
		line(document, text("tracking.ticketNumber"), c.ticketNumber(), label, value);
		line(document, text("receipt.received"), WHEN.format(c.createdAt().atZone(WIB)) + " WIB", label, value);
		line(document, text("registry.village"), c.villageName() == null ? c.villageCode() : c.villageName(), label, value);
		line(document, text("complaint.category"), text("complaint.category." + c.category().name()), label, value);
		line(document, text("receipt.for"), c.subject().name(), label, value);
		if (trackingCode != null) {
			line(document, text("tracking.trackingCode"), trackingCode, label,
					PdfFonts.monoBold(14));
		}
		else {
			document.add(new Paragraph(text("receipt.codeShownOnce"), body));
		}
		String description = c.description().length() > 300 ? c.description().substring(0, 300) + "…" : c.description();
		document.add(new Paragraph(description, body));
		document.add(new Paragraph(text("receipt.howToTrack") + " " + trackingUrl, body));
		qr(writer.getDirectContent(), trackingUrl + "?tiket=" + c.ticketNumber(), document);
		document.close();
		return out.toByteArray();
	}

	private static void line(Document document, String label, String value, Font labelFont, Font valueFont) {
		document.add(new Paragraph(label, labelFont));
		document.add(new Paragraph(value == null ? "–" : value, valueFont));
	}

	/** The QR code in the bottom right corner. */
	private static void qr(PdfContentByte canvas, String content, Document document) {
		float size = 72;
		PdfQr.draw(canvas, content, document.getPageSize().getWidth() - document.rightMargin() - size,
				document.bottomMargin(), size);
	}

	private String text(String key) {
		return messages.getMessage(key, null, INDONESIAN);
	}
}
