package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The supervisor's duplicate review page: scan, see the pair, mark it as two different people. */
@SimpulIntegrationTest
class DuplicatePagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private void register(String kk, String nik, String name) {
		assertThat(mvc.post().uri("/api/v1/households")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"kkNumber": "%s", "villageCode": "33.28.10.1008", "members": [
					  {"nik": "%s", "name": "%s", "birthDate": "1988-03-09", "sex": "F", "relationship": "HEAD"}]}"""
				.formatted(kk, nik, name))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void supervisorScansAndDismissesAPair() throws Exception {
		register(TestIdentifiers.kk("33.28.10"), TestIdentifiers.nik("33.28.10", LocalDate.of(1988, 3, 9), Sex.F),
				"Nurkhasanah Lestari");
		register(TestIdentifiers.kk("33.28.10"), TestIdentifiers.nik("33.28.10", LocalDate.of(1988, 3, 9), Sex.F),
				"Noerchasanah Lestari");
		MockHttpSession session = DemoLogins.session(mvc, "tksk.slawi");
		assertThat(mvc.post().uri("/registri/duplikat/pindai").session(session).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		// other tests queue pairs in Slawi too, so the first page need not show this one: it shows the best
		assertThat(mvc.get().uri("/registri/duplikat").session(session)).hasStatusOk()
			.bodyText().contains("Kemungkinan data ganda", "Kemiripan", "Bukan orang yang sama");
		UUID candidate = jdbc.sql("""
				select d.id from duplicate_candidate d join person a on a.id = d.person_a join person b on b.id = d.person_b
				where d.status = 'OPEN' and 'Nurkhasanah Lestari' in (a.name, b.name)""").query(UUID.class).single();
		assertThat(mvc.post().uri("/registri/duplikat/{id}/abaikan", candidate).session(session).with(csrf()))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select status from duplicate_candidate where id = :id").param("id", candidate)
			.query(String.class).single()).isEqualTo("DISMISSED");
		assertThat(mvc.get().uri("/registri/duplikat").session(session)).bodyText().doesNotContain("Noerchasanah Lestari");
		assertThat(mvc.get().uri("/registri/duplikat").session(DemoLogins.session(mvc, "fo.procot"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theReviewShowsEnoughToDecideAndTheMergeAsksFirstAndSaysWhatHappened() throws Exception {
		String kkA = TestIdentifiers.kk("33.28.10");
		String nikA = TestIdentifiers.nik("33.28.10", LocalDate.of(1988, 3, 9), Sex.F);
		String nikB = TestIdentifiers.nik("33.28.10", LocalDate.of(1988, 3, 9), Sex.F);
		register(kkA, nikA, "Wartiyem Kembarsatu");
		register(TestIdentifiers.kk("33.28.10"), nikB, "Wartijem Kembarsatu");
		UUID a = jdbc.sql("select id from person where name = 'Wartiyem Kembarsatu'").query(UUID.class).single();
		UUID b = jdbc.sql("select id from person where name = 'Wartijem Kembarsatu'").query(UUID.class).single();
		UUID candidate = UUID.randomUUID();
		// a perfect score (and the newest of them) puts the pair on the first page, ahead of what other tests queued
		jdbc.sql("insert into duplicate_candidate (id, person_a, person_b, score, blocks, status, found_at)"
				+ " values (:id, least(:a, :b), greatest(:a, :b), 1.0, 'DISTRICT_BIRTH_DATE', 'OPEN', now())")
			.param("id", candidate).param("a", a).param("b", b).update();
		MockHttpSession session = DemoLogins.session(mvc, "tksk.slawi");
		String queue = mvc.get().uri("/registri/duplikat").session(session).exchange().getResponse().getContentAsString();
		assertThat(queue).contains("Wartiyem Kembarsatu", "Wartijem Kembarsatu", "09-03-1988", "Procot",
				"Tanggal lahir sama", "Jenis kelamin sama", "Desa sama", "Nama mirip",
				"Pertahankan Wartiyem Kembarsatu (Procot, lahir 1988)", "Pertahankan Wartijem Kembarsatu (Procot, lahir 1988)");
		// the NIK as the supervisor's role may see it
		assertThat(queue).containsAnyOf(nikA, nikA.substring(0, 4) + "••••••••" + nikA.substring(12));

		var confirm = mvc.get().uri("/registri/duplikat/{id}/gabung?keep={keep}", candidate, a).session(session).exchange();
		assertThat(confirm).hasStatusOk().bodyText().contains("Gabungkan data?", "Ya, gabungkan",
				"Wartiyem Kembarsatu (Procot, lahir 1988)", "Wartijem Kembarsatu (Procot, lahir 1988)");
		// asking is not doing
		assertThat(jdbc.sql("select count(*) from person where id in (:a, :b)").param("a", a).param("b", b)
			.query(Long.class).single()).isEqualTo(2);

		var merged = mvc.post().uri("/registri/duplikat/{id}/gabung", candidate).session(session).with(csrf())
			.param("keep", a.toString()).exchange();
		assertThat(merged).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/registri/duplikat").session(session)).hasStatusOk().bodyText()
			.contains("Data digabung: Wartiyem Kembarsatu (Procot, lahir 1988) dipertahankan")
			.contains("data Wartijem Kembarsatu (Procot, lahir 1988) dihapus");
		assertThat(jdbc.sql("select count(*) from person where id = :b").param("b", b).query(Long.class).single()).isZero();
	}
}
