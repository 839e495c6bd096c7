package org.simpul.registry;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.region.RegionLevel;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and write the registry, and who sees NIK and KK numbers in full: the people who identify
 * and serve families (front and back office, facilitators, data operators) and the data protection
 * officer. Everyone else sees them masked. Programme managers see registry data only through a referral.
 */
final class RegistryAccess {

	private RegistryAccess() {
	}

	/** Whether this user sees a person's sensitive categories (disability); others get them withheld. */
	static boolean seesSensitive(CurrentUser user) {
		return user.may(Action.SENSITIVE_READ);
	}

	static void requireReader(CurrentUser user) {
		if (!user.may(Action.REGISTRY_READ)) {
			throw new AccessDeniedException("The registry is not for " + user.role());
		}
	}

	static void requireWriter(CurrentUser user) {
		if (!user.may(Action.REGISTRY_WRITE)) {
			throw new AccessDeniedException("Registry changes are not for " + user.role());
		}
	}

	/**
	 * Changes to what is registered (a household's data and conditions, a member added, leaving or moving) are
	 * the district's corrections (DOMAIN.md §9, ADR 0012): its data operator's, manager's or the administrator's,
	 * from a district-wide or wider territory; everyone else proposes them as usulan.
	 */
	static void requireCorrector(CurrentUser user) {
		if (!mayCorrect(user)) {
			throw new AccessDeniedException("Registry corrections are the district's; " + user.role() + " of "
					+ user.territory() + " proposes an usulan");
		}
	}

	static boolean mayCorrect(CurrentUser user) {
		return user.may(Action.REGISTRY_CORRECT) && user.territory().regionCode()
			.map(code -> code.level() == RegionLevel.REGENCY || code.level() == RegionLevel.PROVINCE).orElse(true);
	}

	static boolean mayRead(Role role) {
		return Action.REGISTRY_READ.allows(role);
	}

	static boolean mayWrite(Role role) {
		return Action.REGISTRY_WRITE.allows(role);
	}

	/**
	 * The SQL condition that keeps persons under a restriction of processing (UU PDP Pasal 41) out of what
	 * this user finds: everyone but the data protection officer. {@code alias} is the person table's alias.
	 */
	static String unrestricted(CurrentUser user, String alias) {
		return user.may(Action.DATA_PROTECTION) ? "" : " and " + alias + ".restricted_since is null";
	}

	static boolean seesRestricted(CurrentUser user) {
		return user.may(Action.DATA_PROTECTION);
	}

	/** The identifier as this user may see it. */
	static String show(CurrentUser user, String identifier) {
		if (identifier == null) {
			return null;
		}
		return user.may(Action.IDENTIFIERS_IN_FULL) ? identifier : Identifiers.masked(identifier);
	}
}
