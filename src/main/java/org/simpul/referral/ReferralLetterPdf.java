package org.simpul.referral;

import java.util.Optional;

import org.simpul.complaint.ComplaintQueries.ComplaintView;
import org.simpul.referral.ReferralQueries.ReferralView;
import org.simpul.shared.pdf.PdfLetter;
import org.simpul.shared.pdf.PdfLetter.Letterhead;
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
		Letterhead head = letterhead(r.villageCode()).orElse(Letterhead.plain("Petugas SLRT"));
		PdfLetter letter = new PdfLetter(head, "Surat rujukan " + r.ticketNumber())
			.bold("SURAT RUJUKAN")
			.line("Nomor: " + r.ticketNumber() + "/RJ/" + r.verificationCode())
			.blank()
			.line("Kepada Yth. " + r.agencyName())
			.line("u.p. pengelola " + r.providerName())
			.blank()
			.line("Dengan hormat, bersama ini kami rujuk:")
			.line("Nama: " + subject.name());
		if (subject.nik() != null) {
			letter.line("NIK: " + subject.nik());
		}
		if (subject.birthDate() != null) {
			letter.line("Tanggal lahir: " + PdfLetter.DATE.format(subject.birthDate()));
		}
		if (subject.address() != null && !subject.address().isBlank()) {
			letter.line("Alamat: " + subject.address());
		}
		return letter
			.line("Desa/kelurahan: " + (subject.villageName() != null ? subject.villageName()
					: c.villageName() == null ? c.villageCode() : c.villageName()))
			.line("Nomor tiket pengaduan: " + r.ticketNumber())
			.blank()
			.bold("Alasan rujukan:")
			.line(r.reason())
			.blank()
			.line("Mohon ditindaklanjuti paling lambat " + PdfLetter.DATE.format(r.dueDate())
					+ " dan hasilnya dicatat di Simpul.")
			.blank()
			.signedAndVerifiable(r.sentAt().atZone(ReferralPages.WIB).toLocalDate(), r.verificationCode(), verifyUrl);
	}
}
