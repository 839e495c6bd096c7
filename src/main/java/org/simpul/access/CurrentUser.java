package org.simpul.access;

import java.io.Serializable;
import java.util.UUID;

import org.simpul.region.RegionCode;

/**
 * The signed-in user as every module sees it. Its name, for Spring Security and whatever keys by it (the
 * Idempotency-Key ledger), is the username, which never changes once given.
 */
public record CurrentUser(UUID id, String username, String displayName, Role role, Territory territory)
		implements Serializable, org.springframework.security.core.AuthenticatedPrincipal {

	@Override
	public String getName() {
		return username;
	}

	public boolean covers(RegionCode region) {
		return territory.covers(region);
	}

	/**
	 * Whether the user's work touches {@code region}: it lies in their territory, or their territory lies in
	 * it (a village facilitator touches the regency's reference lists, not a neighbouring regency's).
	 */
	public boolean touches(RegionCode region) {
		return covers(region) || territory.regionCode().map(region::contains).orElse(false);
	}

	/** Refuses (403) anyone but the data protection officer: data-subject rights, breach drills, restrictions. */
	public void requireDataProtectionOfficer() {
		if (role != Role.DPO) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Only the data protection officer, not " + role);
		}
	}
}
