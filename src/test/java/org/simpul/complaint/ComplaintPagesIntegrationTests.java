package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.function.Function;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.registry.RegistryIntegrationTestsAccess;
import org.simpul.registry.Sex;
import org.simpul.registry.TestIdentifiers;
import org.simpul.shared.PdfTexts;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The citizen's tracking page: no login, the status in Bahasa Indonesia, nothing personal, the same refusal. */
@SimpulIntegrationTest
class ComplaintPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@org.springframework.beans.factory.annotation.Autowired
	FieldCipher cipher;

	@Test
	void theFrontOfficeRecordsAComplaintFindsTheFamilyByNikAndHandsOverTheReceipt() throws Exception {
		var session = DemoLogins.session(mvc, "fo.procot");
		String personId = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Darsini Halaman");
		String nik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)").param("id", personId)
			.query(String.class).single());
		assertThat(mvc.get().uri("/pengaduan/baru").session(session)).hasStatusOk().bodyText()
			.contains("Catat pengaduan", "24. Fakir miskin", "Datang langsung", "Kesehatan");
		// the NIK typed on the form brings the family, its decile and programmes
		assertThat(mvc.post().uri("/pengaduan/cari-nik").session(session).with(csrf()).param("subjectNik", nik))
			.hasStatusOk().bodyText().contains("Darsini Halaman", "Ada di registri", "PKH", "name=\"subjectPersonId\"");
		assertThat(mvc.post().uri("/pengaduan/cari-nik").session(session).with(csrf()).param("subjectNik", "3328"))
			.hasStatusOk().bodyText().contains("NIK harus 16 angka");
		// a form with problems comes back with them, in Indonesian, keeping the input
		assertThat(mvc.post().uri("/pengaduan/baru").session(session).with(csrf()).param("channel", "WALK_IN")
			.param("villageCode", "33.28.10.1008").param("description", "Tanpa bidang").param("subjectName", "Warga"))
			.hasStatusOk().bodyText().contains("Ada isian yang perlu diperbaiki", "Tanpa bidang");
		// shown again, the form keeps the family the NIK had found
		assertThat(mvc.post().uri("/pengaduan/baru").session(session).with(csrf()).param("channel", "WALK_IN")
			.param("villageCode", "33.28.10.1008").param("subjectPersonId", personId).param("subjectNik", nik))
			.hasStatusOk().bodyText().contains("Ada isian yang perlu diperbaiki", "Darsini Halaman", "Ada di registri");
		MvcTestResult saved = mvc.post().uri("/pengaduan/baru").session(session).with(csrf()).param("channel", "WALK_IN")
			.param("category", "HEALTH").param("villageCode", "33.28.10.1008").param("subjectPersonId", personId)
			.param("subjectNik", nik).param("ppksCodes", "24")
			.param("description", "PBI-JK dicabut <script>alert(1)</script>").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		String receipt = saved.getResponse().getRedirectedUrl();
		assertThat(receipt).matches("/pengaduan/[0-9a-f-]{36}/tanda-terima");
		String code = (String) saved.getMvcResult().getFlashMap().get("trackingCode");
		assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{10}");
		// the redirect shows it once, from the flash of the save, with a WhatsApp message carrying no name
		String shown = mvc.get().uri(receipt).session(session).exchange().getResponse().getContentAsString();
		assertThat(shown).contains("Tanda terima pengaduan", code, "3328101008-", "Darsini Halaman", "/lacak");
		String whatsApp = shown.replaceAll("(?s).*href=\"(https://wa\\.me/\\?text=[^\"]+)\".*", "$1");
		assertThat(whatsApp).startsWith("https://wa.me/?text=").contains(code).doesNotContain("Darsini");
		// the field app posts the code it holds back: shown when it is the complaint's own, never another's
		assertThat(mvc.post().uri(receipt).session(session).with(csrf()).param("trackingCode", code.toLowerCase()))
			.hasStatusOk().bodyText().contains(code);
		assertThat(mvc.post().uri(receipt).session(session).with(csrf()).param("trackingCode", "0000000000"))
			.hasStatusOk().bodyText().doesNotContain("0000000000").contains("hanya ditampilkan sekali");
		assertThat(mvc.post().uri(receipt).session(DemoLogins.session(mvc, "psm.pedeslohor")).with(csrf())
			.param("trackingCode", code)).hasStatus(HttpStatus.NOT_FOUND);
		// opened again later, the receipt no longer shows the code
		assertThat(mvc.get().uri(receipt).session(session)).hasStatusOk().bodyText()
			.contains("hanya ditampilkan sekali").doesNotContain(code);
		// the PDF: with the code only when the code given back is the complaint's own; HTML printed as typed
		MvcTestResult pdf = mvc.post().uri(receipt + ".pdf").session(session).with(csrf()).param("trackingCode", code)
			.exchange();
		assertThat(pdf).hasStatusOk().hasContentType("application/pdf");
		String text = PdfTexts.of(pdf.getResponse().getContentAsByteArray());
		assertThat(text).contains(code, "3328101008-", "Darsini Halaman", "<script>alert(1)</script>", "/lacak");
		assertThat(mvc.post().uri(receipt + ".pdf").session(session).with(csrf()).param("trackingCode", "0000000000"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		MvcTestResult reprint = mvc.get().uri(receipt + ".pdf").session(session).exchange();
		assertThat(reprint).hasStatusOk();
		assertThat(PdfTexts.of(reprint.getResponse().getContentAsByteArray())).contains("hanya ditampilkan sekali")
			.doesNotContain(code);
		assertThat(mvc.get().uri(receipt + ".pdf").session(DemoLogins.session(mvc, "psm.pedeslohor"))).hasStatus(HttpStatus.NOT_FOUND);
		String complaintPage = receipt.replace("/tanda-terima", "");
		assertThat(mvc.get().uri(complaintPage).session(session)).hasStatusOk().bodyText()
			.contains("&lt;script&gt;", "Diterima", "Ada di registri").doesNotContain("<script>alert");
		assertThat(mvc.get().uri("/pengaduan").session(session)).hasStatusOk().bodyText()
			.contains("Darsini Halaman", "Pengaduan");
		// Pedeslohor's facilitator neither lists nor opens it; a programme manager has no desk
		assertThat(mvc.get().uri("/pengaduan").session(DemoLogins.session(mvc, "psm.pedeslohor"))).hasStatusOk().bodyText()
			.doesNotContain("Darsini Halaman");
		assertThat(mvc.get().uri(complaintPage).session(DemoLogins.session(mvc, "psm.pedeslohor"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/pengaduan").session(DemoLogins.session(mvc, "program.dinkes"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	/**
	 * The form binds what was typed: a value of the wrong type is named beside its field in Bahasa Indonesia,
	 * everything typed is shown again, fields that are not the form's are ignored, and nothing is written.
	 */
	@Test
	void aFormWithValuesOfTheWrongTypeIsShownAgainAsTypedAndNothingIsWritten() {
		var session = DemoLogins.session(mvc, "fo.procot");
		long before = jdbc.sql("select count(*) from complaint").query(Long.class).single();
		MvcTestResult shown = mvc.post().uri("/pengaduan/baru").session(session).with(csrf())
			.param("channel", "WALK_IN")
			.param("category", "SOCIAL")
			.param("villageCode", "33.28.10.1008")
			.param("description", "Ibu butuh beras")
			.param("ppksCodes", "24")
			.param("subjectName", "Ibu Salah Ketik")
			.param("subjectBirthDate", "31-02-1970")
			.param("subjectSex", "X")
			.param("status", "RESOLVED")
			.exchange();
		assertThat(shown).hasStatusOk().bodyText()
			.contains("Ada isian yang perlu diperbaiki.", "Tanggal tidak valid.", "Nilai tidak valid.")
			.contains("Ibu butuh beras", "Ibu Salah Ketik", "value=\"31-02-1970\"");
		assertThat(jdbc.sql("select count(*) from complaint").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void theQueueNarrowsToAVillageAndToComplaintsWaitingLong() {
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/pengaduan?villageCode=33.28.11.2001").session(manager)).hasStatusOk().bodyText()
			.contains("Pedeslohor, ").doesNotContain("Procot, ");
		assertThat(mvc.get().uri("/pengaduan?olderThanDays=3650").session(manager)).hasStatusOk().bodyText()
			.contains("0 pengaduan di wilayah kerja Anda");
		assertThat(mvc.get().uri("/pengaduan?villageCode=33.28.10.1008").session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theDeskCorrectsAComplaintAndAStaleFormIsReloadedNotSaved() throws Exception {
		var session = DemoLogins.session(mvc, "fo.procot");
		MvcTestResult created = mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "PHONE", "category": "HEALTH", "villageCode": "33.28.10.1008",
					 "description": "Salah bidang", "ppksCodes": ["24"], "subject": {"name": "Ibu Koreksi"}}""")
			.exchange();
		String id = JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/pengaduan/{id}", id).session(session)).hasStatusOk().bodyText()
			.contains("24 Fakir miskin", "href=\"/pengaduan/" + id + "/ubah\"");
		assertThat(mvc.get().uri("/pengaduan/{id}/ubah", id).session(session)).hasStatusOk().bodyText()
			.contains("Ubah pengaduan", "Ibu Koreksi", "Salah bidang", "name=\"version\" value=\"0\"")
			.doesNotContain("name=\"subjectNik\"");
		// a problem comes back in Indonesian and nothing is saved
		assertThat(mvc.post().uri("/pengaduan/{id}/ubah", id).session(session).with(csrf()).param("version", "0")
			.param("channel", "PHONE").param("category", "EDUCATION").param("villageCode", "33.28.10.1008")
			.param("description", " ").param("ppksCodes", "24")).hasStatusOk().bodyText()
			.contains("Ada isian yang perlu diperbaiki", "Wajib diisi");
		MvcTestResult saved = mvc.post().uri("/pengaduan/{id}/ubah", id).session(session).with(csrf())
			.param("version", "0").param("channel", "PHONE").param("category", "EDUCATION")
			.param("villageCode", "33.28.10.1008").param("description", "Bidang pendidikan: KIP")
			.param("ppksCodes", "24").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/pengaduan/" + id);
		assertThat(jdbc.sql("select category || ' ' || description || ' ' || version from complaint where id = cast(:id as uuid)")
			.param("id", id).query(String.class).single()).isEqualTo("EDUCATION Bidang pendidikan: KIP 1");
		// a second tab still holding version 0 is told, shown what is stored now, and overwrites nothing
		assertThat(mvc.post().uri("/pengaduan/{id}/ubah", id).session(session).with(csrf()).param("version", "0")
			.param("channel", "PHONE").param("category", "HEALTH").param("villageCode", "33.28.10.1008")
			.param("description", "Tab lama").param("ppksCodes", "24")).hasStatusOk().bodyText()
			.contains("telah diubah orang lain", "Bidang pendidikan: KIP", "name=\"version\" value=\"1\"");
		assertThat(jdbc.sql("select description from complaint where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single()).isEqualTo("Bidang pendidikan: KIP");
		// outside the territory the complaint does not exist
		assertThat(mvc.get().uri("/pengaduan/{id}/ubah", id).session(DemoLogins.session(mvc, "psm.pedeslohor")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aCitizenTracksHerComplaintWithoutLoggingIn() throws Exception {
		MvcTestResult created = mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "WALK_IN", "category": "EDUCATION", "villageCode": "33.28.10.1008",
					 "description": "KIP anaknya belum cair", "ppksCodes": ["24"],
					 "subject": {"name": "Ibu Rahayu Lacak"}}""")
			.exchange();
		String ticket = JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNumber");
		String code = JsonPath.read(created.getResponse().getContentAsString(), "$.trackingCode");

		assertThat(mvc.get().uri("/lacak")).hasStatusOk().bodyText().contains("Lacak pengaduan", "Kode pelacakan");
		// the receipt's QR code opens the page with the ticket number filled in
		assertThat(mvc.get().uri("/lacak?tiket={t}", ticket)).hasStatusOk().bodyText().contains("value=\"" + ticket + "\"");
		MvcTestResult found = mvc.post().uri("/lacak").with(csrf()).with(request -> {
			request.setRemoteAddr("10.77.0.1");
			return request;
		}).param("ticketNumber", ticket).param("trackingCode", code.toLowerCase()).exchange();
		// nothing of the person or the complaint; the village shows only as the Puskesos to ask, which
		// the ticket number names already (its first ten digits are the village's code)
		assertThat(found).hasStatusOk().bodyText().contains("Tiket " + ticket, "Diterima", "WIB", "Puskesos Procot")
			.doesNotContain("Rahayu", "KIP");
		MvcTestResult wrong = mvc.post().uri("/lacak").with(csrf()).with(request -> {
			request.setRemoteAddr("10.77.0.1");
			return request;
		}).param("ticketNumber", ticket).param("trackingCode", "0000000000").exchange();
		assertThat(wrong).hasStatus(HttpStatus.NOT_FOUND).bodyText()
			.contains("Nomor tiket atau kode pelacakan tidak cocok")
			.doesNotContain("Diterima");
	}

	@org.junit.jupiter.api.Test
	void theQueueIsSearchedByTicketNameOrNikWithinTheTerritory() throws Exception {
		String person = RegistryIntegrationTestsAccess.registerFamily(mvc, jdbc, "Warsiti Dicari");
		String registeredNik = cipher.decrypt(jdbc.sql("select nik_cipher from person where id = cast(:id as uuid)")
			.param("id", person).query(String.class).single());
		String linked = com.jayway.jsonpath.JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST",
				"/api/v1/complaints", """
						{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008", "description": "Dicari",
						 "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(person)).getResponse()
			.getContentAsString(), "$.ticketNumber");
		String capturedNik = TestIdentifiers.nik("33.28.10", LocalDate.of(1966, 6, 6),
				Sex.M);
		String captured = com.jayway.jsonpath.JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST",
				"/api/v1/complaints", """
						{"channel": "WALK_IN", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Dicari juga",
						 "ppksCodes": ["24"], "subject": {"nik": "%s", "name": "Karsono Ditangkap"}}""".formatted(capturedNik))
			.getResponse().getContentAsString(), "$.ticketNumber");
		var desk = DemoLogins.session(mvc, "fo.procot");
		Function<String, String> search = q -> {
			try {
				return mvc.post().uri("/pengaduan/cari").session(desk).with(csrf()).param("q", q).exchange().getResponse()
					.getContentAsString();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		assertThat(search.apply(linked)).contains("<strong>" + linked + "</strong>").doesNotContain(captured);
		assertThat(search.apply("warsiti dicari")).contains(linked, "Warsiti Dicari");
		assertThat(search.apply(registeredNik)).contains(linked).doesNotContain(captured);
		assertThat(search.apply(capturedNik)).contains(captured, "Karsono Ditangkap").doesNotContain(linked);
		assertThat(search.apply("ab")).contains("Ketik 3 sampai 100 huruf atau angka.");
		// outside the territory: nothing
		assertThat(mvc.post().uri("/pengaduan/cari").session(DemoLogins.session(mvc, "manajer.temanggung"))
			.with(csrf()).param("q", linked)).hasStatusOk().bodyText().doesNotContain("<strong>" + linked + "</strong>")
			.doesNotContain("Warsiti Dicari");
	}
}
