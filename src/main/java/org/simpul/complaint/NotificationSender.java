package org.simpul.complaint;

import java.util.UUID;

/**
 * Hands a text message to whatever reaches the citizen (an SMS or WhatsApp gateway). Implementations throw
 * when the message was not accepted, so that the outbox tries again; {@code id} is the same on every try, for
 * the gateway to drop repeats.
 */
public interface NotificationSender {

	record Message(UUID id, String phone, String text) {
	}

	void send(Message message);
}
