package org.simpul.registry;

/** The coded personal attributes of a registry member (the codes of the API). */
public final class PersonAttributes {

	private PersonAttributes() {
	}

	public enum Disability {
		NONE, PHYSICAL, INTELLECTUAL, MENTAL, SENSORY, MULTIPLE
	}

	public enum Education {
		NONE, NOT_FINISHED_SD, SD, SMP, SMA, DIPLOMA, BACHELOR, POSTGRADUATE
	}

	public enum MaritalStatus {
		SINGLE, MARRIED, DIVORCED, WIDOWED
	}

	public enum MembershipStatus {
		ACTIVE, INACTIVE, DEACTIVATED
	}

	/** Why a member left a household. */
	public enum LeaveReason {
		DIED, MOVED_AWAY, OTHER
	}
}
