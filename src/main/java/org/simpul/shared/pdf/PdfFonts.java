package org.simpul.shared.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts of every PDF Simpul prints: DejaVu Sans, embedded (the used glyphs only) with Unicode encoding,
 * so that "Ṡiti Ñur" prints as typed. The PDF standard fonts (Helvetica, WinAnsi) have no glyph for most
 * Latin Extended letters and silently dropped them from receipts, letters and exports.
 */
public final class PdfFonts {

	private static final String DIRECTORY = "net/sf/jasperreports/fonts/dejavu/";

	private static final BaseFont REGULAR = load("DejaVuSans.ttf");

	private static final BaseFont BOLD = load("DejaVuSans-Bold.ttf");

	private static final BaseFont MONO_BOLD = load("DejaVuSansMono-Bold.ttf");

	private PdfFonts() {
	}

	public static Font regular(float size) {
		return new Font(REGULAR, size);
	}

	public static Font bold(float size) {
		return new Font(BOLD, size);
	}

	/** For codes to be read out and typed (tracking codes): fixed width, bold. */
	public static Font monoBold(float size) {
		return new Font(MONO_BOLD, size);
	}

	private static BaseFont load(String file) {
		try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(DIRECTORY + file)) {
			if (in == null) {
				throw new IllegalStateException("Font " + file + " missing from the class path (jasperreports-fonts)");
			}
			return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
