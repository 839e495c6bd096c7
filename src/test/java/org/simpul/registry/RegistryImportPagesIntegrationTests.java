package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** A manager imports a file from the page, watches it finish and downloads the refused rows. */
@SimpulIntegrationTest
class RegistryImportPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void managerImportsFromThePageAndSeesTheOutcome() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/registri/impor").session(session)).hasStatusOk().bodyText().contains("Impor registri");
		String kk = TestIdentifiers.kk("33.28.11");
		String nik = TestIdentifiers.nik("33.28.11", LocalDate.of(1968, 7, 7), Sex.F);
		String file = "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n" + kk + "," + nik
				+ ",Sarinah,07-07-1968,P,1,33.28.11.2001\n" + kk + ",123,Salah,07-07-1968,P,4,33.28.11.2001\n";
		MvcTestResult uploaded = mvc.perform(MockMvcRequestBuilders.multipart("/registri/impor")
			.file(new MockMultipartFile("file", "pedeslohor.csv", "text/csv", file.getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(csrf()));
		assertThat(uploaded).hasStatus(HttpStatus.FOUND);
		String page = uploaded.getResponse().getRedirectedUrl();
		String body = "";
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			body = mvc.get().uri(page + "/status").session(session).exchange().getResponse().getContentAsString();
			if (body.contains("Selesai") || body.contains("Gagal")) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(body).contains("Selesai").doesNotContain("hx-trigger");
		assertThat(mvc.get().uri(page).session(session)).bodyText().contains("pedeslohor.csv", "Unduh baris yang ditolak");
		assertThat(mvc.get().uri(page + "/penolakan.csv").session(session)).hasStatusOk()
			.bodyText()
			.contains("\"3\",\"nik: NIK_INVALID_LENGTH\"");
		// nobody outside Tegal sees it; a front office cannot import at all
		assertThat(mvc.get().uri(page).session(DemoLogins.session(mvc, "manajer.temanggung"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/registri/impor").session(DemoLogins.session(mvc, "fo.procot"))).hasStatus(HttpStatus.FORBIDDEN);
	}
}
