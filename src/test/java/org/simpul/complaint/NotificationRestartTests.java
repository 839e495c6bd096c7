package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.shared.ChildApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A status message survives the death of the process that was sending it: Simpul is killed with
 * {@code kill -9} while the gateway holds its request, and the next start sends the message again from the
 * event publication registry, under the same idempotency key, until the gateway accepts it.
 */
class NotificationRestartTests {

	private static final String PHONE = "081299990001";

	private final Path dataDir = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"),
			"notification-restart").toAbsolutePath();

	record Received(String idempotencyKey, String body, boolean answered) {
	}

	private final List<Received> received = new CopyOnWriteArrayList<>();

	/** While closed, the gateway holds every request to {@link #PHONE} without answering. */
	private final CountDownLatch release = new CountDownLatch(1);

	private volatile boolean holding = true;

	private HttpServer gateway;

	@BeforeEach
	void startGateway() throws Exception {
		gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.setExecutor(Executors.newCachedThreadPool());
		gateway.createContext("/send", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
			boolean hold = holding && body.contains(PHONE);
			received.add(new Received(key, body, !hold));
			try {
				if (hold) {
					release.await(60, TimeUnit.SECONDS);
				}
				exchange.sendResponseHeaders(202, -1);
			}
			catch (InterruptedException | IOException gone) {
				// the sender died while we held its request
			}
			finally {
				exchange.close();
			}
		});
		gateway.start();
	}

	@AfterEach
	void stopGateway() {
		release.countDown();
		gateway.stop(0);
	}

	private String gatewayUrl() {
		return "--simpul.notifications.gateway.url=http://127.0.0.1:" + gateway.getAddress().getPort() + "/send";
	}

	private List<Received> toCitizen() {
		return received.stream().filter(r -> r.body().contains(PHONE)).toList();
	}

	@Test
	void aMessageInFlightWhenTheProcessIsKilledIsSentAfterTheRestart() throws Exception {
		org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
		ChildApplication first = ChildApplication.start(dataDir, "notification-restart-first", "--simpul.demo.persons=0",
				gatewayUrl());
		try {
			HttpResponse<String> created = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(first.url("/api/v1/complaints")))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + first.token("fo.procot"))
					.POST(HttpRequest.BodyPublishers.ofString("""
							{"channel": "PHONE", "category": "SOCIAL", "villageCode": "33.28.10.1008",
							 "description": "Kabar yang tertahan", "ppksCodes": ["24"],
							 "subject": {"name": "Kabar Tertahan"}, "reporter": {"phone": "%s"}}""".formatted(PHONE)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			// the gateway has the request and holds it: the sender's transaction is still open
			await().atMost(Duration.ofSeconds(20)).until(() -> toCitizen().size() == 1);
		}
		finally {
			first.kill(false);
		}
		String key = toCitizen().getFirst().idempotencyKey();
		assertThat(toCitizen().getFirst().answered()).isFalse();
		holding = false;
		release.countDown();

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dataDir, "--simpul.demo.persons=0", gatewayUrl(),
				"--simpul.notifications.retry-every=PT1S", "--simpul.notifications.retry-after=PT0S")) {
			await().atMost(Duration.ofSeconds(30)).until(() -> toCitizen().stream().anyMatch(Received::answered));
			List<Received> messages = toCitizen();
			assertThat(messages).hasSize(2).extracting(Received::idempotencyKey).containsOnly(key);
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("""
						select count(*) from event_publication
						where completion_date is null and serialized_event like '%' || :key || '%'""")
					.param("key", key)
					.query(Long.class)
					.single() == 0);
			assertThat(jdbc.sql("select outcome from notification_sent where event_id = cast(:key as uuid)")
				.param("key", key)
				.query(String.class)
				.single()).isEqualTo("SENT");
			// later rounds of the retry job send nothing more
			Thread.sleep(2500);
			assertThat(toCitizen()).hasSize(2);
		}
	}
}
