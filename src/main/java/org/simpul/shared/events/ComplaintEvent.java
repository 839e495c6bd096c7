package org.simpul.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a complaint at the desk, published by the complaint module in the transaction that made
 * the change. (Its status path, assessed to closed, is the complaint module's own
 * {@code ComplaintStatusChanged}, which the citizen's notifications follow.)
 */
public sealed interface ComplaintEvent {

	UUID complaintId();

	Instant at();

	/**
	 * A complaint was recorded: its ticket, its village, the registry person it is about when known
	 * ({@code subjectPersonId}, else null), by whom and when.
	 */
	record ComplaintReceived(UUID complaintId, String ticketNumber, String villageCode, UUID subjectPersonId,
			UUID by, Instant at) implements ComplaintEvent {
	}
}
