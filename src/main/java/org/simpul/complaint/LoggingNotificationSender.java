package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default sender when no gateway is configured: writes to the log that a message would go out, with the
 * phone number masked (the text carries only a ticket number and a status). It keeps the gateway's side of
 * ADR 0006: a message whose id ({@code Idempotency-Key}) it delivered before is dropped, also after a crash
 * and restart, because the delivery is recorded in a transaction of its own, committed before it returns.
 */
class LoggingNotificationSender implements NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate own;

	private final Clock clock;

	LoggingNotificationSender(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void send(Message message) {
		String phone = message.phone();
		String masked = phone.length() <= 4 ? "••••" : "••••" + phone.substring(phone.length() - 4);
		Integer first = own.execute(status -> jdbc.sql("""
				insert into notification_delivery (id, delivered_at) values (:id, :now) on conflict (id) do nothing""")
			.param("id", message.id())
			.param("now", Timestamp.from(clock.instant()))
			.update());
		if (first == null || first == 0) {
			log.info("Notification {} dropped: delivered before (same Idempotency-Key)", message.id());
			return;
		}
		log.info("Notification {} to {}: {}", message.id(), masked, message.text());
	}
}
