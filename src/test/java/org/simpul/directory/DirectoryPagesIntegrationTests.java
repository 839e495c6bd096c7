package org.simpul.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The district manager keeps the directory on pages: a Puskesos unit added and its status changed, an agency
 * of the district with a service that referrals then reach, a service stopped; nothing outside the district.
 */
@SimpulIntegrationTest
class DirectoryPagesIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theDistrictManagerKeepsPuskesosUnitsAgenciesAndServices() throws Exception {
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		String unit = "Puskesos Uji " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(mvc.post().uri("/puskesos").session(manager).with(csrf()).param("name", unit)
			.param("regionCode", "33.28.10.1007").param("status", "PLANNED")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/puskesos").session(manager)).hasStatusOk().bodyText().contains(unit, "Direncanakan");
		String id = jdbc.sql("select cast(id as text) from puskesos where name = :n").param("n", unit).query(String.class)
			.single();
		mvc.post().uri("/puskesos/{id}/status", id).session(manager).with(csrf()).param("status", "ACTIVE").exchange();
		assertThat(jdbc.sql("select status || ' ' || level from puskesos where id = cast(:id as uuid)").param("id", id)
			.query(String.class).single()).isEqualTo("ACTIVE VILLAGE");
		// outside the district: no such region for this manager
		assertThat(mvc.post().uri("/puskesos").session(manager).with(csrf()).param("name", "Puskesos Luar")
			.param("regionCode", "33.23.01.2001").param("status", "ACTIVE")).hasStatus(HttpStatus.NOT_FOUND);

		String agencyName = "Baznas Kabupaten Tegal " + UUID.randomUUID().toString().substring(0, 6);
		assertThat(mvc.post().uri("/instansi").session(manager).with(csrf()).param("name", agencyName)
			.param("regionCode", "33.28")).hasStatus(HttpStatus.FOUND);
		String agency = jdbc.sql("select cast(id as text) from agency where name = :n").param("n", agencyName)
			.query(String.class).single();
		assertThat(mvc.post().uri("/instansi/{id}/layanan", agency).session(manager).with(csrf())
			.param("name", "Bantuan biaya hidup Baznas").param("category", "ECONOMY").param("defaultDueDays", "10"))
			.hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/instansi").session(manager)).hasStatusOk().bodyText()
			.contains(agencyName, "Bantuan biaya hidup Baznas", "10 hari");
		// the new service is where a Procot referral can go
		String complaint = JsonPath.read(DemoLogins.call(mvc, "fo.procot", "POST", "/api/v1/complaints", """
				{"channel": "WALK_IN", "category": "ECONOMY", "villageCode": "33.28.10.1008", "description": "Biaya hidup",
				 "ppksCodes": ["24"], "subject": {"name": "Ibu Direktori"}}""").getResponse().getContentAsString(), "$.id");
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(manager)).hasStatusOk().bodyText()
			.contains("Bantuan biaya hidup Baznas");
		String service = jdbc.sql("select cast(id as text) from provider where name = 'Bantuan biaya hidup Baznas'"
				+ " and agency_id = cast(:a as uuid)").param("a", agency).query(String.class).single();
		mvc.post().uri("/instansi/layanan/{id}/hentikan", service).session(manager).with(csrf()).exchange();
		assertThat(mvc.get().uri("/rujukan/baru?pengaduan={id}", complaint).session(manager)).hasStatusOk().bodyText()
			.doesNotContain("Bantuan biaya hidup Baznas");

		// Temanggung's manager does not see Tegal's agency; the desk keeps no directory
		assertThat(mvc.get().uri("/instansi").session(DemoLogins.session(mvc, "manajer.temanggung"))).hasStatusOk()
			.bodyText().doesNotContain(agencyName);
		assertThat(mvc.post().uri("/instansi/layanan/{id}/lanjutkan", service)
			.session(DemoLogins.session(mvc, "manajer.temanggung")).with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/instansi").session(DemoLogins.session(mvc, "fo.procot"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void existingEntriesAreChangedOnThePageAndNothingOutsideTheDistrict() throws Exception {
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		String agencyName = "Dinas Sosial Uji " + UUID.randomUUID().toString().substring(0, 6);
		mvc.post().uri("/instansi").session(manager).with(csrf()).param("name", agencyName).param("regionCode", "33.28")
			.exchange();
		String agency = jdbc.sql("select cast(id as text) from agency where name = :n").param("n", agencyName)
			.query(String.class).single();
		mvc.post().uri("/instansi/{id}/layanan", agency).session(manager).with(csrf()).param("name", "Layanan lama")
			.param("category", "SOCIAL").param("defaultDueDays", "14").exchange();
		String service = jdbc.sql("select cast(id as text) from provider where agency_id = cast(:a as uuid)")
			.param("a", agency).query(String.class).single();
		// the edit form shows what is recorded
		assertThat(mvc.get().uri("/instansi").session(manager)).hasStatusOk().bodyText()
			.contains("value=\"Layanan lama\"", "value=\"" + agencyName + "\"");

		assertThat(mvc.post().uri("/instansi/layanan/{id}/ubah", service).session(manager).with(csrf())
			.param("name", "Layanan baru").param("category", "EDUCATION").param("programmeCode", "pip")
			.param("defaultDueDays", "21")).hasStatus(HttpStatus.FOUND).flash().containsEntry("notice", "directory.saved");
		// what the redirect carries is said on the page it lands on
		assertThat(mvc.get().uri("/instansi").session(manager).flashAttr("notice", "directory.saved")).bodyText()
			.contains("Perubahan direktori tersimpan.");
		assertThat(jdbc.sql("""
				select name || ' ' || category || ' ' || programme_code || ' ' || default_due_days from provider
				where id = cast(:id as uuid)""").param("id", service).query(String.class).single())
			.isEqualTo("Layanan baru EDUCATION PIP 21");
		// a bad value changes nothing and says which field
		assertThat(mvc.post().uri("/instansi/layanan/{id}/ubah", service).session(manager).with(csrf())
			.param("name", "Layanan rusak").param("category", "EDUCATION").param("defaultDueDays", "999"))
			.hasStatus(HttpStatus.FOUND).flash().containsEntry("warning", "problem.TOO_SMALL_OR_LARGE");
		assertThat(jdbc.sql("select name from provider where id = cast(:id as uuid)").param("id", service)
			.query(String.class).single()).isEqualTo("Layanan baru");

		mvc.post().uri("/instansi/{id}/ubah", agency).session(manager).with(csrf()).param("name", agencyName + " Baru")
			.exchange();
		assertThat(jdbc.sql("select name from agency where id = cast(:id as uuid)").param("id", agency)
			.query(String.class).single()).isEqualTo(agencyName + " Baru");
		assertThat(mvc.post().uri("/instansi/{id}/ubah", agency).session(manager).with(csrf()).param("name", " "))
			.flash().containsEntry("warning", "problem.REQUIRED");

		String unit = jdbc.sql("select cast(id as text) from puskesos where region_code like '33.28%' limit 1")
			.query(String.class).single();
		String unitName = jdbc.sql("select name from puskesos where id = cast(:id as uuid)").param("id", unit)
			.query(String.class).single();
		mvc.post().uri("/puskesos/{id}/ubah", unit).session(manager).with(csrf()).param("name", unitName + " (baru)")
			.exchange();
		assertThat(mvc.get().uri("/puskesos").session(manager)).bodyText().contains(unitName + " (baru)");

		// Temanggung's manager and the desk change none of it
		var other = DemoLogins.session(mvc, "manajer.temanggung");
		assertThat(mvc.post().uri("/instansi/{id}/ubah", agency).session(other).with(csrf()).param("name", "Milik kami"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/instansi/layanan/{id}/ubah", service).session(other).with(csrf())
			.param("name", "Milik kami").param("category", "SOCIAL").param("defaultDueDays", "3"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/puskesos/{id}/ubah", unit).session(other).with(csrf()).param("name", "Milik kami"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/puskesos/{id}/ubah", unit).session(DemoLogins.session(mvc, "fo.procot")).with(csrf())
			.param("name", "Milik kami")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(jdbc.sql("select count(*) from agency a join provider p on p.agency_id = a.id"
				+ " where a.name = 'Milik kami' or p.name = 'Milik kami'").query(Integer.class).single()).isZero();
	}

	@Test
	void theAgencyPageListsItsProgrammeManagersWhoCanBeReleased() throws Exception {
		var manager = DemoLogins.session(mvc, "manajer.tegal");
		UUID dinkes = jdbc.sql("select a.id from agency a join agency_member m on m.agency_id = a.id"
				+ " join app_user u on u.id = m.user_id where u.username = 'program.dinkes'").query(UUID.class).single();
		UUID user = jdbc.sql("select id from app_user where username = 'program.dinkes'").query(UUID.class).single();
		assertThat(mvc.get().uri("/instansi").session(manager)).hasStatusOk().bodyText().contains("program.dinkes");
		try {
			assertThat(mvc.post().uri("/instansi/{id}/anggota/{user}/lepas", dinkes, user)
				.session(DemoLogins.session(mvc, "manajer.temanggung")).with(csrf())).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(mvc.post().uri("/instansi/{id}/anggota/{user}/lepas", dinkes, user).session(manager).with(csrf()))
				.hasStatus(HttpStatus.FOUND);
			assertThat(jdbc.sql("select count(*) from agency_member where user_id = :u").param("u", user)
				.query(Integer.class).single()).isZero();
			// the released manager is told why there is nothing to see
			assertThat(mvc.get().uri("/rujukan").session(DemoLogins.session(mvc, "program.dinkes"))).hasStatusOk()
				.bodyText().contains("belum terhubung ke instansi");
		}
		finally {
			jdbc.sql("insert into agency_member (user_id, agency_id) values (:u, :a) on conflict do nothing")
				.param("u", user).param("a", dinkes).update();
		}
	}
}
