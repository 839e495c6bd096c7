package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
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

	@Autowired
	BlindIndex index;

	@Test
	void frontOfficeRegistersAHouseholdWithTheFormAndFindsItByNik() throws Exception {
		MockHttpSession session = DemoLogins.session(mvc, "fo.procot");
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
		assertThat(mvc.get().uri(location).session(DemoLogins.session(mvc, "tksk.slawi"))).hasStatusOk()
			.bodyText()
			.contains("Warsini")
			.doesNotContain(wife)
			.contains(wife.substring(0, 4) + "••••••••" + wife.substring(12));
		// Pedeslohor's facilitator: the household does not exist
		assertThat(mvc.get().uri(location).session(DemoLogins.session(mvc, "psm.pedeslohor"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void theEditPageChangesTheHouseholdAddsMovesAndRecordsMembersLeaving() throws Exception {
		// the district's data operator corrects the registry; the village's front office proposes usulan
		MockHttpSession session = DemoLogins.session(mvc, "operator.tegal");
		RegistryIntegrationTests.Family family = RegistryIntegrationTests.family("33.28.10.1008", "Sukesih");
		RegistryIntegrationTests.Family other = RegistryIntegrationTests.family("33.28.10.1008", "Rasinah");
		String id = register(session, family);
		String otherId = register(session, other);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}/ubah", id).session(session)).hasStatusOk()
			.bodyText()
			.contains("Ubah rumah tangga", "name=\"version\" value=\"0\"", "Sukesih", "Keluar dari rumah tangga",
					"Pindah ke KK lain");
		// one save: decile 2 → 4 and a new member; a refused member (bad NIK) changes nothing
		String baby = TestIdentifiers.nik("33.28.10", LocalDate.of(2025, 1, 9), Sex.F);
		MvcTestResult refused = editSave(session, id, "0", "4").param("members[0].nik", "12345")
			.param("members[0].name", "Bayi").param("members[0].birthDate", "2025-01-09").param("members[0].sex", "F")
			.param("members[0].relationship", "GRANDCHILD").exchange();
		assertThat(refused).hasStatusOk().bodyText().contains("NIK harus 16 angka", "value=\"Bayi\"");
		assertThat(decile(id)).isEqualTo(2);
		MvcTestResult saved = editSave(session, id, "0", "4").param("members[0].nik", baby)
			.param("members[0].name", "Bayi").param("members[0].birthDate", "2025-01-09").param("members[0].sex", "F")
			.param("members[0].relationship", "GRANDCHILD").exchange();
		assertThat(saved).hasStatus(HttpStatus.FOUND);
		assertThat(decile(id)).isEqualTo(4);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", id).session(session)).hasStatusOk()
			.bodyText().contains("Perubahan tersimpan", "Bayi", "Anggota rumah tangga (3)");
		// a second save from the page opened at version 0: someone else's change is not overwritten
		assertThat(editSave(session, id, "0", "7").exchange()).hasStatusOk().bodyText()
			.contains("sudah diubah orang lain");
		assertThat(decile(id)).isEqualTo(4);

		// the child moves to the other family card, typed as its KK number
		String child = personId(family.childNik());
		assertThat(mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/pindah", id, child).session(session).with(csrf())
			.param("kkNumber", other.kk())).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/registri/rumah-tangga/" + otherId);
		assertThat(mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/pindah", id, personId(baby)).session(session)
			.with(csrf()).param("kkNumber", "3328109999999999")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", id).session(session)).bodyText()
			.contains("tidak ditemukan di wilayah kerja Anda");
		// the head dies: without a new head it is refused in Indonesian, with the grandchild as head it is recorded
		String head = personId(family.headNik());
		assertThat(mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/keluar", id, head).session(session).with(csrf())
			.param("reason", "DIED").param("date", "2026-01-05")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", id).session(session)).bodyText()
			.contains("pilih kepala keluarga baru");
		assertThat(mvc.post().uri("/registri/rumah-tangga/{id}/anggota/{p}/keluar", id, head).session(session).with(csrf())
			.param("reason", "DIED").param("date", "2026-01-05").param("newHeadId", personId(baby)))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", id).session(session)).bodyText()
			.contains("Anggota dicatat keluar", "Bekas anggota", "Meninggal, 05-01-2026", "Anggota rumah tangga (1)");
		assertThat(jdbc.sql("select relationship from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, baby)).query(String.class)
			.single()).isEqualTo("HEAD");
		// another district's manager cannot reach the edit page; the village and the district's TKSK only read,
		// and the village is offered an usulan instead
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}/ubah", id).session(DemoLogins.session(mvc, "manajer.temanggung")))
			.hasStatus(HttpStatus.NOT_FOUND);
		MockHttpSession village = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}/ubah", id).session(village)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}", id).session(village)).bodyText()
			.contains("Usulkan perubahan data", "/usulan/baru?rumahTangga=" + id).doesNotContain("Ubah rumah tangga");
		assertThat(mvc.get().uri("/registri/rumah-tangga/{id}/ubah", id).session(DemoLogins.session(mvc, "tksk.slawi")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private String register(MockHttpSession session, RegistryIntegrationTests.Family family) throws Exception {
		String token = DemoLogins.token(mvc, "fo.procot");
		MvcTestResult created = mvc.post().uri("/api/v1/households").header("Authorization", "Bearer " + token)
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(family.body()).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
	}

	private MockMvcTester.MockMvcRequestBuilder editSave(MockHttpSession session, String id, String version,
			String decile) {
		return mvc.post().uri("/registri/rumah-tangga/{id}/ubah", id).session(session).with(csrf())
			.param("version", version).param("villageCode", "33.28.10.1008").param("rt", "2").param("rw", "001")
			.param("address", "Jl. Melati 4").param("welfareDecile", decile).param("roof", "TILE")
			.param("wall", "BAMBOO").param("floor", "EARTH").param("floorAreaM2", "36").param("electricity", "PLN_450")
			.param("latrine", "NONE").param("drinkingWater", "UNPROTECTED_WELL").param("action", "save");
	}

	private int decile(String householdId) {
		return jdbc.sql("select welfare_decile from household where id = cast(:id as uuid)").param("id", householdId)
			.query(Integer.class).single();
	}

	private String personId(String nik) {
		return jdbc.sql("select id::text from person where nik_index = :nik").param("nik", index.of(BlindIndex.Kind.NIK, nik)).query(String.class).single();
	}

	@Test
	void theFormShowsEveryProblemInIndonesianAndKeepsTheInput() {
		MockHttpSession session = DemoLogins.session(mvc, "fo.procot");
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
		MockHttpSession session = DemoLogins.session(mvc, "program.dinkes");
		assertThat(mvc.get().uri("/").session(session)).bodyText().doesNotContain("/registri");
		assertThat(mvc.get().uri("/registri").session(session)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/").session(DemoLogins.session(mvc, "psm.procot"))).bodyText().contains("/registri");
	}
}
