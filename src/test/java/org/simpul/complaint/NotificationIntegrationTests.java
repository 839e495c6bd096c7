package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Citizen notifications through an HTTP gateway, here a fake one on localhost: a received complaint with a
 * phone number reaches the gateway once, with the event id as idempotency key; a gateway that fails is tried
 * again from the event publication registry until it accepts, and the citizen still gets one message.
 */
@SimpulIntegrationTest
class NotificationIntegrationTests {

	record Received(String idempotencyKey, String authorization, String body) {
	}

	static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();

	/** How many of the next calls the fake gateway refuses with 503. */
	static final AtomicInteger FAILURES = new AtomicInteger();

	static final HttpServer GATEWAY = start();

	static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/send", exchange -> {
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
					exchange.sendResponseHeaders(503, -1);
				}
				else {
					RECEIVED.add(new Received(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
							exchange.getRequestHeaders().getFirst("Authorization"), body));
					exchange.sendResponseHeaders(202, -1);
				}
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@DynamicPropertySource
	static void gateway(DynamicPropertyRegistry properties) {
		properties.add("simpul.notifications.gateway.url",
				() -> "http://127.0.0.1:" + GATEWAY.getAddress().getPort() + "/send");
		properties.add("simpul.notifications.gateway.token", () -> "gateway-secret");
		properties.add("simpul.public-url", () -> "https://simpul.tegalkab.example");
	}

	@AfterAll
	static void stop() {
		GATEWAY.stop(0);
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IncompleteEventPublications incomplete;

	private String register(String name, String phone) throws Exception {
		MvcTestResult created = mvc.post().uri("/api/v1/complaints")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"channel": "PHONE", "category": "SOCIAL", "villageCode": "33.28.10.1008", "description": "Kabar",
					 "ppksCodes": ["24"], "subject": {"name": "%s"}, "reporter": {"phone": "%s"}}""".formatted(name, phone))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		return JsonPath.read(created.getResponse().getContentAsString(), "$.ticketNumber");
	}

	private List<Received> to(String phone) {
		return RECEIVED.stream().filter(r -> r.body().contains(phone)).toList();
	}

	@Test
	void aReceivedComplaintReachesTheCitizenOnce() throws Exception {
		String ticket = register("Kabar Diterima", "081200000001");
		await().atMost(Duration.ofSeconds(10)).until(() -> to("081200000001").size() == 1);
		Received message = to("081200000001").getFirst();
		assertThat(message.body()).contains(ticket, "Diterima", "https://simpul.tegalkab.example/lacak")
			.doesNotContain("Kabar Diterima");
		assertThat(message.authorization()).isEqualTo("Bearer gateway-secret");
		assertThat(message.idempotencyKey()).isNotBlank();
		// a resubmission of everything (as after a restart) does not send it again
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(500);
		assertThat(to("081200000001")).hasSize(1);
		assertThat(jdbc.sql("select outcome from notification_sent where event_id = cast(:id as uuid)")
			.param("id", message.idempotencyKey()).query(String.class).single()).isEqualTo("SENT");
	}

	@Test
	void aGatewayThatFailsIsTriedAgainUntilItAccepts() throws Exception {
		FAILURES.set(2);
		register("Kabar Gagal", "081200000002");
		// the first attempt fails: nothing reached the citizen, the publication stays incomplete
		await().atMost(Duration.ofSeconds(10)).until(() -> FAILURES.get() == 1);
		assertThat(to("081200000002")).isEmpty();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
			assertThat(to("081200000002")).hasSize(1);
		});
		Thread.sleep(500);
		incomplete.resubmitIncompletePublicationsOlderThan(Duration.ZERO);
		Thread.sleep(500);
		assertThat(to("081200000002")).hasSize(1);
	}
}
