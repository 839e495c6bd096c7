package org.simpul.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A district manager links a new programme manager to an agency on the user page (only one of the district's);
 * a programme manager linked to none is told why no referral arrives.
 */
@SimpulIntegrationTest
class ProgrammeManagerAgencyIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private String agency(String code) {
		return jdbc.sql("select cast(id as text) from agency where code = :code").param("code", code).query(String.class)
			.single();
	}

	@Test
	void theUserFormLinksAProgrammeManagerToAnAgencyOfTheDistrict() throws Exception {
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		String dinkes = jdbc.sql("select cast(a.id as text) from agency a join agency_member m on m.agency_id = a.id"
				+ " join app_user u on u.id = m.user_id where u.username = 'program.dinkes'").query(String.class).single();
		assertThat(mvc.get().uri("/pengguna/baru").session(manager)).hasStatusOk().bodyText()
			.contains("Instansi (untuk pengelola program)", dinkes);
		String username = "program.baru" + (System.nanoTime() % 100_000);
		// without an agency: refused, naming the field
		assertThat(mvc.post().uri("/pengguna/baru").session(manager).with(csrf()).param("username", username)
			.param("password", "Pengelola-Program-2026").param("displayName", "Pengelola Baru")
			.param("role", "PROGRAM_MANAGER").param("regionCode", "33.28")).hasStatusOk().bodyText()
			.contains("Pilih instansi tempat pengelola program ini bekerja.");
		assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", username).query(Long.class)
			.single()).isZero();
		// an agency outside the district: as if none were chosen
		String outside = jdbc.sql("select cast(id as text) from agency where region_code is null limit 1")
			.query(String.class).list().stream().findFirst().orElse(UUID.randomUUID().toString());
		assertThat(mvc.post().uri("/pengguna/baru").session(manager).with(csrf()).param("username", username)
			.param("password", "Pengelola-Program-2026").param("displayName", "Pengelola Baru")
			.param("role", "PROGRAM_MANAGER").param("regionCode", "33.28").param("agencyId", outside)).hasStatusOk()
			.bodyText().contains("Pilih instansi");
		assertThat(mvc.post().uri("/pengguna/baru").session(manager).with(csrf()).param("username", username)
			.param("password", "Pengelola-Program-2026").param("displayName", "Pengelola Baru")
			.param("role", "PROGRAM_MANAGER").param("regionCode", "33.28").param("agencyId", dinkes))
			.hasStatus(HttpStatus.FOUND);
		assertThat(jdbc.sql("select cast(m.agency_id as text) from agency_member m join app_user u on u.id = m.user_id"
				+ " where u.username = :u").param("u", username).query(String.class).single()).isEqualTo(dinkes);
	}

	@Test
	void aProgrammeManagerOfNoAgencyIsToldWhyNothingArrives() {
		String username = "program.yatim" + (System.nanoTime() % 100_000);
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "Pengelola-Tanpa-2026", "displayName": "Tanpa Instansi",
				 "role": "PROGRAM_MANAGER", "regionCode": "33.28"}""".formatted(username))).hasStatus(HttpStatus.CREATED);
		var login = mvc.post().uri("/masuk").with(csrf()).param("username", username)
			.param("password", "Pengelola-Tanpa-2026").exchange();
		var session = (org.springframework.mock.web.MockHttpSession) login.getMvcResult().getRequest().getSession(false);
		assertThat(mvc.get().uri("/rujukan").session(session)).hasStatusOk().bodyText()
			.contains("Akun Anda belum terhubung ke instansi");
		assertThat(mvc.get().uri("/rujukan").session(DemoLogins.session(mvc, "program.dinkes"))).hasStatusOk().bodyText()
			.doesNotContain("Akun Anda belum terhubung ke instansi");
	}
}
