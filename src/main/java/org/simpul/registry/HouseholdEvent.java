package org.simpul.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * What happened to the registry's households, published by the registry in the transaction that made the
 * change (the history row, {@code registry_change}, is written in the same one).
 */
public sealed interface HouseholdEvent {

	UUID householdId();

	Instant at();

	/** A household was registered with its members ({@code source}: API, PAGE, a complaint's intake…). */
	record HouseholdRegistered(UUID householdId, String villageCode, String source, UUID by, Instant at)
			implements HouseholdEvent {
	}

	/**
	 * A household or one of its members changed: {@code change} names it as the history does (CHANGED,
	 * MEMBER_ADDED, MEMBER_UPDATED, MEMBER_LEFT, MEMBER_MOVED_IN, MEMBER_MOVED_OUT); {@code personId} is the
	 * member's, else null.
	 */
	record HouseholdChanged(UUID householdId, UUID personId, String change, String source, UUID by, Instant at)
			implements HouseholdEvent {
	}
}
