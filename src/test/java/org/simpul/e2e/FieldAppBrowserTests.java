package org.simpul.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Geolocation;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The volunteer's phone without signal, at 360 px in Debian's Chromium: the app installs (manifest, service
 * worker), the intake form opens from the phone's cache, complaints wait in the outbox with their state and
 * count, survive the page being closed, and reach the server exactly once when the signal is back; a refused
 * one shows why and is fixed on the phone; an update of the service worker and an ended session keep what
 * waits; the field pages stay light.
 */
@SimpulIntegrationTest
class FieldAppBrowserTests extends PhoneTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	private long complaints(String description) {
		return jdbc.sql("select count(*) from complaint where description = :d").param("d", description)
			.query(Long.class).single();
	}

	/** Logs in and waits until the service worker controls the page and has kept the field pages. */
	private void installed(String user) {
		phone.login(port, user);
		waitUntil("""
				async () => {
				  if (!navigator.serviceWorker.controller) { return false; }
				  const pages = await caches.open('simpul-pages');
				  const kept = path => pages.match(path, {ignoreVary: true});
				  return !!(await kept('/pengaduan/baru')) && !!(await kept('/lapangan')) && !!(await kept('/'));
				}""", null);
	}

	/**
	 * Polls an async predicate in the page until it answers true (Playwright's waitForFunction does not wait for
	 * a promise), for at most 20 seconds.
	 */
	private void waitUntil(String predicate, Object argument) {
		long deadline = System.nanoTime() + 20_000_000_000L;
		while (!Boolean.TRUE.equals(page.evaluate(predicate, argument))) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Still not true after 20 s: " + predicate);
			}
			page.waitForTimeout(100);
		}
	}

	private void recordComplaint(String name, String description) {
		recordComplaint(null, name, description);
	}

	private void recordComplaint(String nik, String name, String description) {
		page.navigate(url("/pengaduan/baru"));
		if (nik != null) {
			page.getByLabel("NIK (jika ada").fill(nik);
		}
		page.locator("[name=subjectName]").fill(name);
		page.getByLabel("Bidang").selectOption("SOCIAL");
		page.getByText("24. Fakir miskin").click();
		page.getByLabel("Uraian keluhan").fill(description);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
	}

	private Locator records(String state) {
		return page.locator("#outbox li[data-state=" + state + "]");
	}

	@Test
	void theAppInstallsWithItsManifestAndServiceWorker() {
		installed("psm.procot");
		assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "/manifest.json");
		Object scope = page.evaluate("async () => (await navigator.serviceWorker.ready).scope");
		assertThat(scope).isEqualTo(url("/"));
		Object script = page.evaluate("async () => (await navigator.serviceWorker.ready).active.scriptURL");
		assertThat(script).isEqualTo(url("/sw.js"));
		assertThat(consoleProblems).isEmpty();
	}

	@Test
	void aDayWithoutSignalLosesNothingAndSendsEachRecordOnce() {
		installed("psm.procot");
		String first = "Tanpa sinyal satu " + UUID.randomUUID();
		String second = "Tanpa sinyal dua " + UUID.randomUUID();

		page.context().setOffline(true);
		recordComplaint("Mbah Sastro", first);
		assertThat(page).hasURL(Pattern.compile(".*/lapangan\\?catatan=.*"));
		assertThat(records("queued")).hasCount(1);
		assertThat(page.locator("#outbox-count")).hasText("1 menunggu dikirim");
		assertThat(page.locator("#offline-banner")).isVisible();
		recordComplaint("Ibu Painem", second);
		assertThat(records("queued")).hasCount(2);
		assertThat(page.locator("#outbox-count")).hasText("2 menunggu dikirim");
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);

		// the app is closed and opened again, still without signal: the records are still there
		Page reopened = page.context().newPage();
		page.close();
		page = reopened;
		page.navigate(url("/lapangan"));
		assertThat(records("queued")).hasCount(2);
		assertThat(complaints(first) + complaints(second)).isZero();

		// back in signal: they go up by themselves, each once
		page.context().setOffline(false);
		assertThat(records("synced")).hasCount(2);
		assertThat(page.locator("#outbox-count")).isHidden();
		assertThat(complaints(first)).isEqualTo(1);
		assertThat(complaints(second)).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from complaint where description in (:d) and recorded_in_field_at is not null"
				+ " and recorded_in_field_at <= created_at").param("d", List.of(first, second)).query(Long.class)
			.single()).isEqualTo(2);

		// the ticket and tracking code are on the phone, and the receipt shows them
		Locator sent = records("synced").first();
		assertThat(sent.locator(".fact-ticketNumber")).hasText(Pattern.compile("3328101008-.*"));
		assertThat(sent.locator(".fact-trackingCode")).hasText(Pattern.compile("[0-9A-Z]{10}"));
		assertThat(sent.locator("a.share")).hasAttribute("href", Pattern.compile("^https://wa\\.me/\\?text=.*"));
		sent.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Tanda terima")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(page.locator("strong.code")).hasText(Pattern.compile("[0-9A-Z]{10}"));

		// sending again (another tab, a retry after a lost answer) makes nothing new
		page.evaluate("async () => { await window.simpulOutbox.send(); }");
		assertThat(complaints(first)).isEqualTo(1);
		assertThat(consoleProblems).allMatch(problem -> problem.contains("ERR_INTERNET_DISCONNECTED"));
	}

	@Test
	void aRecordTheServerRefusesShowsWhyAndIsFixedOnThePhone() {
		installed("psm.procot");
		String description = "Ditolak lalu diperbaiki " + UUID.randomUUID();
		page.context().setOffline(true);
		// a NIK whose birth date cannot be (day 45, month 13): only the server can say so
		recordComplaint("3328104513800001", "Pak Rusdi", description);
		assertThat(records("queued")).hasCount(1);
		page.context().setOffline(false);
		Locator refused = records("error");
		assertThat(refused).hasCount(1);
		assertThat(refused).containsText("Ditolak server");
		assertThat(refused.locator(".error").first()).containsText("NIK");
		assertThat(page.locator("#outbox-count")).hasText("1 menunggu dikirim");
		assertThat(complaints(description)).isZero();

		refused.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Perbaiki")).click();
		assertThat(page.locator(".outbox-problem")).containsText("Perbaiki lalu kirim lagi");
		assertThat(page.locator(".outbox-problem")).containsText("NIK");
		assertThat(page.getByLabel("Uraian keluhan")).hasValue(description);
		page.getByLabel("NIK (jika ada").fill("");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan dan buat tanda terima")).click();
		// with signal, the fixed record goes up at once and the receipt follows
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Tanda terima pengaduan");
		assertThat(complaints(description)).isEqualTo(1);
	}

	@Test
	void anUpdatedServiceWorkerAndAnEndedSessionKeepWhatWaitsOnThePhone() {
		installed("psm.procot");
		String description = "Menunggu lewat pembaruan " + UUID.randomUUID();
		page.context().setOffline(true);
		recordComplaint("Ibu Kasmini", description);
		assertThat(records("queued")).hasCount(1);

		// meanwhile the session ends on the server (cookies gone, as after a restart of the phone's browser)
		page.context().clearCookies();
		page.context().setOffline(false);
		page.navigate(url("/masuk"));
		assertThat(complaints(description)).isZero();

		// a new version of the app is deployed and the phone installs it
		Object worker = context.getBean("serviceWorkerScript");
		String before = (String) page.evaluate("""
				() => new Promise(resolve => {
				  const channel = new MessageChannel();
				  channel.port1.onmessage = event => resolve(event.data);
				  navigator.serviceWorker.controller.postMessage({type: 'version'}, [channel.port2]);
				})""");
		ReflectionTestUtils.setField(worker, "version", "next-" + UUID.randomUUID());
		page.evaluate("async () => { await (await navigator.serviceWorker.ready).update(); }");
		waitUntil("""
				before => new Promise(resolve => {
				  const channel = new MessageChannel();
				  channel.port1.onmessage = event => resolve(event.data !== before);
				  navigator.serviceWorker.controller.postMessage({type: 'version'}, [channel.port2]);
				})""", before);

		// the record is still on the phone; logging in again sends it, once
		phone.login(port, "psm.procot");
		page.navigate(url("/lapangan"));
		assertThat(records("synced")).hasCount(1);
		assertThat(complaints(description)).isEqualTo(1);
	}

	@Test
	void loggingOutWithRecordsWaitingAsksWhatToDoAndKeepsThemWhenAskedTo() {
		installed("psm.procot");
		String description = "Disimpan saat keluar " + UUID.randomUUID();
		// the server cannot be reached (a signal too weak to carry anything): the record waits
		page.context().route("**/lapangan/api/kirim", route -> route.abort());
		recordComplaint("Pak Warsito", description);
		assertThat(records("queued")).hasCount(1);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keluar")).click();
		Locator dialog = page.locator("#logout-dialog");
		assertThat(dialog).isVisible();
		assertThat(dialog).containsText("1 menunggu dikirim");
		dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Simpan di ponsel, kirim setelah saya masuk lagi"))
			.click();
		page.waitForURL(Pattern.compile(".*/masuk\\?keluar"));
		// the user's pages left the phone; the record did not, and was not sent
		assertThat(page.evaluate("async () => (await (await caches.open('simpul-pages')).keys()).length")).isEqualTo(0);
		assertThat(complaints(description)).isZero();

		page.context().unroute("**/lapangan/api/kirim");
		phone.login(port, "psm.procot");
		page.navigate(url("/lapangan"));
		assertThat(records("synced")).hasCount(1);
		assertThat(complaints(description)).isEqualTo(1);
	}

	@Test
	void loggingOutWithNothingWaitingAsksNothing() {
		installed("psm.procot");
		phone.logout();
		assertThat(page.evaluate("async () => (await (await caches.open('simpul-pages')).keys()).length")).isEqualTo(0);
	}

	/** A complaint the desk recorded about a registered family of Procot, through the API; its id. */
	private String complaintAtTheDesk(String description) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String token = JsonPath.read(http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"username\": \"fo.procot\", \"password\": \"Simpul-Demo-2026\"}"))
			.build(), BodyHandlers.ofString()).body(), "$.access_token");
		String person = jdbc.sql("select id::text from person where name = 'Mohamad Rochim' and village_code = '33.28.10.1008'")
			.query(String.class).list().getFirst();
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/complaints")))
			.header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
			.POST(BodyPublishers.ofString("""
					{"channel": "WALK_IN", "category": "HEALTH", "villageCode": "33.28.10.1008",
					 "description": "%s", "ppksCodes": ["24"], "subjectPersonId": "%s"}""".formatted(description, person)))
			.build(), BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		return JsonPath.read(created.body(), "$.id");
	}

	@Test
	void theVolunteersTasksOpenWithoutSignalAndHerAssessmentGoesUpOnce() throws Exception {
		String complaint = complaintAtTheDesk("Tugas tanpa sinyal " + UUID.randomUUID());
		installed("psm.procot");
		// one row of navigation on the phone, every link a thumb's size
		page.navigate(url("/tugas"));
		assertThat(page.locator("nav.nav").boundingBox().height).isLessThan(64);
		for (Locator link : page.locator("nav.nav a:visible, nav.nav button").all()) {
			assertThat(link.boundingBox().height).as(link.textContent()).isGreaterThanOrEqualTo(44);
		}
		page.locator("form[action='/tugas/" + complaint + "/ambil'] button").click();
		assertThat(page).hasURL(Pattern.compile(".*/pengaduan/" + complaint + "/kasus"));
		page.navigate(url("/tugas"));
		Locator task = page.locator("li.task", new Page.LocatorOptions().setHas(
				page.locator("a[href='/pengaduan/" + complaint + "/kasus']")));
		assertThat(task).containsText("Perlu asesmen cepat");
		assertThat(task).containsText("Kunjungi");
		// the phone keeps the case and its form for the day in the hamlet
		waitUntil("""
				async complaint => {
				  const pages = await caches.open('simpul-pages');
				  return !!(await pages.match('/pengaduan/' + complaint + '/kasus', {ignoreVary: true}))
				    && !!(await pages.match('/pengaduan/' + complaint + '/asesmen/baru?jenis=QUICK', {ignoreVary: true}));
				}""", complaint);

		page.context().setOffline(true);
		page.navigate(url("/tugas"));
		task.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Asesmen cepat")).click();
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Asesmen cepat");
		page.locator("input[name='q.urgency'][value=CEPAT]").check();
		page.locator("input[name='q.safe'][value=true]").check();
		page.locator("input[name='q.sick'][value=false]").check();
		page.locator("input[name='q.needs'][value=MAKANAN]").check();
		page.locator("input[name='q.householdSize']").fill("4");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan asesmen")).click();
		assertThat(records("queued")).hasCount(1);
		assertThat(jdbc.sql("select count(*) from assessment where complaint_id = cast(:id as uuid)").param("id", complaint)
			.query(Long.class).single()).isZero();

		page.context().setOffline(false);
		assertThat(records("synced")).hasCount(1);
		assertThat(jdbc.sql("select count(*) from assessment where complaint_id = cast(:id as uuid)"
				+ " and recorded_in_field_at is not null").param("id", complaint).query(Long.class).single())
			.isEqualTo(1);
		page.navigate(url("/pengaduan/" + complaint + "/kasus"));
		assertThat(page.locator("main")).containsText("dicatat di lapangan");
	}

	@Test
	void theDeepAssessmentGoesOneSectionAScreenFilledFromTheRegistry() throws Exception {
		String complaint = complaintAtTheDesk("Asesmen mendalam bertahap " + UUID.randomUUID());
		phone.login(port, "psm.procot");
		page.navigate(url("/pengaduan/" + complaint + "/asesmen/baru?jenis=DEEP"));
		Locator where = page.locator(".step-of");
		assertThat(where).hasText(Pattern.compile("Bagian 1 dari \\d+"));
		int sections = page.locator("form.assessment fieldset").count();
		assertThat(page.locator("form.assessment fieldset:visible")).hasCount(1);
		Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan asesmen"));
		assertThat(save).isHidden();
		for (int i = 2; i <= sections; i++) {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Berikutnya")).click();
			assertThat(where).hasText("Bagian " + i + " dari " + sections);
		}
		assertThat(save).isVisible();
		// the house section holds what the registry knows, checked
		assertThat(page.locator("input[name='q.roof']:checked")).hasCount(1);
		assertThat(phone.scrollWidth()).isLessThanOrEqualTo(360);
		assertThat(consoleProblems).isEmpty();
	}

	/** A camera's photo: a 2400 × 1800 JPEG, larger than the phone keeps. */
	private static Path cameraPhoto() throws Exception {
		BufferedImage image = new BufferedImage(2400, 1800, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 2400; x += 4) {
			for (int y = 0; y < 1800; y += 4) {
				int colour = (x * 31 + y * 17) & 0xffffff;
				for (int dx = 0; dx < 4; dx++) {
					for (int dy = 0; dy < 4; dy++) {
						image.setRGB(x + dx, y + dy, colour);
					}
				}
			}
		}
		Path file = Files.createTempFile("rumah-", ".jpg");
		ImageIO.write(image, "jpg", file.toFile());
		return file;
	}

	@Test
	void aHomeVisitWithPhotosAndPositionWaitsOfflineAndGoesUpOnce() throws Exception {
		String complaint = complaintAtTheDesk("Kunjungan dengan foto " + UUID.randomUUID());
		String household = jdbc.sql("select household_id::text from person where name = 'Mohamad Rochim'"
				+ " and village_code = '33.28.10.1008'").query(String.class).list().getFirst();
		page.context().grantPermissions(List.of("geolocation"));
		page.context().setGeolocation(new Geolocation(-6.9835, 109.1398).setAccuracy(15));
		installed("psm.procot");
		page.navigate(url("/tugas"));
		page.locator("form[action='/tugas/" + complaint + "/ambil'] button").click();
		page.navigate(url("/tugas"));
		waitUntil("""
				async household => {
				  const pages = await caches.open('simpul-pages');
				  return !!(await pages.match('/registri/rumah-tangga/' + household + '/kunjungan', {ignoreVary: true}));
				}""", household);
		long visitsBefore = jdbc.sql("select count(*) from household_visit where household_id = cast(:h as uuid)")
			.param("h", household).query(Long.class).single();

		page.context().setOffline(true);
		page.navigate(url("/registri/rumah-tangga/" + household + "/kunjungan"));
		assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Catat kunjungan");
		page.getByLabel("Catatan kunjungan").fill("Dinding retak, keluarga tidur di dapur");
		page.locator("#photos").setInputFiles(new Path[] { cameraPhoto(), cameraPhoto() });
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Catat lokasi saya")).click();
		assertThat(page.locator(".locate-status")).containsText("± 15 m");
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Simpan kunjungan")).click();
		assertThat(records("queued")).hasCount(1);
		assertThat(page.locator(".photo-progress")).hasText("Foto: 0 dari 2 terkirim");
		assertThat(page.locator("#outbox-count")).hasText("3 menunggu dikirim");

		page.context().setOffline(false);
		assertThat(page.locator(".photo-progress")).hasText("Foto: 2 dari 2 terkirim");
		assertThat(page.locator("#outbox-count")).isHidden();
		assertThat(jdbc.sql("select count(*) from household_visit where household_id = cast(:h as uuid)")
			.param("h", household).query(Long.class).single()).isEqualTo(visitsBefore + 1);
		record Visit(String id, java.math.BigDecimal latitude, Integer accuracyM) {
		}
		Visit visit = jdbc.sql("select id::text, latitude, accuracy_m from household_visit where household_id = cast(:h as uuid)"
				+ " and note like 'Dinding retak%' order by received_at desc limit 1").param("h", household)
			.query(Visit.class).single();
		assertThat(visit.latitude()).isEqualByComparingTo("-6.983500");
		assertThat(visit.accuracyM()).isEqualTo(15);
		// kept at about 1,600 px: each photo far smaller than the camera's
		List<Long> sizes = jdbc.sql("select size from field_photo where record_id = cast(:id as uuid) and completed_at"
				+ " is not null").param("id", visit.id()).query(Long.class).list();
		long camera = Files.size(cameraPhoto());
		assertThat(sizes).hasSize(2).allMatch(size -> size < camera);

		page.navigate(url("/registri/rumah-tangga/" + household));
		Locator photos = page.locator("li.visit", new Page.LocatorOptions().setHasText("Dinding retak"))
			.locator("img.photo");
		assertThat(photos).hasCount(2);
		photos.first().scrollIntoViewIfNeeded();
		Object width = photos.first().evaluate("""
				img => img.complete && img.naturalWidth ? img.naturalWidth
				  : new Promise(done => img.addEventListener('load', () => done(img.naturalWidth)))""");
		assertThat(((Number) width).intValue()).isEqualTo(1600);
		assertThat(consoleProblems).allMatch(problem -> problem.contains("ERR_INTERNET_DISCONNECTED"));
	}

	/** Bytes over the wire for a field page, cold (nothing on the phone yet) and warm (the app installed). */
	@Test
	void theFieldPagesStayLight() {
		phone.login(port, "psm.procot");
		// a phone that has nothing of Simpul yet (no HTTP cache, no service worker), signed in
		BrowserContext fresh = page.context().browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(360, 740).setLocale("id-ID"));
		fresh.addCookies(page.context().cookies());
		page = fresh.newPage();
		page.navigate(url("/pengaduan/baru"));
		long cold = transferred();
		waitUntil("async () => !!navigator.serviceWorker.controller", null);
		page.navigate(url("/pengaduan/baru"));
		long warm = transferred();
		System.out.printf("Field page weight: /pengaduan/baru cold %,d bytes, warm %,d bytes%n", cold, warm);
		assertThat(cold).isLessThanOrEqualTo(150 * 1024);
		assertThat(warm).isLessThan(cold);
	}

	/** What the page's document and resources took from the network (from the browser's resource timing). */
	private long transferred() {
		page.waitForLoadState();
		return ((Number) page.evaluate("""
				() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
				  .reduce((sum, entry) => sum + (entry.transferSize || 0), 0)""")).longValue();
	}
}
