package org.simpul.access;

import java.io.Serializable;
import java.util.UUID;

import org.simpul.region.RegionCode;

/** The signed-in user as every module sees it. */
public record CurrentUser(UUID id, String username, String displayName, Role role, Territory territory)
		implements Serializable {

	public boolean covers(RegionCode region) {
		return territory.covers(region);
	}
}
