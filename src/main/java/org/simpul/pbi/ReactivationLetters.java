package org.simpul.pbi;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.pbi.Reactivation.Category;
import org.simpul.pbi.ReactivationQueries.ReactivationView;
import org.simpul.region.RegionCatalog;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.CrockfordCodes;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.database.WorkScope;
import org.simpul.shared.pdf.PdfLetter;
import org.simpul.shared.pdf.PdfLetter.Letterhead;
import org.simpul.shared.web.PublicUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dinsos' reactivation letter (surat keterangan pengaktifan kembali peserta PBI-JK, DOMAIN.md §10) as an A4 PDF
 * under the district office's letterhead (the referral module's published {@code office_letterhead}: the most
 * specific row covering the district, else a plain SLRT heading): its number in the district's yearly series, the
 * person (the NIK as the reader's role may see it), the decree that removed them, the need, Dinsos' statement, the
 * signatory, and the verification code with a QR code to {@code /verifikasi/pbi/{code}}; and that public
 * confirmation, which says only the letter's number, day, district and standing.
 */
@Component
class ReactivationLetters {

	/** Length of the code printed on the letter. */
	static final int CODE_LENGTH = 10;

	private static final Map<Category, String> NEEDS = Map.of(Category.CHRONIC, "penyakit kronis",
			Category.CATASTROPHIC, "penyakit katastropik", Category.EMERGENCY, "kegawatdaruratan", Category.MATERNITY,
			"kehamilan/persalinan", Category.OTHER, "kebutuhan layanan kesehatan");

	/**
	 * What the public page shows: the letter's number, day and district, and whether it still stands (not when its
	 * request was withdrawn or rejected); nothing about the person, nor the ministry's answer.
	 */
	record Verification(String letterNumber, LocalDate issuedOn, String districtName, boolean valid) {
	}

	private final JdbcClient jdbc;

	private final ReactivationQueries queries;

	private final HouseholdQueries households;

	private final RegionCatalog regions;

	private final AuditTrail audit;

	private final PublicUrl publicUrl;

	ReactivationLetters(JdbcClient jdbc, ReactivationQueries queries, HouseholdQueries households,
			RegionCatalog regions, AuditTrail audit, PublicUrl publicUrl) {
		this.jdbc = jdbc;
		this.queries = queries;
		this.households = households;
		this.regions = regions;
		this.audit = audit;
		this.publicUrl = publicUrl;
	}

	/** The request's letter, for whoever may read the request; 404 before a letter was issued. */
	@Transactional
	public Printed print(CurrentUser actor, UUID id) {
		ReactivationView request = queries.written(actor, id);
		record Issued(String letterNumber, LocalDate letterIssuedOn, String verificationCode, UUID householdId,
				String decree, LocalDate deactivatedOn) {
		}
		Issued issued = actor.territory().sql(jdbc, """
				select r.letter_number, r.letter_issued_on, r.verification_code, r.household_id, d.decree, d.deactivated_on
				from pbi_reactivation r left join pbi_deactivation d on d.id = r.deactivation_id
				where r.id = :id and in_territory(r.village_code) and r.verification_code is not null""")
			.param("id", id)
			.query(Issued.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Reactivation letter"));
		Optional<HouseholdView> household = households.household(actor, issued.householdId());
		Optional<PersonView> person = household.flatMap(h -> h.members().stream()
			.filter(m -> m.id().equals(request.personId())).findFirst());
		String regency = request.villageCode().substring(0, 5);
		Map<String, String> names = regions.names(List.of(request.villageCode(), request.villageCode().substring(0, 8),
				regency));
		Letterhead head = letterhead(regency).orElse(Letterhead.plain("Kepala Dinas Sosial"));
		String verifyUrl = publicUrl.of("/verifikasi/pbi/" + issued.verificationCode());
		PdfLetter letter = new PdfLetter(head, "Surat keterangan pengaktifan kembali PBI-JK " + issued.letterNumber())
			.bold("SURAT KETERANGAN PENGAKTIFAN KEMBALI")
			.bold("PESERTA PENERIMA BANTUAN IURAN JAMINAN KESEHATAN (PBI-JK)")
			.line("Nomor: " + issued.letterNumber())
			.blank()
			.line("Yang bertanda tangan di bawah ini, " + head.signatoryTitle() + ", menerangkan bahwa:")
			.line("Nama: " + request.name());
		person.map(PersonView::nik).ifPresent(nik -> letter.line("NIK: " + nik));
		person.map(PersonView::birthDate).ifPresent(born -> letter.line("Tanggal lahir: " + PdfLetter.DATE.format(born)));
		household.map(HouseholdView::address).filter(a -> a != null && !a.isBlank())
			.ifPresent(address -> letter.line("Alamat: " + address));
		letter.line("Desa/kelurahan: " + names.getOrDefault(request.villageCode(), request.villageCode()) + ", Kecamatan "
				+ names.getOrDefault(request.villageCode().substring(0, 8), request.villageCode().substring(0, 8)));
		letter.blank();
		if (issued.decree() != null) {
			letter.line("dinonaktifkan dari kepesertaan PBI-JK berdasarkan Keputusan Menteri Sosial Nomor "
					+ issued.decree() + " terhitung " + PdfLetter.DATE.format(issued.deactivatedOn()) + ",");
		}
		letter.line("membutuhkan layanan kesehatan karena " + NEEDS.get(request.category())
				+ " sebagaimana surat keterangan fasilitas kesehatan yang kami terima, dan telah diverifikasi oleh "
				+ "Dinas Sosial " + names.getOrDefault(regency, regency) + ".")
			.blank()
			.line("Dengan ini yang bersangkutan diusulkan untuk diaktifkan kembali sebagai peserta PBI-JK. "
					+ "Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.")
			.blank();
		byte[] pdf = letter.signedAndVerifiable(issued.letterIssuedOn(), issued.verificationCode(), verifyUrl);
		audit.record(actor, AuditTrail.Action.PRINT, "PBI_REACTIVATION_LETTER", id, List.of(request.personId()));
		return new Printed(issued.letterNumber(), pdf);
	}

	/** A printed letter: its number (for the file's name) and its bytes. */
	record Printed(String letterNumber, byte[] pdf) {

		/** The file's name: the number without its slashes. */
		String fileName() {
			return "surat-reaktivasi-" + letterNumber.replace('/', '-') + ".pdf";
		}
	}

	/** The letterhead of the most specific office covering the district. */
	private Optional<Letterhead> letterhead(String regency) {
		return jdbc.sql("""
				select office_name, address, signatory_name, signatory_title from office_letterhead
				where :regency = region_code or :regency like region_code || '.%'
				order by length(region_code) desc limit 1""")
			.param("regency", regency)
			.query(Letterhead.class)
			.optional();
	}

	/** The public confirmation of a letter by the code printed on it (whoever asks: no territory, no person). */
	Optional<Verification> verify(String typed) {
		String code = CrockfordCodes.canonical(typed, CODE_LENGTH);
		if (code.isEmpty()) {
			return Optional.empty();
		}
		record Row(String letterNumber, LocalDate letterIssuedOn, String regency, String status, String segment) {
		}
		return WorkScope.everywhere(() -> jdbc.sql("""
				select letter_number, letter_issued_on, substr(village_code, 1, 5) as regency, status, segment
				from pbi_reactivation where verification_code = :code""")
			.param("code", code)
			.query(Row.class)
			.optional())
			.map(row -> new Verification(row.letterNumber(), row.letterIssuedOn(),
					regions.names(List.of(row.regency())).getOrDefault(row.regency(), row.regency()),
					!row.status().equals("WITHDRAWN") && !row.status().equals("REJECTED")));
	}
}
