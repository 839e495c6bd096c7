package org.simpul.complaint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender when no gateway is configured: writes to the log that a message would go out, with the
 * phone number masked (the text carries only a ticket number and a status).
 */
class LoggingNotificationSender implements NotificationSender {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationSender.class);

	@Override
	public void send(Message message) {
		String phone = message.phone();
		String masked = phone.length() <= 4 ? "••••" : "••••" + phone.substring(phone.length() - 4);
		log.info("Notification {} to {}: {}", message.id(), masked, message.text());
	}
}
