package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A new district manager's first page login leads to the authenticator set-up and nowhere else until it is
 * done; from then on page logins and token requests need the current code, never the same code twice. The
 * demo manager stays one step.
 */
@SimpulIntegrationTest
class SecondFactorIntegrationTests {

	static final String PASSWORD = "Sandi-Manajer-Baru-2026";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private MvcTestResult login(String username) {
		return mvc.post().uri("/masuk").with(csrf()).param("username", username).param("password", PASSWORD).exchange();
	}

	private MvcTestResult token(String username, String totp) {
		return mvc.post().uri("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content("""
				{"username": "%s", "password": "%s"%s}""".formatted(username, PASSWORD,
				totp == null ? "" : ", \"totp\": \"" + totp + "\"")).exchange();
	}

	@Test
	void aManagerEnrolsAtTheFirstPageLoginAndThenNeedsTheCode() throws Exception {
		String username = "manajer.baru." + UUID.randomUUID().toString().substring(0, 6);
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "%s", "displayName": "Manajer Baru", "role": "MANAGER", "regionCode": "33.29"}"""
			.formatted(username, PASSWORD))).hasStatus(HttpStatus.CREATED);
		// not enrolled yet: no token on the password alone, the API is no way around the enrolment
		assertThat(token(username, null)).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson()
			.extractingPath("$.errors[0].code").isEqualTo("TOTP_ENROLMENT_REQUIRED");

		MvcTestResult first = login(username);
		assertThat(first).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/akun/2fa");
		MockHttpSession session = (MockHttpSession) first.getMvcResult().getRequest().getSession(false);
		assertThat(mvc.get().uri("/pengguna").session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/akun/2fa");
		MvcTestResult setUp = mvc.get().uri("/akun/2fa").session(session).exchange();
		assertThat(setUp).hasStatusOk().bodyText().contains("Pasang aplikasi autentikator", "<svg");
		String secret = ((String) session.getAttribute(SecondFactorPages.SECRET));
		assertThat(mvc.post().uri("/akun/2fa").session(session).with(csrf()).param("code", "000000")).hasStatusOk()
			.bodyText().contains("Kode salah");
		String code = Totp.code(secret, Totp.step(clock.instant()));
		assertThat(mvc.post().uri("/akun/2fa").session(session).with(csrf()).param("code", code))
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/pengguna").session(session)).hasStatusOk();
		// the secret is stored encrypted
		assertThat(jdbc.sql("select totp_secret from app_user where username = :u").param("u", username)
			.query(String.class).single()).startsWith("v1:").doesNotContain(secret);

		// enrolled: the token needs the code, and a code works once
		assertThat(token(username, null)).hasStatus(HttpStatus.UNAUTHORIZED).bodyJson()
			.extractingPath("$.errors[0].field").isEqualTo("totp");
		try {
			clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
			String next = Totp.code(secret, Totp.step(clock.instant()));
			assertThat(token(username, next)).hasStatusOk();
			assertThat(token(username, next)).hasStatus(HttpStatus.UNAUTHORIZED);

			// the page login now asks for the code before anything else
			clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
			MvcTestResult again = login(username);
			assertThat(again).hasRedirectedUrl("/masuk/kode");
			MockHttpSession second = (MockHttpSession) again.getMvcResult().getRequest().getSession(false);
			assertThat(mvc.get().uri("/").session(second)).hasRedirectedUrl("/masuk/kode");
			assertThat(mvc.post().uri("/masuk/kode").session(second).with(csrf()).param("code", next)).hasStatusOk()
				.bodyText().contains("Kode salah");
			assertThat(mvc.post().uri("/masuk/kode").session(second).with(csrf())
				.param("code", Totp.code(secret, Totp.step(clock.instant())))).hasRedirectedUrl("/");
			assertThat(mvc.get().uri("/").session(second)).hasStatusOk();

			// a million codes cannot be tried behind the right password: five wrong codes lock the account, however
			// they are spread over logins (the right password neither counts as a failure nor starts the count anew)
			clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
			MvcTestResult third = login(username);
			MockHttpSession guessing = (MockHttpSession) third.getMvcResult().getRequest().getSession(false);
			for (String wrong : new String[] { "000001", "000002" }) {
				assertThat(mvc.post().uri("/masuk/kode").session(guessing).with(csrf()).param("code", wrong))
					.hasStatusOk().bodyText().contains("Kode salah");
			}
			MvcTestResult fourth = login(username);
			assertThat(fourth).hasRedirectedUrl("/masuk/kode");
			guessing = (MockHttpSession) fourth.getMvcResult().getRequest().getSession(false);
			for (String wrong : new String[] { "000003", "000004" }) {
				assertThat(mvc.post().uri("/masuk/kode").session(guessing).with(csrf()).param("code", wrong))
					.hasStatusOk().bodyText().contains("Kode salah");
			}
			assertThat(mvc.post().uri("/masuk/kode").session(guessing).with(csrf()).param("code", "000005"))
				.hasRedirectedUrl("/masuk?gagal");
			assertThat(guessing.isInvalid()).isTrue();
			assertThat(login(username)).hasRedirectedUrl("/masuk?gagal");
			// and the token endpoint refuses even the right code while the lock lasts
			assertThat(token(username, Totp.code(secret, Totp.step(clock.instant())))).hasStatus(HttpStatus.UNAUTHORIZED);
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void fourWrongCodesAtTheTokenEndpointStillLeaveTheRightOneWorking() throws Exception {
		String username = "manajer.salah." + UUID.randomUUID().toString().substring(0, 6);
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "%s", "displayName": "Manajer Salah", "role": "MANAGER", "regionCode": "33.29"}"""
			.formatted(username, PASSWORD))).hasStatus(HttpStatus.CREATED);
		MockHttpSession session = (MockHttpSession) login(username).getMvcResult().getRequest().getSession(false);
		mvc.get().uri("/akun/2fa").session(session).exchange();
		String secret = (String) session.getAttribute(SecondFactorPages.SECRET);
		assertThat(mvc.post().uri("/akun/2fa").session(session).with(csrf())
			.param("code", Totp.code(secret, Totp.step(clock.instant())))).hasRedirectedUrl("/");
		try {
			clock.advance(Duration.ofSeconds(Totp.STEP_SECONDS));
			// each request checks the password and a code: one attempt, not two (five were documented, two locked)
			for (int i = 1; i <= 4; i++) {
				assertThat(token(username, "00000" + i)).as("wrong code " + i).hasStatus(HttpStatus.UNAUTHORIZED);
			}
			assertThat(token(username, Totp.code(secret, Totp.step(clock.instant())))).hasStatusOk();
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void anAdministratorResetsTheAuthenticatorOfAManagerWhoLostTheirPhone() throws Exception {
		String username = "manajer.hilang." + UUID.randomUUID().toString().substring(0, 6);
		String id = com.jayway.jsonpath.JsonPath.read(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "%s", "displayName": "Manajer Hilang", "role": "MANAGER", "regionCode": "33.29"}"""
			.formatted(username, PASSWORD)).getResponse().getContentAsString(), "$.id");
		MockHttpSession session = (MockHttpSession) login(username).getMvcResult().getRequest().getSession(false);
		mvc.get().uri("/akun/2fa").session(session).exchange();
		String secret = (String) session.getAttribute(SecondFactorPages.SECRET);
		assertThat(mvc.post().uri("/akun/2fa").session(session).with(csrf())
			.param("code", Totp.code(secret, Totp.step(clock.instant())))).hasRedirectedUrl("/");

		// nobody resets their own; the administrator resets the manager's
		String adminId = jdbc.sql("select cast(id as text) from app_user where username = 'admin'").query(String.class)
			.single();
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users/" + adminId + "/second-factor/reset", null))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].code")
			.isEqualTo("CANNOT_RESET_OWN_SECOND_FACTOR");
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users/" + id + "/second-factor/reset", null))
			.hasStatusOk();
		assertThat(jdbc.sql("select totp_secret from app_user where id = cast(:id as uuid)").param("id", id)
			.query(String.class).optional().orElse(null)).isNull();
		// the open session ends; the next login asks for a new enrolment, and the API waits for it
		assertThat(mvc.get().uri("/").session(session)).hasRedirectedUrl("/masuk?berakhir");
		assertThat(login(username)).hasRedirectedUrl("/akun/2fa");
		assertThat(token(username, Totp.code(secret, Totp.step(clock.instant())))).hasStatus(HttpStatus.UNAUTHORIZED)
			.bodyJson().extractingPath("$.errors[0].code").isEqualTo("TOTP_ENROLMENT_REQUIRED");
	}

	@Test
	void theDemoManagerStaysOneStep() {
		assertThat(mvc.post().uri("/masuk").with(csrf()).param("username", "manajer.tegal")
			.param("password", DemoLogins.PASSWORD)).hasRedirectedUrl("/");
	}
}
