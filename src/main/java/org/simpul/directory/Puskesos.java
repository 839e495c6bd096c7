package org.simpul.directory;

import java.util.UUID;

/** A Puskesos unit as pages and other modules see it. */
public record Puskesos(UUID id, String name, String regionCode, String regionName, PuskesosLevel level,
		PuskesosStatus status) {
}
