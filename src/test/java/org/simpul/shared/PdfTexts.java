package org.simpul.shared;

import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

/** The text of a PDF as a reader would copy it, page after page, for tests of receipts and letters. */
public final class PdfTexts {

	private PdfTexts() {
	}

	public static String of(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}
}
