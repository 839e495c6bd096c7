package org.simpul.complaint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends through an SMS or WhatsApp provider's HTTP gateway: {@code POST} of
 * {@code {"id", "to", "text"}} as JSON to {@code simpul.notifications.gateway.url}, with the gateway token
 * as a bearer token and the message id as {@code Idempotency-Key}. Anything but a 2xx is a failure (the
 * outbox retries).
 */
class HttpGatewayNotificationSender implements NotificationSender {

	private final URI url;

	private final String token;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	HttpGatewayNotificationSender(URI url, String token) {
		this.url = url;
		this.token = token;
	}

	@Override
	public void send(Message message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", message.id().toString());
		body.put("to", message.phone());
		body.put("text", message.text());
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", message.id().toString())
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		if (token != null && !token.isBlank()) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<Void> response;
		try {
			response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Notification gateway unreachable", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while sending a notification", ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw new IllegalStateException("Notification gateway answered " + response.statusCode());
		}
	}
}
