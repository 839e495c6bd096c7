package org.simpul.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.simpul.registry.RegistryFileGenerator;
import org.simpul.shared.ChildApplication;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;

/**
 * The world of the intake load test: Simpul in a JVM of its own on an embedded database holding a registry of
 * Kabupaten Tegal with 1,000,000 persons (imported once through the API, kept in {@code target/load-data}),
 * one front-office officer in each of the 32 most populous villages, and the NIKs of their villages. Also
 * the two measurements taken beside the load: the intake page's weight as a phone receives it, and a raw
 * JDBC baseline that writes the rows of an intake with no application in between.
 */
final class LoadWorld {

	static final int PERSONS = Integer.getInteger("load.persons", 1_000_000);

	static final int USERS = Integer.getInteger("load.users", 32);

	static final String PASSWORD = "Load-Test-Password-2026";

	/** A load user: an officer at the front office of a village, and NIKs of persons living there. */
	/** A front-office officer of a village, with NIKs of the village's registry. */
	record Officer(String username, String villageCode, List<String> niks) {
	}

	record Baseline(long intakes, double seconds, double perSecond, double p50, double p95, double p99) {
	}

	record PageWeight(long html, long assets, long total, List<String> parts) {
	}

	private final ChildApplication app;

	private final String jdbcUrl;

	final List<Officer> officers;

	private final BlindIndex index;

	private LoadWorld(ChildApplication app, String jdbcUrl, List<Officer> officers, Path dataDir) {
		this.index = BlindIndex.ofDataDirectory(dataDir);
		this.app = app;
		this.jdbcUrl = jdbcUrl;
		this.officers = officers;
	}

	String baseUrl() {
		return app.url("");
	}

	static LoadWorld start() throws Exception {
		Path dir = Path.of(System.getProperty("load.dir", "target/load-data")).toAbsolutePath();
		Path dataDir = dir.resolve("db");
		ChildApplication app = ChildApplication.start(dataDir, "load-app", "--simpul.demo.persons=0",
				"--logging.level.org.simpul=WARN", "--logging.level.org.simpul.load=INFO");
		try {
			String port = Files.readAllLines(dataDir.resolve("pg/postmaster.pid")).get(3).strip();
			// the embedded server asks every client for the password generated beside its data (SCRAM)
			String password = Files.readString(dataDir.resolve("db-password")).strip();
			String jdbcUrl = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8);
			ensureRegistry(app, jdbcUrl, dir);
			List<Officer> officers = officers(app, jdbcUrl, dataDir);
			return new LoadWorld(app, jdbcUrl, officers, dataDir);
		}
		catch (Exception | Error ex) {
			app.kill(false);
			throw ex;
		}
	}

	void stop() throws Exception {
		app.kill(false);
	}

	private static long persons(String jdbcUrl) throws Exception {
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select count(*) from person")) {
			r.next();
			return r.getLong(1);
		}
	}

	/** Imports a generated registry of Kabupaten Tegal through the import API, once. */
	private static void ensureRegistry(ChildApplication app, String jdbcUrl, Path dir) throws Exception {
		if (persons(jdbcUrl) >= PERSONS * 0.95) {
			log("registry already holds %,d persons", persons(jdbcUrl));
			return;
		}
		Path file = dir.resolve("tegal.csv");
		RegistryFileGenerator.write(file, "33.28", PERSONS, 7, List.of());
		String boundary = "simpul-load-" + UUID.randomUUID();
		HttpRequest upload = HttpRequest.newBuilder(URI.create(app.url("/api/v1/registry/imports")))
			.header("Authorization", "Bearer " + app.token("admin"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.concat(
					HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
							+ " filename=\"tegal.csv\"\r\nContent-Type: text/csv\r\n\r\n"),
					HttpRequest.BodyPublishers.ofFile(file),
					HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
			.build();
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> accepted = http.send(upload, HttpResponse.BodyHandlers.ofString());
		if (accepted.statusCode() != 202) {
			throw new IllegalStateException("Import refused: " + accepted.statusCode() + " " + accepted.body());
		}
		String location = accepted.headers().firstValue("Location").orElseThrow();
		Instant started = Instant.now();
		while (true) {
			Thread.sleep(5000);
			String status = http.send(HttpRequest.newBuilder(URI.create(app.url(location)))
				.header("Authorization", "Bearer " + app.token("admin")).build(), HttpResponse.BodyHandlers.ofString()).body();
			if (status.contains("\"COMPLETED\"")) {
				break;
			}
			if (status.contains("\"FAILED\"") || Duration.between(started, Instant.now()).toMinutes() > 45) {
				throw new IllegalStateException("Import did not complete: " + status);
			}
		}
		Files.deleteIfExists(file);
		log("imported %,d persons in %d s", persons(jdbcUrl), Duration.between(started, Instant.now()).toSeconds());
	}

	/** One front-office officer in each of the most populous villages, with 500 NIKs of living persons there. */
	private static List<Officer> officers(ChildApplication app, String jdbcUrl, Path dataDir) throws Exception {
		// the world's NIKs are stored encrypted: read with the keys the application generated in its data directory
		FieldCipher cipher = FieldCipher.ofDataDirectory(dataDir);
		List<String> villages = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select village_code from person where left_on is null"
						+ " group by village_code order by count(*) desc, village_code limit " + USERS)) {
			while (r.next()) {
				villages.add(r.getString(1));
			}
		}
		String admin = app.token("admin");
		HttpClient http = HttpClient.newHttpClient();
		List<Officer> officers = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl);
				PreparedStatement niks = c.prepareStatement(
						"select nik_cipher from person where village_code = ? and left_on is null"
								+ " order by nik_index limit 500")) {
			for (String village : villages) {
				String username = "load." + village.replace(".", "");
				HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/users")))
					.header("Authorization", "Bearer " + admin)
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"username": "%s", "password": "%s", "displayName": "Front office %s",
							 "role": "FRONT_OFFICE", "regionCode": "%s"}""".formatted(username, PASSWORD, village, village)))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (created.statusCode() != 201 && created.statusCode() != 409) {
					throw new IllegalStateException("User not created: " + created.statusCode() + " " + created.body());
				}
				niks.setString(1, village);
				List<String> list = new ArrayList<>();
				try (ResultSet r = niks.executeQuery()) {
					while (r.next()) {
						list.add(cipher.decrypt(r.getString(1)));
					}
				}
				officers.add(new Officer(username, village, List.copyOf(list)));
			}
		}
		return officers;
	}

	/** Who else the full case flow needs: per officer the supervisor (TKSK) of the village's sub-district, and
	 * one programme manager of the Kemensos agency that receives PKH referrals from every village. */
	record FlowStaff(List<String> supervisors, String programManager, String providerId) {
	}

	FlowStaff flowStaff() throws Exception {
		String admin = app.token("admin");
		HttpClient http = HttpClient.newHttpClient();
		List<String> supervisors = new ArrayList<>();
		for (Officer officer : officers) {
			String username = "load.tksk." + officer.villageCode().replace(".", "");
			createUser(http, admin, username, "SUPERVISOR", "\"" + officer.villageCode().substring(0, 8) + "\"");
			supervisors.add(username);
		}
		String manager = "load.kemensos";
		createUser(http, admin, manager, "PROGRAM_MANAGER", "null");
		String provider;
		String agency;
		String userId;
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select cast(p.id as text), cast(p.agency_id as text), cast(u.id as text)"
						+ " from provider p, app_user u where p.code = 'KEMENSOS-PKH' and u.username = '" + manager + "'")) {
			r.next();
			provider = r.getString(1);
			agency = r.getString(2);
			userId = r.getString(3);
		}
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			// an earlier run's burst of logins may have left a load account locked
			s.execute("delete from login_state where user_id in (select id from app_user where username like 'load.%')");
		}
		HttpResponse<String> member = http.send(HttpRequest.newBuilder(
				URI.create(app.url("/api/v1/agencies/" + agency + "/members/" + userId)))
			.header("Authorization", "Bearer " + admin)
			.PUT(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		if (member.statusCode() != 204) {
			throw new IllegalStateException("Membership not recorded: " + member.statusCode() + " " + member.body());
		}
		return new FlowStaff(List.copyOf(supervisors), manager, provider);
	}

	/** A bearer token for a load user, asked once (parallel logins of one account count against its lockout). */
	String token(String username) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/auth/token")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
	}

	private void createUser(HttpClient http, String admin, String username, String role, String region) throws Exception {
		HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/users")))
			.header("Authorization", "Bearer " + admin)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("""
					{"username": "%s", "password": "%s", "displayName": "%s", "role": "%s", "regionCode": %s}"""
				.formatted(username, PASSWORD, username, role, region)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (created.statusCode() != 201 && created.statusCode() != 409) {
			throw new IllegalStateException("User not created: " + created.statusCode() + " " + created.body());
		}
	}

	/**
	 * The intake page as a phone gets it after login: the HTML and every stylesheet, script and icon it names,
	 * with gzip accepted, counting the bytes on the wire (compressed bodies and response headers).
	 */
	PageWeight intakePageWeight() throws Exception {
		Officer officer = officers.getFirst();
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		String login = http.send(HttpRequest.newBuilder(URI.create(app.url("/masuk"))).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("No CSRF token on the login page");
		}
		HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(app.url("/masuk")))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + officer.username() + "&password=" + PASSWORD
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("gagal")) {
			throw new IllegalStateException("Login failed: " + signedIn.statusCode());
		}
		List<String> parts = new ArrayList<>();
		HttpResponse<byte[]> page = get(http, "/pengaduan/baru");
		long html = wire(page);
		parts.add("/pengaduan/baru " + wire(page) + " B");
		String text = new String(gunzip(page), StandardCharsets.UTF_8);
		Matcher asset = Pattern.compile("(?:href|src)=\"(/(?:css|js|webjars|img)/[^\"]+)\"").matcher(text);
		long assets = 0;
		while (asset.find()) {
			HttpResponse<byte[]> response = get(http, asset.group(1));
			assets += wire(response);
			parts.add(asset.group(1) + " " + wire(response) + " B");
		}
		return new PageWeight(html, assets, html + assets, parts);
	}

	private HttpResponse<byte[]> get(HttpClient http, String path) throws Exception {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(app.url(path)))
			.header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " answered " + response.statusCode());
		}
		return response;
	}

	private static long wire(HttpResponse<byte[]> response) {
		long headers = response.headers().map().entrySet().stream()
			.mapToLong(e -> e.getValue().stream().mapToLong(v -> e.getKey().length() + 2 + v.length() + 2).sum())
			.sum();
		return response.body().length + headers + 17;
	}

	private static byte[] gunzip(HttpResponse<byte[]> response) throws IOException {
		if (!response.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
			return response.body();
		}
		try (var in = new GZIPInputStream(new ByteArrayInputStream(response.body()))) {
			return in.readAllBytes();
		}
	}

	/**
	 * The floor under the intake: {@code USERS} threads, each on its own connection, doing what an intake does
	 * to the database and nothing else (the person found by NIK, the village's ticket counter, the complaint,
	 * its PPKS code and first step, the outbox row, the idempotency record) in one transaction each, for
	 * {@code seconds}. Its rows are deleted afterwards.
	 */
	Baseline jdbcBaseline(int seconds) throws Exception {
		UUID baselineUser = UUID.fromString("00000000-0000-7000-8000-0000000b45e1");
		UUID national = UUID.fromString("00000000-0000-7000-8000-000000000026");
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		long deadline = System.nanoTime() + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		for (Officer officer : officers) {
			threads.add(Thread.ofPlatform().start(() -> {
				try (Connection c = DriverManager.getConnection(jdbcUrl)) {
					c.setAutoCommit(false);
					PreparedStatement person = c.prepareStatement("""
							select p.id, p.name, p.birth_date, p.sex, h.welfare_decile from person p
							join household h on h.id = p.household_id where p.nik_index = ? and p.village_code like ?""");
					PreparedStatement counter = c.prepareStatement("""
							insert into complaint_ticket_counter (village_code, year, last) values (?, 2026, 1)
							on conflict (village_code, year) do update set last = complaint_ticket_counter.last + 1
							returning last""");
					PreparedStatement complaint = c.prepareStatement("""
							insert into complaint (id, version, ticket_number, tracking_code_hash, status, channel, category,
							  village_code, description, ppks_taxonomy_id, subject_person_id, subject_name, subject_birth_date,
							  subject_sex, reporter_phone, created_by, created_at, updated_at)
							values (?, 0, ?, ?, 'RECEIVED', 'WALK_IN', 'HEALTH', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
					PreparedStatement ppks = c.prepareStatement(
							"insert into complaint_ppks (complaint_id, taxonomy_id, code) values (?, ?, '24')");
					PreparedStatement step = c.prepareStatement(
							"insert into complaint_step (complaint_id, status, at, by_user) values (?, 'RECEIVED', ?, ?)");
					PreparedStatement outbox = c.prepareStatement("""
							insert into event_publication (id, listener_id, event_type, serialized_event, publication_date,
							  completion_date, status, completion_attempts)
							values (?, 'baseline', 'org.simpul.complaint.ComplaintStatusChanged', ?, ?, ?, 'COMPLETED', 1)""");
					PreparedStatement idempotency = c.prepareStatement("""
							insert into idempotent_request (caller, idempotency_key, request_hash, status, content_type,
							  body, created_at) values ('baseline', ?, ?, 201, 'application/json', ?, ?)""");
					while (System.nanoTime() < deadline) {
						long t = System.nanoTime();
						// the index as the application computes it for a typed NIK: one HMAC per look-up
						String nik = officer.niks().get(ThreadLocalRandom.current().nextInt(officer.niks().size()));
						person.setString(1, index.of(BlindIndex.Kind.NIK, nik));
						person.setString(2, officer.villageCode().substring(0, 5) + "%");
						UUID personId;
						String name;
						Date birth;
						String sex;
						try (ResultSet r = person.executeQuery()) {
							r.next();
							personId = r.getObject(1, UUID.class);
							name = r.getString(2);
							birth = r.getDate(3);
							sex = r.getString(4);
						}
						counter.setString(1, officer.villageCode());
						int sequence;
						try (ResultSet r = counter.executeQuery()) {
							r.next();
							sequence = r.getInt(1);
						}
						UUID id = UUID.randomUUID();
						Timestamp now = Timestamp.from(Instant.now());
						complaint.setObject(1, id);
						complaint.setString(2, "B-" + officer.villageCode().replace(".", "") + "-26-" + sequence);
						complaint.setString(3, UUID.randomUUID().toString().replace("-", "") + "00000000000000000000000000000000");
						complaint.setString(4, officer.villageCode());
						complaint.setString(5, "PBI-JK anaknya dinonaktifkan, perlu berobat.");
						complaint.setObject(6, national);
						complaint.setObject(7, personId);
						complaint.setString(8, name);
						complaint.setDate(9, birth);
						complaint.setString(10, sex);
						complaint.setString(11, "081234567890");
						complaint.setObject(12, baselineUser);
						complaint.setTimestamp(13, now);
						complaint.setTimestamp(14, now);
						complaint.executeUpdate();
						ppks.setObject(1, id);
						ppks.setObject(2, national);
						ppks.executeUpdate();
						step.setObject(1, id);
						step.setTimestamp(2, now);
						step.setObject(3, baselineUser);
						step.executeUpdate();
						outbox.setObject(1, UUID.randomUUID());
						outbox.setString(2, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"complaintId\":\"" + id
								+ "\",\"ticketNumber\":\"B\",\"status\":\"RECEIVED\",\"at\":\"" + now.toInstant() + "\"}");
						outbox.setTimestamp(3, now);
						outbox.setTimestamp(4, now);
						outbox.executeUpdate();
						idempotency.setObject(1, UUID.randomUUID());
						idempotency.setBytes(2, new byte[32]);
						idempotency.setBytes(3, ("{\"id\":\"" + id + "\",\"ticketNumber\":\"B\",\"trackingCode\":\"0123456789\","
								+ "\"status\":\"RECEIVED\"}").getBytes(StandardCharsets.UTF_8));
						idempotency.setTimestamp(4, now);
						idempotency.executeUpdate();
						c.commit();
						latencies.add(System.nanoTime() - t);
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - started) / 1e9;
		if (!failures.isEmpty()) {
			throw new IllegalStateException("Baseline failed", failures.getFirst());
		}
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			s.execute("delete from complaint_ppks where complaint_id in (select id from complaint where created_by = '"
					+ baselineUser + "')");
			s.execute("delete from complaint_step where by_user = '" + baselineUser + "'");
			s.execute("delete from complaint where created_by = '" + baselineUser + "'");
			s.execute("delete from event_publication where listener_id = 'baseline'");
			s.execute("delete from idempotent_request where caller = 'baseline'");
			s.execute("vacuum analyze complaint");
		}
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		return new Baseline(sorted.size(), elapsed, sorted.size() / elapsed, percentile(sorted, 50),
				percentile(sorted, 95), percentile(sorted, 99));
	}

	/** What the load left behind, for the report: complaints by the load users and their notifications. */
	Map<String, Long> afterLoad() throws Exception {
		Map<String, Long> counts = new LinkedHashMap<>();
		try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
			for (String[] q : new String[][] {
					{ "complaints by load users", "select count(*) from complaint c join app_user u on u.id = c.created_by"
							+ " where u.username like 'load.%'" },
					{ "notifications claimed", "select count(*) from notification_sent" },
					{ "outbox rows not completed", "select count(*) from event_publication where completion_date is null" } }) {
				try (ResultSet r = s.executeQuery(q[1])) {
					r.next();
					counts.put(q[0], r.getLong(1));
				}
			}
		}
		return counts;
	}

	private static double percentile(List<Long> sorted, int p) {
		if (sorted.isEmpty()) {
			return 0;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, index)) / 1e6;
	}

	static void log(String format, Object... arguments) {
		System.out.printf(Locale.ROOT, "[load] " + format + "%n", arguments);
	}
}
