package org.simpul.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a PBI-JK reactivation request, published by the pbi module in the transaction of each move:
 * {@code status} is where it stands now, {@code complaintId} the complaint it came from (if any), so that the
 * citizen's tracking can follow it.
 */
public sealed interface ReactivationEvent {

	UUID reactivationId();

	String villageCode();

	UUID personId();

	UUID complaintId();

	String status();

	UUID by();

	Instant at();

	/** A request was recorded (a draft, its documents still to come). */
	record ReactivationRequested(UUID reactivationId, String villageCode, UUID personId, UUID complaintId, String status,
			String category, UUID by, Instant at) implements ReactivationEvent {
	}

	/** It moved along its way (submitted, returned, verified, its letter issued, entered, approved, withdrawn). */
	record ReactivationMoved(UUID reactivationId, String villageCode, UUID personId, UUID complaintId, String status,
			String note, UUID by, Instant at) implements ReactivationEvent {
	}

	/** The ministry and BPJS answered: active again, active in another segment, or rejected with the reason. */
	record ReactivationDecided(UUID reactivationId, String villageCode, UUID personId, UUID complaintId, String status,
			String segment, String reason, UUID by, Instant at) implements ReactivationEvent {
	}
}
