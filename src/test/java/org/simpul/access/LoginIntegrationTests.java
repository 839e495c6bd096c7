package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.PageResponse;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The login page: success, failure, lockout and its expiry, idle timeout, logout. */
@SimpulIntegrationTest
class LoginIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	TestClock clock;

	@Autowired
	UserManagement users;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private MvcTestResult login(String username, String password) {
		return mvc.post()
			.uri("/masuk")
			.with(csrf())
			.param("username", username)
			.param("password", password)
			.exchange();
	}

	private MockHttpSession loggedIn(String username, String password) {
		MvcTestResult result = login(username, password);
		assertThat(result).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/");
		return (MockHttpSession) result.getMvcResult().getRequest().getSession(false);
	}

	private String newFacilitator(String username) {
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), "test", "Test", Role.ADMIN, Territory.NATIONAL);
		users.create(admin, new UserManagement.NewUser(null, username, "Tegal-Procot-2026", "Test " + username,
				Role.FACILITATOR, "33.28.10.1008"));
		return username;
	}

	@Test
	void showsTheLoginPageInIndonesian() {
		assertThat(mvc.get().uri("/masuk")).hasStatusOk().bodyText().contains("Masuk ke Simpul", "Nama pengguna",
				"Kata sandi", "Data wilayah: idn-area-data, ODbL");
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		assertThat(mvc.get().uri("/")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/masuk");
	}

	@Test
	void logsInAndShowsUserRoleAndTerritory() {
		MockHttpSession session = loggedIn("psm.procot", DemoLogins.PASSWORD);
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk()
			.bodyText()
			.contains("PSM Desa Procot", "Fasilitator (PSM)", "Procot", "Slawi", "Kabupaten Tegal");
	}

	@Test
	void managerOfTegalSeesEighteenDistrictsAnd287Villages() {
		MockHttpSession session = loggedIn("manajer.tegal", DemoLogins.PASSWORD);
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk()
			.bodyText()
			.contains("Kabupaten Tegal", "18 kecamatan dan 287 desa/kelurahan", "Kelola pengguna");
	}

	@Test
	void refusesAWrongPassword() {
		assertThat(login("psm.pedeslohor", "wrong-password-123")).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/masuk?gagal");
		assertThat(login("nobody.here", "wrong-password-123")).hasRedirectedUrl("/masuk?gagal");
	}

	@Test
	void locksTheAccountAfterFiveFailuresForFifteenMinutes() {
		String username = newFacilitator("lock.test");
		for (int i = 0; i < 5; i++) {
			assertThat(login(username, "wrong-password-" + i)).hasRedirectedUrl("/masuk?gagal");
		}
		// locked: even the right password is refused, on the page and for the API
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/masuk?gagal");
		assertThat(DemoLogins.requestToken(mvc, username, "Tegal-Procot-2026")).hasStatus(HttpStatus.UNAUTHORIZED);
		clock.advance(Duration.ofMinutes(14));
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/masuk?gagal");
		clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/");
	}

	@Test
	void aSuccessfulLoginStartsTheFailureCountAgain() {
		String username = newFacilitator("count.test");
		for (int i = 0; i < 4; i++) {
			login(username, "wrong-password-" + i);
		}
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/");
		for (int i = 0; i < 4; i++) {
			login(username, "wrong-password-" + i);
		}
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/");
	}

	@Test
	void endsEvenABusySessionAfterTwelveHours() {
		MockHttpSession session = loggedIn("fo.procot", DemoLogins.PASSWORD);
		for (int i = 0; i < 28; i++) { // a request every 25 minutes: 11 h 40 min
			clock.advance(Duration.ofMinutes(25));
			assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		}
		clock.advance(Duration.ofMinutes(25));
		assertThat(mvc.get().uri("/").session(session)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/masuk?berakhir");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void endsTheSessionAfterThirtyIdleMinutes() {
		MockHttpSession session = loggedIn("fo.procot", DemoLogins.PASSWORD);
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		clock.advance(Duration.ofMinutes(29));
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		clock.advance(Duration.ofMinutes(31));
		assertThat(mvc.get().uri("/").session(session)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/masuk?berakhir");
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void aPasswordResetEndsTheUsersOpenSessions() {
		String username = newFacilitator("reset.session");
		MockHttpSession session = loggedIn(username, "Tegal-Procot-2026");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		clock.advance(Duration.ofSeconds(1));
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), "test", "Test", Role.ADMIN, Territory.NATIONAL);
		UUID id = users.list(admin, username, new PageResponse.PageRequest(0, 1)).content()
			.getFirst()
			.id();
		users.resetPassword(admin, id, "Fresh-Password-2026");
		assertThat(mvc.get().uri("/").session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/masuk?berakhir");
	}

	@Test
	void aDeactivationOrARoleChangeEndsTheUsersOpenSessions() {
		String username = newFacilitator("role.session");
		MockHttpSession session = loggedIn(username, "Tegal-Procot-2026");
		CurrentUser admin = new CurrentUser(UUID.randomUUID(), "test", "Test", Role.ADMIN, Territory.NATIONAL);
		UserView user = users.list(admin, username, new PageResponse.PageRequest(0, 1)).content()
			.getFirst();
		users.change(admin, user.id(), "\"" + user.version() + "\"",
				new UserManagement.UserChange("Moved", Role.FACILITATOR, "33.28.10.1007"));
		assertThat(mvc.get().uri("/").session(session)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/masuk?berakhir");

		MockHttpSession second = loggedIn(username, "Tegal-Procot-2026");
		users.deactivate(admin, user.id());
		assertThat(mvc.get().uri("/").session(second)).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/masuk?berakhir");
		assertThat(login(username, "Tegal-Procot-2026")).hasRedirectedUrl("/masuk?gagal");
	}

	@Test
	void logoutKillsTheSession() {
		MockHttpSession session = loggedIn("tksk.slawi", DemoLogins.PASSWORD);
		assertThat(mvc.post().uri("/keluar").with(csrf()).session(session)).hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/masuk?keluar");
		assertThat(session.isInvalid()).isTrue();
		assertThat(mvc.get().uri("/").session(session)).hasStatus(HttpStatus.FOUND);
	}

	/**
	 * The cache and cookies go; the storage stays, because it holds the field app's outbox: records the user
	 * chose to keep on the phone until they log in again (the app itself drops the pages it kept).
	 */
	@Test
	void logoutOverHttpsClearsWhatTheBrowserKeptButTheOutbox() {
		MockHttpSession session = loggedIn("tksk.slawi", DemoLogins.PASSWORD);
		assertThat(mvc.post().uri("/keluar").secure(true).with(csrf()).session(session)).hasStatus(HttpStatus.FOUND)
			.headers().hasValue("Clear-Site-Data", "\"cache\", \"cookies\"");
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void loginsAndRefusalsAreSecurityEventsInTheLog(org.springframework.boot.test.system.CapturedOutput output) {
		login("tksk.slawi", "wrong-password-x");
		loggedIn("tksk.slawi", DemoLogins.PASSWORD);
		assertThat(DemoLogins.call(mvc, "fo.procot", "GET", "/api/v1/registry/imports/" + UUID.randomUUID(),
				null)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(DemoLogins.call(mvc, "manajer.tegal", "POST", "/api/v1/users", """
				{"username": "fo.peristiwa", "password": "Peristiwa-Keamanan-2026", "displayName": "FO Peristiwa",
				 "role": "FRONT_OFFICE", "regionCode": "33.28.10.1008"}""")).hasStatus(HttpStatus.CREATED);
		assertThat(output.getOut()).contains("SECURITY login-failed account=", "reason=password", "SECURITY login account=",
				"SECURITY access-denied method=GET path=/api/v1/registry/imports/",
				"SECURITY user-created account=", "role=FRONT_OFFICE territory=33.28.10.1008 by=")
			.doesNotContain("Peristiwa-Keamanan-2026");
	}

	@Test
	void formsWithoutCsrfTokenAreRefused() {
		// no session cookie either (a browser that lost it, or a cross-site post): back to the login page, not in
		assertThat(mvc.post().uri("/masuk").param("username", "psm.procot").param("password", DemoLogins.PASSWORD))
			.hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/masuk?berakhir&hilang");
		// a session without the form's token (a forged post into a live session): refused
		var session = DemoLogins.session(mvc, "fo.procot");
		assertThat(mvc.post().uri("/pengaduan/baru").session(session).with(request -> {
			request.setRequestedSessionId(session.getId());
			request.setRequestedSessionIdValid(true);
			return request;
		}).param("description", "Palsu")).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void pagesCarryTheSecurityHeaders() {
		MvcTestResult page = mvc.get().uri("/masuk").exchange();
		assertThat(page).headers()
			.hasValue("X-Content-Type-Options", "nosniff")
			.hasValue("X-Frame-Options", "DENY")
			.hasValue("Referrer-Policy", "same-origin");
		assertThat(page.getResponse().getHeader("Content-Security-Policy")).contains("script-src 'self'")
			.contains("frame-ancestors 'none'")
			.doesNotContain("unsafe-inline");
		assertThat(page.getResponse().getHeader("Cache-Control")).contains("no-store");
		// no inline script (every <script> has a src) and no inline style, as the CSP demands
		assertThat(page).bodyText().doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>").doesNotContain("style=\"")
			.doesNotContain(" onclick=").doesNotContain("javascript:");
	}
}
