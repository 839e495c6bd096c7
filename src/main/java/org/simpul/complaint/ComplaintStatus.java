package org.simpul.complaint;

import org.simpul.shared.workflow.Transitions;

/**
 * Where a complaint stands, as the citizen's tracking page names it, and where it may go from there: the one
 * table of its workflow. A complaint moves forward as its case does, never backwards, and may skip steps (a
 * complaint referred before any assessment); a closed one goes back into work only when its case is reopened.
 */
public enum ComplaintStatus {
	RECEIVED, ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED;

	private static final Transitions<ComplaintStatus> FORWARD = Transitions.of(ComplaintStatus.class)
		.allow(RECEIVED, ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED)
		.allow(ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED)
		.allow(REFERRED, IN_PROGRESS, RESOLVED, CLOSED)
		.allow(IN_PROGRESS, RESOLVED, CLOSED)
		.allow(RESOLVED, CLOSED);

	/** Whether a complaint standing here moves forward to {@code next} (where it is, or behind, it stays). */
	public boolean advancesTo(ComplaintStatus next) {
		return FORWARD.allows(this, next);
	}

	/** Whether a reopened case takes the complaint back into work (IN_PROGRESS): only from CLOSED. */
	public boolean reopens() {
		return this == CLOSED;
	}
}
