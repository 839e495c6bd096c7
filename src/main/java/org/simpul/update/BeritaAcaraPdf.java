package org.simpul.update;

import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.simpul.shared.pdf.PdfFonts;
import org.simpul.update.VillageDeliberations.Agreed;
import org.simpul.update.VillageDeliberations.MusdesView;
import org.springframework.stereotype.Component;

/**
 * The berita acara of a musdes (or the record of an SPTJM) as an A4 PDF when the village uploaded none: the
 * village, the day, the place and attendance, and the usulan agreed (kind and whom each is about), with room
 * for the signatures. All text is set as text.
 */
@Component
class BeritaAcaraPdf {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.of("id"));

	private static final Map<Usulan.Kind, String> KINDS = Map.of(Usulan.Kind.ENTER, "Masuk DTSEN",
			Usulan.Kind.CHANGE, "Perubahan data", Usulan.Kind.REMOVE, "Dikeluarkan", Usulan.Kind.PROGRAMME,
			"Usul program", Usulan.Kind.SANGGAH, "Sanggahan");

	byte[] render(MusdesView musdes, List<Agreed> agreed) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 48, 48);
		PdfWriter.getInstance(document, out);
		boolean sptjm = musdes.kind().equals("SPTJM");
		document.addTitle((sptjm ? "SPTJM " : "Berita acara musdes ") + musdes.villageName());
		document.open();
		Font title = PdfFonts.bold(13);
		Font body = PdfFonts.regular(11);
		Font bold = PdfFonts.bold(11);
		Paragraph heading = new Paragraph(sptjm ? "SURAT PERNYATAAN TANGGUNG JAWAB MUTLAK (SPTJM)"
				: "BERITA ACARA MUSYAWARAH DESA/KELURAHAN", title);
		heading.setAlignment(Element.ALIGN_CENTER);
		document.add(heading);
		Paragraph about = new Paragraph("Pemutakhiran Data Tunggal Sosial dan Ekonomi Nasional (DTSEN)", body);
		about.setAlignment(Element.ALIGN_CENTER);
		document.add(about);
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("Desa/kelurahan: " + musdes.villageName() + " (" + musdes.villageCode() + ")", body));
		document.add(new Paragraph("Tanggal: " + DATE.format(musdes.heldOn()), body));
		if (!sptjm) {
			document.add(new Paragraph("Tempat: " + musdes.place(), body));
			document.add(new Paragraph("Jumlah peserta hadir: " + musdes.attendance() + " orang", body));
		}
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph((sptjm ? "Usulan yang dipertanggungjawabkan: " : "Usulan yang disepakati: ")
				+ agreed.size(), bold));
		if (!agreed.isEmpty()) {
			PdfPTable table = new PdfPTable(new float[] { 1, 6, 4 });
			table.setWidthPercentage(100);
			table.setSpacingBefore(6);
			table.addCell(new Paragraph("No.", bold));
			table.addCell(new Paragraph("Nama", bold));
			table.addCell(new Paragraph("Jenis usulan", bold));
			for (int i = 0; i < agreed.size(); i++) {
				table.addCell(new Paragraph(String.valueOf(i + 1), body));
				table.addCell(new Paragraph(agreed.get(i).subjectName(), body));
				table.addCell(new Paragraph(KINDS.get(agreed.get(i).kind()), body));
			}
			document.add(table);
		}
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(sptjm
				? "Kami menyatakan bertanggung jawab penuh atas kebenaran data usulan di atas."
				: "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.", body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(musdes.villageName() + ", " + DATE.format(musdes.heldOn()), body));
		document.add(new Paragraph("Kepala Desa/Lurah", body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph(" ", body));
		document.add(new Paragraph("(................................................)", body));
		document.close();
		return out.toByteArray();
	}
}
