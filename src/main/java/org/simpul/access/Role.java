package org.simpul.access;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles of SLRT and the Puskesos: administrator, district manager (Manajer SLRT), sub-district supervisor
 * (TKSK), front and back office, village facilitator (PSM), data operator, viewer, programme manager of a
 * receiving agency, data operator (operator data: the registry's updates, in a village or at Dinsos), Puskesos
 * coordinator (Koordinator Puskesos: agrees a village's updates, decides village-level services), data
 * protection officer. What each may do is asked of the role, never spelled out at call sites. */
public enum Role {

	ADMIN, MANAGER, SUPERVISOR, BACK_OFFICE, FRONT_OFFICE, FACILITATOR, PROGRAM_MANAGER, DATA_OPERATOR, COORDINATOR, DPO, VIEWER;

	/** Users and their territories are managed by administrators and district managers. */
	public boolean managesUsers() {
		return Action.USER_MANAGE.allows(this);
	}

	/**
	 * The roles this role may give, and so the users it may see and manage: a district manager manages the
	 * staff of the district but neither administrators nor fellow managers (an administrator appoints
	 * managers), so no manager can take over an account with as much power as their own; nor the data
	 * protection officer, who reads full NIKs, lifts restrictions and oversees the managers' own processing
	 * (separation of duties: only an administrator creates, changes or resets an officer's account).
	 */
	public Set<Role> assignableRoles() {
		return switch (this) {
			case ADMIN -> EnumSet.allOf(Role.class);
			case MANAGER -> EnumSet.complementOf(EnumSet.of(ADMIN, MANAGER, DPO));
			default -> EnumSet.noneOf(Role.class);
		};
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
