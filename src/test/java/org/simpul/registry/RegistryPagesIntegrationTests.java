package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The registry pages: register with the form, find by NIK and name, open the household, stay in territory. */
@SimpulIntegrationTest
class RegistryPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MockHttpSession login(String username) {
		MvcTestResult result = mvc.post().uri("/masuk").with(csrf()).param("username", username)
			.param("password", DemoLogins.PASSWORD).exchange();
		return (MockHttpSession) result.getMvcResult().getRequest().getSession(false);
	}

	@Test
	void frontOfficeRegistersAHouseholdWithTheFormAndFindsItByNik() throws Exception {
		MockHttpSession session = login("fo.procot");
		assertThat(mvc.get().uri("/registri/rumah-tangga/baru").session(session)).hasStatusOk()
			.bodyText()
			.contains("Daftarkan rumah tangga", "Procot", "Kepala keluarga");
		String kk = TestIdentifiers.kk("33.28.10");
		String head = TestIdentifiers.nik("33.28.10", LocalDate.of(1979, 8, 17), Sex.M);
		String wife = TestIdentifiers.nik("33.28.10", LocalDate.of(1983, 2, 1), Sex.F);
		// "add a member" shows a second row and keeps what was typed
		MvcTestResult twoRows = mvc.post().uri("/registri/rumah-tangga/baru").session(session).with(csrf())
			.param("kkNumber", kk).param("villageCode", "33.28.10.1008")
			.param("members[0].nik", head).param("members[0].name", "Darto").param("members[0].birthDate", "1979-08-17")
			.param("members[0].sex", "M").param("members[0].relationship", "HEAD")
			.param("action", "add-member").exchange();
		assertThat(twoRows).hasStatusOk().bodyText().contains("Anggota 2", "value=\"Darto\"", "members[1].nik");
		MvcTestResult saved = mvc.post().uri("/registri/rumah-tangga/baru").session(session).with(csrf())
			.param("kkNumber", kk).param("villageCode", "33.28.10.1008").param("rt", "3").param("welfareDecile", "1")
			.param("roof", "ZINC").param("floorAreaM2", "24,5")
			.param("members[0].nik", head).param("members[0].name", "Darto").param("members[0].birthDate", "1979-08-17")
			.param("members[0].sex", "M").param("members[0].relationship", "HEAD")
			.param("members[1].nik", wife).param("members[1].name", "Warsini").param("members[1].birthDate", "1983-02-01")
			.param("members[1].sex", "F").param("members[1].relationship", "WIFE")
			.param("action", "save").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		String location = saved.getResponse().getRedirectedUrl();
		assertThat(location).startsWith("/registri/rumah-tangga/");
		assertThat(mvc.get().uri(location).session(session)).hasStatusOk()
			.bodyText()
			.contains("Rumah tangga Darto", "Warsini", "Istri", "Seng", "24.5 m²", "RT 003", head);

		// found by NIK, with the NIK sent in the body (never in the address)
		assertThat(mvc.post().uri("/registri/cari").session(session).with(csrf()).param("nik", wife)).hasStatusOk()
			.bodyText()
			.contains("1 orang ditemukan", "Warsini");
		// the TKSK of Slawi sees it masked
		assertThat(mvc.get().uri(location).session(login("tksk.slawi"))).hasStatusOk()
			.bodyText()
			.contains("Warsini")
			.doesNotContain(wife)
			.contains(wife.substring(0, 4) + "••••••••" + wife.substring(12));
		// Pedeslohor's facilitator: the household does not exist
		assertThat(mvc.get().uri(location).session(login("psm.pedeslohor"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theFormShowsEveryProblemInIndonesianAndKeepsTheInput() {
		MockHttpSession session = login("fo.procot");
		MvcTestResult result = mvc.post().uri("/registri/rumah-tangga/baru").session(session).with(csrf())
			.param("kkNumber", "12345").param("villageCode", "33.28.10.1008")
			.param("members[0].nik", "3328107205800003").param("members[0].name", "<script>alert(1)</script>")
			.param("members[0].birthDate", "1980-05-15").param("members[0].sex", "F")
			.param("members[0].relationship", "WIFE").param("action", "save").exchange();
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("No. KK harus 16 angka.", "Tanggal lahir dalam NIK tidak mungkin",
					"Rumah tangga harus punya satu kepala keluarga.", "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	@Test
	void rolesWithoutTheRegistryDoNotSeeIt() {
		MockHttpSession session = login("program.dinkes");
		assertThat(mvc.get().uri("/").session(session)).bodyText().doesNotContain("/registri");
		assertThat(mvc.get().uri("/registri").session(session)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/").session(login("psm.procot"))).bodyText().contains("/registri");
	}
}
