package org.simpul.access;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;

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

	/**
	 * Whether the user's territory is a whole district or wider (a district's Dinsos, a province, the nation):
	 * the territory Dinsos' steps are taken from.
	 */
	public boolean districtWide() {
		return territory.regionCode()
			.map(code -> code.level() == RegionLevel.REGENCY || code.level() == RegionLevel.PROVINCE)
			.orElse(true);
	}

	/**
	 * The district a district-wide user works for: their own, or the one a province or national user names in
	 * {@code regionCode} (400 naming {@code regionCode} when missing or not a district; 404 outside the territory).
	 */
	public String district(String regionCode) {
		Optional<RegionCode> own = territory.regionCode();
		if (own.isPresent() && own.get().level() == RegionLevel.REGENCY && (regionCode == null || regionCode.isBlank())) {
			return own.get().value();
		}
		if (regionCode == null || regionCode.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("regionCode", "REQUIRED"));
		}
		RegionCode code = RegionCode.parse(regionCode.strip())
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("regionCode", "NOT_A_REGENCY")));
		if (!covers(code)) {
			throw new NotFoundException("Region");
		}
		if (code.level() != RegionLevel.REGENCY) {
			throw new InvalidInputException(FieldProblem.of("regionCode", "NOT_A_REGENCY"));
		}
		return code.value();
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
