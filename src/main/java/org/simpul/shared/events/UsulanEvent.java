package org.simpul.shared.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to an usulan (a registry update on its way from the village to Dinsos, the ministry and back),
 * published by the update module in the transaction of each move. {@code source} and {@code sourceId} say what
 * brought it (a complaint, an assessment, a home visit), so that, say, a complaint's tracking can follow the
 * usulan it led to.
 */
public sealed interface UsulanEvent {

	UUID usulanId();

	String villageCode();

	String source();

	UUID sourceId();

	UUID by();

	Instant at();

	/** An usulan was proposed (a draft). */
	record UsulanProposed(UUID usulanId, String villageCode, String kind, String source, UUID sourceId,
			UUID householdId, UUID by, Instant at) implements UsulanEvent {
	}

	/** The village corrected it; {@code status} is where it stands now (a returned one is a draft again). */
	record UsulanCorrected(UUID usulanId, String villageCode, String source, UUID sourceId, String status, UUID by,
			Instant at) implements UsulanEvent {
	}

	/** The village withdrew it before submitting it, with the reason. */
	record UsulanWithdrawn(UUID usulanId, String villageCode, String source, UUID sourceId, String reason, UUID by,
			Instant at) implements UsulanEvent {
	}

	/** The village agreed it (musdes or SPTJM). */
	record UsulanAgreed(UUID usulanId, String villageCode, String source, UUID sourceId, UUID by, Instant at)
			implements UsulanEvent {
	}

	/** The village operator submitted it to Dinsos. */
	record UsulanSubmitted(UUID usulanId, String villageCode, String source, UUID sourceId, UUID by, Instant at)
			implements UsulanEvent {
	}

	/** Dinsos returned it to the village for correction, with a reason. */
	record UsulanReturned(UUID usulanId, String villageCode, String source, UUID sourceId, String reason, UUID by,
			Instant at) implements UsulanEvent {
	}

	/** Dinsos endorsed it (pengesahan). */
	record UsulanEndorsed(UUID usulanId, String villageCode, String source, UUID sourceId, UUID by, Instant at)
			implements UsulanEvent {
	}

	/** Dinsos sent it to the ministry. */
	record UsulanSent(UUID usulanId, String villageCode, String source, UUID sourceId, UUID by, Instant at)
			implements UsulanEvent {
	}

	/**
	 * The ministry's result came back: {@code result} INCLUDED (with a desil), NOT_INCLUDED or EXCLUDED (with a
	 * code and reason).
	 */
	record UsulanDecided(UUID usulanId, String villageCode, String source, UUID sourceId, String result,
			Integer desil, UUID by, Instant at) implements UsulanEvent {
	}
}
