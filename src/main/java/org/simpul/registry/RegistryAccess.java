package org.simpul.registry;

import java.util.EnumSet;
import java.util.Set;

import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may read and write the registry, and who sees NIK and KK numbers in full: the people who identify
 * and serve families (front and back office, facilitators, data operators) and the data protection
 * officer. Everyone else sees them masked. Programme managers see registry data only through a referral.
 */
final class RegistryAccess {

	private static final Set<Role> READERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.BACK_OFFICE,
			Role.FRONT_OFFICE, Role.FACILITATOR, Role.DATA_OPERATOR, Role.DPO);

	private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.MANAGER, Role.BACK_OFFICE, Role.FRONT_OFFICE,
			Role.FACILITATOR, Role.DATA_OPERATOR);

	// a programme manager reads no registry, but sees the NIK of a person referred to their agency: the agency
	// cannot act (reactivate a PBI-JK, issue a document) without it
	private static final Set<Role> FULL_IDENTIFIERS = EnumSet.of(Role.BACK_OFFICE, Role.FRONT_OFFICE,
			Role.FACILITATOR, Role.DATA_OPERATOR, Role.DPO, Role.PROGRAM_MANAGER);

	// a sensitive category of a person (disability) is for the people who serve and assess families, their
	// supervisors and the registry's own operators; an administrator runs the system, not cases
	private static final Set<Role> SENSITIVE_READERS = EnumSet.of(Role.FRONT_OFFICE, Role.BACK_OFFICE,
			Role.FACILITATOR, Role.SUPERVISOR, Role.MANAGER, Role.DATA_OPERATOR, Role.DPO);

	private RegistryAccess() {
	}

	/** Whether this user sees a person's sensitive categories (disability); others get them withheld. */
	static boolean seesSensitive(CurrentUser user) {
		return SENSITIVE_READERS.contains(user.role());
	}

	static void requireReader(CurrentUser user) {
		if (!READERS.contains(user.role())) {
			throw new AccessDeniedException("The registry is not for " + user.role());
		}
	}

	static void requireWriter(CurrentUser user) {
		if (!WRITERS.contains(user.role())) {
			throw new AccessDeniedException("Registry changes are not for " + user.role());
		}
	}

	static boolean mayRead(Role role) {
		return READERS.contains(role);
	}

	static boolean mayWrite(Role role) {
		return WRITERS.contains(role);
	}

	/**
	 * The SQL condition that keeps persons under a restriction of processing (UU PDP Pasal 41) out of what
	 * this user finds: everyone but the data protection officer. {@code alias} is the person table's alias.
	 */
	static String unrestricted(CurrentUser user, String alias) {
		return user.role() == Role.DPO ? "" : " and " + alias + ".restricted_since is null";
	}

	static boolean seesRestricted(CurrentUser user) {
		return user.role() == Role.DPO;
	}

	/** The identifier as this user may see it. */
	static String show(CurrentUser user, String identifier) {
		if (identifier == null) {
			return null;
		}
		return FULL_IDENTIFIERS.contains(user.role()) ? identifier : Identifiers.masked(identifier);
	}
}
