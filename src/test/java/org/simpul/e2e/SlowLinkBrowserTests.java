package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.shared.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a slow link does to a form: taps repeated while the first submit is still on its way, and a session
 * that ended while the volunteer was typing. These are the pages' own protections, which every form has
 * (the household form, case notes, assessments) and which a browser without the field app's script still
 * gets on the intake form; so the script is held back here. With it, the intake form goes through the
 * outbox, whose retries and ended sessions {@code FieldAppBrowserTests} walks.
 */
@SimpulIntegrationTest
class SlowLinkBrowserTests extends PhoneTest {

	@BeforeEach
	void withoutTheFieldAppsScript() {
		page.route("**/js/field.js", route -> route.fulfill(new Route.FulfillOptions().setStatus(200)
			.setContentType("text/javascript").setBody("// the field app is held back in this test")));
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	org.springframework.boot.web.server.context.WebServerApplicationContext server;

	/** The server forgets the browser's session, as Tomcat does after thirty idle minutes or a restart. */
	private void serverEndsTheSession() throws Exception {
		String id = page.context().cookies().stream().filter(c -> c.name.equals("SIMPUL_SESSION")).findFirst()
			.orElseThrow().value;
		var tomcat = ((org.springframework.boot.tomcat.TomcatWebServer) server.getWebServer()).getTomcat();
		var context = (org.apache.catalina.Context) tomcat.getHost().findChildren()[0];
		context.getManager().findSession(id).expire();
	}

	private void fillComplaint(String description) {
		page.navigate("http://localhost:" + port + "/pengaduan/baru");
		page.locator("[name=subjectName]").fill("Warga Ketuk Tiga");
		page.getByLabel("Bidang").selectOption("SOCIAL");
		page.getByText("24. Fakir miskin").click();
		page.getByLabel("Uraian keluhan").fill(description);
	}

	@Test
	void threeTapsOnSaveWhileTheFirstIsUnderwayMakeOneTicket() {
		phone.login(port, "fo.procot");
		String description = "Tiga ketukan " + UUID.randomUUID();
		fillComplaint(description);
		// what three taps send on a slow link: the same form three times, the later ones before the first answers
		@SuppressWarnings("unchecked")
		List<String> landed = (List<String>) page.evaluate("""
				async () => {
				  const form = document.querySelector('form.form');
				  const body = () => new URLSearchParams(new FormData(form));
				  const answers = await Promise.all([1, 2, 3].map(() => fetch(form.action, {method: 'POST', body: body()})));
				  return answers.map(a => new URL(a.url).pathname);
				}""");
		assertThat(landed).hasSize(3).allMatch(path -> path.equals(landed.getFirst()))
			.allMatch(path -> path.matches("/pengaduan/[0-9a-f-]{36}/tanda-terima"));
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);

		// and a fourth, a real tap on the form still on the screen, shows the same receipt
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(page).hasURL(Pattern.compile(".*" + landed.getFirst()));
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void aFormSentAfterTheSessionEndedComesBackAfterLoggingInAgain() throws Exception {
		phone.login(port, "fo.procot");
		String description = "Sesi habis " + UUID.randomUUID();
		fillComplaint(description);
		long keptBefore = jdbc.sql("select count(*) from form_draft").query(Long.class).single();
		serverEndsTheSession();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.locator(".notice")).containsText("Sesi Anda berakhir, silakan masuk lagi");
		assertThat(page.locator(".notice")).containsText("tersimpan dan muncul lagi");
		// kept encrypted: the description typed is not in the database as text
		assertThat(jdbc.sql("select count(*) from form_draft").query(Long.class).single()).isEqualTo(keptBefore + 1);
		assertThat(jdbc.sql("select count(*) from form_draft where fields like '%Sesi habis%'").query(Long.class)
			.single()).isZero();
		assertThat(page).not().hasURL(Pattern.compile(".*;.*"));
		// the page is the styled one, its links work
		assertThat(page.locator("link[rel=stylesheet]").first()).hasAttribute("href",
				Pattern.compile("^/css/[^;]*$"));
		page.getByLabel("Nama pengguna").fill("fo.procot");
		page.getByLabel("Kata sandi").fill("Simpul-Demo-2026");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Isian Anda tersimpan");
		// what was typed, under the form's labels, not its field names and codes
		assertThat(page.locator("dl.facts")).containsText("Sosial");
		assertThat(page.locator("dl.facts")).containsText("Uraian keluhan");
		assertThat(page.locator("dl.facts")).not().containsText("SOCIAL");
		assertThat(page.locator("dl.facts")).not().containsText("subjectName");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim isian")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(page.locator("strong.code")).hasText(Pattern.compile("[0-9A-Z]{10}"));
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
		// what was kept is given back once, then gone from the database
		assertThat(jdbc.sql("select count(*) from form_draft").query(Long.class).single()).isEqualTo(keptBefore);
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void aFormSentAfterThirtyIdleMinutesComesBackWithWhatWasTypedAndItsProblems() {
		phone.login(port, "fo.procot");
		String description = "Idle tiga puluh menit " + UUID.randomUUID();
		fillComplaint(description);
		page.getByLabel("Bidang").selectOption("");
		try {
			clock.advance(Duration.ofMinutes(31));
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		}
		finally {
			clock.reset();
		}
		assertThat(page.locator(".notice")).containsText("Sesi Anda berakhir, silakan masuk lagi");
		phone.login(port, "fo.procot");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Kirim isian")).click();
		// the category was missing: the form is back with what was typed and the problem named
		assertThat(page.locator("#description")).hasValue(description);
		assertThat(page.locator("main")).containsText("Ada isian yang perlu diperbaiki");
		page.getByLabel("Bidang").selectOption("SOCIAL");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aFormWhoseTokenTheSessionWasNeverGivenIsNotKept() throws Exception {
		phone.login(port, "fo.procot");
		String description = "Ditanam orang lain " + UUID.randomUUID();
		fillComplaint(description);
		// someone rewrites the form (a token of their own making) before the session's owner comes back
		page.evaluate("() => document.querySelector('input[name=formToken]').value = crypto.randomUUID()");
		serverEndsTheSession();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.locator(".notice")).containsText("Sesi Anda berakhir");
		assertThat(page.locator(".notice")).containsText("tidak dapat disimpan");
		phone.login(port, "fo.procot");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.not().hasText("Isian Anda tersimpan");
		assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single()).isZero();
	}

	@Test
	void anotherUserLoggingInOnTheSameBrowserDoesNotSeeTheKeptForm() throws Exception {
		phone.login(port, "fo.procot");
		fillComplaint("Bukan untuk orang lain " + UUID.randomUUID());
		serverEndsTheSession();
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		assertThat(page.locator(".notice")).containsText("Sesi Anda berakhir");
		phone.login(port, "bo.procot");
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.not().hasText("Isian Anda tersimpan");
		page.navigate("http://localhost:" + port + "/isian-tersimpan");
		assertThat(page.locator("main")).not().containsText("Bukan untuk orang lain");
	}

	/**
	 * A browser that lost its cookies (a phone's browser restarted) or carries a session id the server never
	 * knew: the login page, saying honestly that the form could not be kept, never a 403 about the role.
	 */
	@Test
	void aFormSentWithoutAKnownSessionLeadsToTheLoginPageNotARefusal() throws Exception {
		for (boolean unknownId : new boolean[] { false, true }) {
			phone.login(port, "fo.procot");
			String description = "Tanpa sesi " + UUID.randomUUID();
			fillComplaint(description);
			page.context().clearCookies();
			if (unknownId) {
				page.context().addCookies(List.of(new com.microsoft.playwright.options.Cookie("SIMPUL_SESSION",
						"0123456789ABCDEF0123456789ABCDEF").setDomain("localhost").setPath("/")));
			}
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
			assertThat(page.locator(".notice")).containsText("Sesi Anda berakhir, silakan masuk lagi");
			assertThat(page.locator(".notice")).containsText("tidak dapat disimpan");
			assertThat(page.locator(".notice")).not().containsText("tersimpan dan muncul");
			assertThat(page.locator("main")).not().containsText("Peran Anda");
			assertThat(jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
				.query(Long.class).single()).isZero();
			page.context().clearCookies();
		}
	}
}
