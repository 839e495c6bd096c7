package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The users API, with the territorial and role limits of managers. */
@SimpulIntegrationTest
class UserApiIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private MvcTestResult create(String caller, String body) {
		return mvc.post()
			.uri("/api/v1/users")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, caller))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void managerCreatesAFacilitatorInsideTheDistrict() {
		MvcTestResult created = create("manajer.tegal", """
				{"username": "psm.kagok", "password": "Kagok-Slawi-2026", "displayName": "PSM Kagok",
				 "role": "FACILITATOR", "regionCode": "33.28.10.1007"}""");
		assertThat(created).hasStatus(HttpStatus.CREATED).headers().containsHeader("Location");
		assertThat(created).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.username").isEqualTo("psm.kagok");
			assertThat(json).extractingPath("$.role").isEqualTo("FACILITATOR");
			assertThat(json).extractingPath("$.regionCode").isEqualTo("33.28.10.1007");
			assertThat(json).extractingPath("$.active").isEqualTo(true);
		});
		assertThat(created.getResponse().getContentAsByteArray()).asString().doesNotContain("password");
		String hash = jdbc.sql("select password_hash from app_user where username = 'psm.kagok'").query(String.class)
			.single();
		assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain("Kagok-Slawi-2026");
		assertThat(DemoLogins.requestToken(mvc, "psm.kagok", "Kagok-Slawi-2026")).hasStatusOk();
	}

	@Test
	void managerCannotCreateAUserOutsideTheDistrict() {
		assertThat(create("manajer.tegal", """
				{"username": "psm.temanggung", "password": "Temanggung-2026!", "displayName": "PSM",
				 "role": "FACILITATOR", "regionCode": "33.23.01.2001"}""")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(create("manajer.tegal", """
				{"username": "manajer.jateng", "password": "Temanggung-2026!", "displayName": "Supervisor",
				 "role": "SUPERVISOR", "regionCode": "33"}""")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select count(*) from app_user where username in ('psm.temanggung', 'manajer.jateng')")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void managerCannotCreateAnAdministrator() {
		assertThat(create("manajer.tegal", """
				{"username": "admin.tegal", "password": "Admin-Tegal-2026", "displayName": "Admin",
				 "role": "ADMIN"}""")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(create("manajer.tegal", """
				{"username": "manajer.tegal.tiga", "password": "Manager-Tegal-2026", "displayName": "Manajer",
				 "role": "MANAGER", "regionCode": "33.28"}""")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void onlyAnAdministratorCreatesChangesOrResetsADataProtectionOfficer() throws Exception {
		assertThat(create("manajer.tegal", """
				{"username": "dpo.tegal.dua", "password": "Pelindung-Data-2026", "displayName": "DPO",
				 "role": "DPO", "regionCode": "33.28"}""")).hasStatus(HttpStatus.FORBIDDEN);
		String officer = jdbc.sql("select cast(id as text) from app_user where username = 'dpo.tegal'")
			.query(String.class).single();
		// for the district manager the officer's account does not exist: no reading, resetting or deactivating
		for (String[] call : new String[][] { { "GET", "" }, { "POST", "/second-factor/reset" },
				{ "POST", "/deactivate" }, { "POST", "/password" } }) {
			assertThat(DemoLogins.call(mvc, "manajer.tegal", call[0], "/api/v1/users/" + officer + call[1],
					call[1].equals("/password") ? "{\"password\": \"Baru-Pelindung-2026\"}" : null))
				.as(call[0] + call[1]).hasStatus(HttpStatus.NOT_FOUND);
		}
		assertThat(DemoLogins.call(mvc, "manajer.tegal", "GET", "/api/v1/users?size=200", null).getResponse()
			.getContentAsString()).doesNotContain("dpo.tegal");
		// the administrator does
		assertThat(create("admin", """
				{"username": "dpo.tegal.dua", "password": "Pelindung-Data-2026", "displayName": "DPO",
				 "role": "DPO", "regionCode": "33.28"}""")).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void refusesShortAndCommonPasswordsNamingTheField() {
		assertThat(create("admin", """
				{"username": "short.pw", "password": "Short-2026", "displayName": "X", "role": "VIEWER", "regionCode": "33"}"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("password");
				assertThat(json).extractingPath("$.errors[0].code").isEqualTo("PASSWORD_TOO_SHORT");
				assertThat(json).extractingPath("$.errors[0].message").isEqualTo("Kata sandi minimal 12 karakter.");
			});
		assertThat(create("admin", """
				{"username": "common.pw", "password": "password123456", "displayName": "X", "role": "VIEWER"}"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("PASSWORD_TOO_COMMON");
	}

	@Test
	void refusesATakenUsernameWith409() {
		assertThat(create("admin", """
				{"username": "PSM.Procot", "password": "Another-Procot-2026", "displayName": "Dup",
				 "role": "FACILITATOR", "regionCode": "33.28.10.1008"}""")).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("USERNAME_TAKEN");
	}

	@Test
	void refusesBadFieldsWithoutWritingAnything() {
		assertThat(create("admin", """
				{"username": "a b", "password": "Valid-Password-2026", "displayName": "",
				 "role": "FACILITATOR", "regionCode": "99.99"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.containsExactlyInAnyOrder("username", "displayName", "regionCode");
		assertThat(create("admin", """
				{"username": "bad.role", "password": "Valid-Password-2026", "displayName": "X", "role": "KING"}"""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("role");
		assertThat(jdbc.sql("select count(*) from app_user where username in ('a b', 'bad.role')").query(Long.class)
			.single()).isZero();
	}

	@Test
	void managerCannotSeeOrTouchAdministratorsOrFellowManagers() {
		String manager = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		for (String username : List.of("admin", "manajer.temanggung")) {
			String id = jdbc.sql("select id::text from app_user where username = :u").param("u", username)
				.query(String.class)
				.single();
			assertThat(mvc.get().uri("/api/v1/users/{id}", id).header("Authorization", manager))
				.hasStatus(HttpStatus.NOT_FOUND);
		}
		// a second manager inside Tegal, appointed by the administrator, is not the first manager's to manage
		String peer = JsonBodies.id(create("admin", """
				{"username": "manajer.tegal.dua", "password": "Second-Manager-2026", "displayName": "Manajer Dua",
				 "role": "MANAGER", "regionCode": "33.28"}"""));
		assertThat(mvc.post().uri("/api/v1/users/{id}/password", peer).header("Authorization", manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"Taken-Over-2026!\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/v1/users/{id}/deactivate", peer).header("Authorization", manager))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/users?size=200").header("Authorization", manager)).bodyJson()
			.extractingPath("$.content[*].role")
			.asArray()
			.doesNotContain("ADMIN", "MANAGER");
		// the peer's password still holds: the token endpoint refuses it only for the missing authenticator
		assertThat(DemoLogins.requestToken(mvc, "manajer.tegal.dua", "Second-Manager-2026"))
			.hasStatus(HttpStatus.UNAUTHORIZED).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("TOTP_ENROLMENT_REQUIRED");
		// and an administrator is always national
		assertThat(create("admin", """
				{"username": "admin.tegal", "password": "Regional-Admin-2026", "displayName": "Admin",
				 "role": "ADMIN", "regionCode": "33.28"}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("ADMIN_IS_NATIONAL");
	}

	@Test
	void editsRoleAndTerritoryWithOptimisticLocking() {
		String admin = "Bearer " + DemoLogins.token(mvc, "admin");
		String id = JsonBodies.id(create("manajer.tegal", """
				{"username": "bo.slawi", "password": "Back-Office-Slawi", "displayName": "BO Slawi",
				 "role": "BACK_OFFICE", "regionCode": "33.28.10"}"""));
		String manager = "Bearer " + DemoLogins.token(mvc, "manajer.tegal");
		assertThat(mvc.get().uri("/api/v1/users/{id}", id).header("Authorization", manager)).hasStatusOk()
			.headers()
			.hasValue("ETag", "\"0\"");
		assertThat(mvc.put()
			.uri("/api/v1/users/{id}", id)
			.header("Authorization", manager)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName": "BO Adiwerna", "role": "SUPERVISOR", "regionCode": "33.28.11"}"""))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.regionCode")
			.isEqualTo("33.28.11");
		// the same stale version again: 412
		assertThat(mvc.put()
			.uri("/api/v1/users/{id}", id)
			.header("Authorization", manager)
			.header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName": "BO", "role": "SUPERVISOR", "regionCode": "33.28.11"}"""))
			.hasStatus(HttpStatus.PRECONDITION_FAILED);
		// no If-Match at all: 428
		assertThat(mvc.put()
			.uri("/api/v1/users/{id}", id)
			.header("Authorization", manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName": "BO", "role": "SUPERVISOR", "regionCode": "33.28.11"}"""))
			.hasStatus(HttpStatus.PRECONDITION_REQUIRED);
		// moving the user out of Tegal is not the manager's to do
		assertThat(mvc.put()
			.uri("/api/v1/users/{id}", id)
			.header("Authorization", manager)
			.header("If-Match", "\"1\"")
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"displayName": "BO", "role": "SUPERVISOR", "regionCode": "33.23"}"""))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/v1/users/{id}", id).header("Authorization", admin)).bodyJson()
			.extractingPath("$.regionCode")
			.isEqualTo("33.28.11");
	}

	@Test
	void resetsAPasswordAndTheOldOneStopsWorking() {
		String id = JsonBodies.id(create("manajer.tegal", """
				{"username": "fo.kagok", "password": "Front-Office-Kagok", "displayName": "FO Kagok",
				 "role": "FRONT_OFFICE", "regionCode": "33.28.10.1007"}"""));
		assertThat(mvc.post()
			.uri("/api/v1/users/{id}/password", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "tksk.slawi"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"New-Password-Kagok\"}")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post()
			.uri("/api/v1/users/{id}/password", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.tegal"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"password\": \"New-Password-Kagok\"}")).hasStatusOk();
		assertThat(DemoLogins.requestToken(mvc, "fo.kagok", "Front-Office-Kagok")).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(DemoLogins.requestToken(mvc, "fo.kagok", "New-Password-Kagok")).hasStatusOk();
	}

	@Test
	void managerCannotDeactivateThemselves() {
		String id = jdbc.sql("select id::text from app_user where username = 'manajer.temanggung'").query(String.class)
			.single();
		assertThat(mvc.post()
			.uri("/api/v1/users/{id}/deactivate", id)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "manajer.temanggung")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("CANNOT_DEACTIVATE_SELF");
	}
}
