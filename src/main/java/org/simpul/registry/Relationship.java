package org.simpul.registry;

/** Hubungan dalam keluarga, by Dukcapil's SHDK list; {@link #code()} is the SHDK number. */
public enum Relationship {

	HEAD(1), HUSBAND(2), WIFE(3), CHILD(4), CHILD_IN_LAW(5), GRANDCHILD(6), PARENT(7), PARENT_IN_LAW(8),
	OTHER_RELATIVE(9), HOUSEHOLD_HELPER(10), OTHER(11);

	private final int code;

	Relationship(int code) {
		this.code = code;
	}

	public int code() {
		return code;
	}
}
