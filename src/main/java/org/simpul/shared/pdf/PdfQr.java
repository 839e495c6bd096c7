package org.simpul.shared.pdf;

import io.nayuki.qrcodegen.QrCode;
import org.openpdf.text.pdf.PdfContentByte;

/**
 * A QR code drawn into a PDF as vector squares (one per dark module, with the four-module quiet zone), so it
 * prints sharp at any size and needs no image library.
 */
public final class PdfQr {

	private PdfQr() {
	}

	/** Draws {@code content} as a QR code of {@code size} points square with its lower left corner at (x, y). */
	public static void draw(PdfContentByte canvas, String content, float x, float y, float size) {
		QrCode code = QrCode.encodeText(content, QrCode.Ecc.MEDIUM);
		float module = size / (code.size + 8);
		canvas.saveState();
		canvas.setRGBColorFill(0, 0, 0);
		for (int row = 0; row < code.size; row++) {
			for (int column = 0; column < code.size; column++) {
				if (code.getModule(column, row)) {
					canvas.rectangle(x + (column + 4) * module, y + size - (row + 5) * module, module, module);
				}
			}
		}
		canvas.fill();
		canvas.restoreState();
	}
}
