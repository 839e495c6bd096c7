package org.simpul.complaint;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

import org.simpul.shared.crypto.FieldCipher;
import org.simpul.shared.events.ReactivationEvent.ReactivationDecided;
import org.simpul.shared.web.PublicUrl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Tells the citizen when their complaint changes status, by SMS or WhatsApp through a
 * {@link NotificationSender}. Each {@link ComplaintStatusChanged} is stored in the event publication
 * registry with the change itself, handled after the commit, and resubmitted while it has not completed
 * (gateway down, process killed): delivery is at least once. The sender's table {@code notification_sent}
 * takes the event id first, under its primary key, so that two attempts never both send; the gateway also
 * gets the event id as {@code Idempotency-Key} for the one case left (a crash between its acceptance and
 * our commit).
 */
@Component
class StatusNotifications {

	private static final Locale INDONESIAN = Locale.of("id");

	private final JdbcClient jdbc;

	private final NotificationSender sender;

	private final MessageSource messages;

	private final Environment environment;

	private final IncompleteEventPublications incomplete;

	private final Clock clock;

	private final PublicUrl publicUrl;

	private final Duration retryAfter;

	private final FieldCipher cipher;

	StatusNotifications(JdbcClient jdbc, NotificationSender sender, MessageSource messages, Environment environment,
			IncompleteEventPublications incomplete, Clock clock, PublicUrl publicUrl,
			@Value("${simpul.notifications.retry-after:PT1M}") Duration retryAfter,
			FieldCipher cipher) {
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.sender = sender;
		this.messages = messages;
		this.environment = environment;
		this.incomplete = incomplete;
		this.clock = clock;
		this.publicUrl = publicUrl;
		this.retryAfter = retryAfter;
	}

	@ApplicationModuleListener
	void on(ComplaintStatusChanged event) {
		String phone = cipher.decrypt(jdbc.sql("select reporter_phone from complaint where id = :id")
			.param("id", event.complaintId()).query(String.class).optional().orElse(null));
		int claimed = jdbc.sql("""
				insert into notification_sent (event_id, complaint_id, status, outcome, sent_at)
				values (:event, :complaint, :status, :outcome, :now) on conflict (event_id) do nothing""")
			.param("event", event.eventId())
			.param("complaint", event.complaintId())
			.param("status", event.status().name())
			.param("outcome", phone == null ? "NO_PHONE" : "SENT")
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (claimed == 0 || phone == null) {
			return; // sent before, or nobody to tell
		}
		// a failure here rolls the claim back and leaves the publication incomplete, to be tried again
		sender.send(new NotificationSender.Message(event.eventId(), phone, text(event)));
	}

	/**
	 * The answer to a PBI-JK reactivation request a health complaint brought (active again, moved to another segment,
	 * rejected), told to the citizen like a status of the complaint: once, under a key made of the request and the
	 * answer (a request is answered once).
	 */
	@ApplicationModuleListener
	void on(ReactivationDecided event) {
		if (event.complaintId() == null) {
			return;
		}
		record Reporter(String ticketNumber, String reporterPhone) {
		}
		Reporter reporter = jdbc.sql("select ticket_number, reporter_phone from complaint where id = :id")
			.param("id", event.complaintId()).query(Reporter.class).optional().orElse(null);
		if (reporter == null) {
			return;
		}
		String phone = cipher.decrypt(reporter.reporterPhone());
		UUID key = UUID.nameUUIDFromBytes(("pbi:" + event.reactivationId() + ":" + event.status())
			.getBytes(StandardCharsets.UTF_8));
		int claimed = jdbc.sql("""
				insert into notification_sent (event_id, complaint_id, status, outcome, sent_at)
				values (:event, :complaint, :status, :outcome, :now) on conflict (event_id) do nothing""")
			.param("event", key)
			.param("complaint", event.complaintId())
			.param("status", "PBI_" + event.status())
			.param("outcome", phone == null ? "NO_PHONE" : "SENT")
			.param("now", Timestamp.from(clock.instant()))
			.update();
		if (claimed == 0 || phone == null) {
			return;
		}
		String answer = messages.getMessage(event.segment() != null ? "pbi.segment." + event.segment()
				: "pbi.status." + event.status(), null, INDONESIAN);
		String text = messages.getMessage("notification.reactivation", null, INDONESIAN)
			.replace("{ticket}", reporter.ticketNumber())
			.replace("{status}", answer)
			.replace("{url}", publicUrl.of("/lacak"));
		sender.send(new NotificationSender.Message(key, phone, text));
	}

	/** The text for a status: {@code simpul.notifications.templates.STATUS} if configured, else the default. */
	String text(ComplaintStatusChanged event) {
		String label = messages.getMessage("complaint.status." + event.status().name(), null, INDONESIAN);
		String template = environment.getProperty("simpul.notifications.templates." + event.status().name(),
				messages.getMessage("notification.default", null, INDONESIAN));
		return template.replace("{ticket}", event.ticketNumber())
			.replace("{status}", label)
			.replace("{url}", publicUrl.of("/lacak"));
	}

	/** Resubmits notifications whose listener has not completed for a while (the gateway was down). */
	@Scheduled(initialDelayString = "${simpul.notifications.retry-every:PT1M}",
			fixedDelayString = "${simpul.notifications.retry-every:PT1M}")
	void retry() {
		incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
	}

	@Configuration(proxyBeanMethods = false)
	static class Senders {

		/** The HTTP gateway when {@code simpul.notifications.gateway.url} is set, else the log. */
		@Bean
		NotificationSender notificationSender(@Value("${simpul.notifications.gateway.url:}") String url,
				@Value("${simpul.notifications.gateway.token:}") String token, JdbcClient jdbc,
				PlatformTransactionManager transactions, Clock clock) {
			return url.isBlank() ? new LoggingNotificationSender(jdbc, transactions, clock)
					: new HttpGatewayNotificationSender(URI.create(url), token);
		}
	}
}
