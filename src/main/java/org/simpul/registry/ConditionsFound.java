package org.simpul.registry;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A deep assessment ({@code source} ASSESSMENT) or a home visit (VISIT) found a household's house conditions
 * different from what the registry holds: {@code found} holds the fields that differ with the values found (by
 * the API's field names). Published in the transaction that recorded them, once per source; the registry
 * changes only through the usulan the update module makes of it.
 */
public record ConditionsFound(UUID householdId, String villageCode, String source, UUID sourceId,
		Map<String, String> found, UUID by, Instant at) {
}
