package org.simpul.fieldsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.bench.BenchmarkReport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 1,000 records queued on 10 devices (100 each, every device its own session) drain through the sync while the
 * network between the devices and the server is cut three times in the middle: every open connection dropped
 * and new ones refused for two seconds, as a hamlet's signal comes and goes. Each device does what the outbox
 * does: sends its records in order, and after no answer sends the same record again (same id, same body)
 * until one comes. Counted in the database: records received, duplicates. Beside it, in the same run, the same
 * 1,000 records with no cut. Run with {@code ./mvnw -Pbench test -Dtest=FieldSyncBenchmark}.
 */
@Tag("benchmark")
class FieldSyncBenchmark {

	private static final int DEVICES = 10;

	private static final int RECORDS = Integer.getInteger("bench.records", 100);

	private static final List<String> USERS = List.of("psm.procot", "fo.procot", "bo.procot", "tksk.slawi");

	@Test
	void aThousandRecordsFromTenDevicesThroughThreeCuts() throws Exception {
		Path dir = Path.of("target/bench-data/field-sync").toAbsolutePath();
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dir, "--logging.level.org.simpul=WARN",
				"--simpul.login.client-failures=100000")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			try (Proxy proxy = new Proxy(port)) {
				Run calm = drain(proxy, "CALM", false);
				Run cut = drain(proxy, "CUT", true);
				long[] calmCounts = counts(jdbc, "CALM");
				long[] cutCounts = counts(jdbc, "CUT");
				assertThat(calmCounts[0]).isEqualTo((long) DEVICES * RECORDS);
				assertThat(cutCounts[0]).isEqualTo((long) DEVICES * RECORDS);
				assertThat(calmCounts[1]).isZero();
				assertThat(cutCounts[1]).isZero();
				BenchmarkReport.write("field-sync", """
						| %d records from %d devices | no cut | three 2-s cuts |
						|---|---|---|
						| received (rows in the database) | %d | %d |
						| duplicates | %d | %d |
						| sends (first tries and retries) | %d | %d |
						| answered from the ledger (a retry of a record that had arrived) | %d | %d |
						| time to drain | %,d ms | %,d ms |
						""".formatted(DEVICES * RECORDS, DEVICES, calmCounts[0], cutCounts[0], calmCounts[1], cutCounts[1],
						calm.sends(), cut.sends(), calm.replays(), cut.replays(), calm.millis(), cut.millis()));
			}
		}
	}

	/** Received rows and duplicates (rows beyond one per description) of a run. */
	private static long[] counts(JdbcClient jdbc, String run) {
		long rows = jdbc.sql("select count(*) from complaint where description like :p").param("p", run + "-%")
			.query(Long.class).single();
		long distinct = jdbc.sql("select count(distinct description) from complaint where description like :p")
			.param("p", run + "-%").query(Long.class).single();
		return new long[] { rows, rows - distinct };
	}

	record Run(long millis, int sends, int replays) {
	}

	private Run drain(Proxy proxy, String run, boolean cuts) throws Exception {
		AtomicInteger sends = new AtomicInteger();
		AtomicInteger replays = new AtomicInteger();
		AtomicInteger accepted = new AtomicInteger();
		long started = System.nanoTime();
		try (ExecutorService devices = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> running = new ArrayList<>();
			for (int d = 0; d < DEVICES; d++) {
				String user = USERS.get(d % USERS.size());
				String device = run + "-" + d;
				running.add(devices.submit(() -> {
					Device phone = new Device(proxy.port(), user);
					for (int r = 0; r < RECORDS; r++) {
						phone.sendUntilAnswered(UUID.randomUUID(), device + "-" + r, sends, replays);
						accepted.incrementAndGet();
					}
					return null;
				}));
			}
			if (cuts) {
				int total = DEVICES * RECORDS;
				for (int quarter = 1; quarter <= 3; quarter++) {
					while (accepted.get() < total * quarter / 4) {
						Thread.sleep(5);
					}
					proxy.cut(Duration.ofSeconds(2));
				}
			}
			for (Future<?> device : running) {
				device.get();
			}
		}
		return new Run(Duration.ofNanos(System.nanoTime() - started).toMillis(), sends.get(), replays.get());
	}

	/** A phone: its own session, its outbox's way of sending. */
	private static final class Device {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

		private final HttpClient http;

		private final String base;

		private final String user;

		private String csrfHeader;

		private String csrfToken;

		Device(int port, String user) {
			this.base = "http://127.0.0.1:" + port;
			this.user = user;
			this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
				.connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();
		}

		private void login() throws IOException, InterruptedException {
			String page = http.send(HttpRequest.newBuilder(URI.create(base + "/masuk")).timeout(Duration.ofSeconds(10))
				.build(), BodyHandlers.ofString()).body();
			Matcher csrf = CSRF.matcher(page);
			if (!csrf.find()) {
				throw new IOException("no login form");
			}
			String form = "username=" + user + "&password=" + URLEncoder.encode("Simpul-Demo-2026", StandardCharsets.UTF_8)
					+ "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
			http.send(HttpRequest.newBuilder(URI.create(base + "/masuk")).timeout(Duration.ofSeconds(10))
				.header("Content-Type", "application/x-www-form-urlencoded").POST(BodyPublishers.ofString(form)).build(),
					BodyHandlers.discarding());
			HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/lapangan/api/sesi"))
				.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
			if (session.statusCode() != 200) {
				throw new IOException("no session: " + session.statusCode());
			}
			csrfHeader = JsonPath.read(session.body(), "$.csrfHeader");
			csrfToken = JsonPath.read(session.body(), "$.csrfToken");
		}

		/** The same record (id and body) again after every failure, until the server answers it. */
		void sendUntilAnswered(UUID id, String description, AtomicInteger sends, AtomicInteger replays)
				throws InterruptedException {
			String body = """
					{"id": "%s", "kind": "complaint", "recordedAt": "%s",
					 "fields": {"channel": "OUTREACH", "category": "SOCIAL", "villageCode": "33.28.10.1008",
					            "description": "%s", "ppksCodes": ["24"], "subjectName": "Warga %s"}}"""
				.formatted(id, Instant.now().minusSeconds(600), description, description);
			long backoff = 100;
			while (true) {
				try {
					if (csrfToken == null) {
						login();
					}
					sends.incrementAndGet();
					HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/lapangan/api/kirim"))
						.timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
						.header("Idempotency-Key", id.toString()).header(csrfHeader, csrfToken)
						.POST(BodyPublishers.ofString(body)).build(), BodyHandlers.ofString());
					if (answer.statusCode() == 201 || answer.statusCode() == 200) {
						if (answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
							replays.incrementAndGet();
						}
						return;
					}
					if (answer.statusCode() == 401 || answer.statusCode() == 403) {
						csrfToken = null;
						continue;
					}
					if (answer.statusCode() < 500 && answer.statusCode() != 429) {
						throw new IllegalStateException("refused " + answer.statusCode() + ": " + answer.body());
					}
				}
				catch (IOException ex) {
					// no answer: the record is sent again, as the outbox does
				}
				Thread.sleep(backoff);
				backoff = Math.min(backoff * 2, 1000);
			}
		}
	}

	/** A TCP relay whose "network" can be cut: open connections dropped, new ones refused for a while. */
	private static final class Proxy implements AutoCloseable {

		private final ServerSocket server;

		private final int target;

		private final Set<Socket> open = ConcurrentHashMap.newKeySet();

		private final AtomicBoolean cut = new AtomicBoolean();

		private final Thread acceptor;

		Proxy(int target) throws IOException {
			this.target = target;
			this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
			this.acceptor = Thread.ofVirtual().start(this::accept);
		}

		int port() {
			return server.getLocalPort();
		}

		private void accept() {
			while (!server.isClosed()) {
				try {
					Socket client = server.accept();
					if (cut.get()) {
						client.close();
						continue;
					}
					Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
					open.add(client);
					open.add(upstream);
					Thread.ofVirtual().start(() -> pipe(client, upstream));
					Thread.ofVirtual().start(() -> pipe(upstream, client));
				}
				catch (IOException ex) {
					// closed, or one connection failed: go on accepting
				}
			}
		}

		private void pipe(Socket from, Socket to) {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// the other side went away, or the network was cut
			}
			finally {
				close(from);
				close(to);
			}
		}

		private void close(Socket socket) {
			open.remove(socket);
			try {
				socket.close();
			}
			catch (IOException ex) {
				// already closed
			}
		}

		/** Drops every connection and refuses new ones for {@code duration}. */
		void cut(Duration duration) throws InterruptedException {
			cut.set(true);
			List.copyOf(open).forEach(this::close);
			Thread.sleep(duration);
			cut.set(false);
		}

		@Override
		public void close() throws IOException {
			server.close();
			List.copyOf(open).forEach(this::close);
			acceptor.interrupt();
		}
	}
}
