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

	/** Whether the access policy lets this user's role take {@code action}. */
	public boolean may(Action action) {
		return action.allows(role);
	}

	/** Refuses (403) when the access policy does not let this user's role take {@code action}. */
	public void require(Action action) {
		action.require(role);
	}

	/** Refuses (403) anyone but the data protection officer: data-subject rights, breach drills, restrictions. */
	public void requireDataProtectionOfficer() {
		require(Action.DATA_PROTECTION);
	}
}
