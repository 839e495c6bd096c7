package org.simpul.complaint;

import java.time.Instant;
import java.util.UUID;

/**
 * A complaint reached a status (published in the transaction that changed it, kept in the event publication
 * registry until every listener completed). {@code eventId} identifies this change for deduplication.
 */
public record ComplaintStatusChanged(UUID eventId, UUID complaintId, String ticketNumber, ComplaintStatus status,
		Instant at) {
}
