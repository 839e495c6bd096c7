package org.simpul.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A registry import completed: how many rows it read, created, changed, left unchanged and rejected. Published
 * in the transaction that applies the file (one event for the whole set-based import).
 */
public record RegistryImported(UUID importId, long read, long created, long changed, long unchanged, long rejected,
		Instant at) {
}
