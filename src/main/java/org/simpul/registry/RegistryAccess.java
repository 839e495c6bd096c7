package org.simpul.registry;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
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
