package org.simpul.complaint;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a complaint stands, as the citizen's tracking page names it, and where it may go from there: the one
 * table of its workflow. A complaint moves forward as its case does, never backwards, and may skip steps (a
 * complaint referred before any assessment); a closed one goes back into work only when its case is reopened.
 */
public enum ComplaintStatus {
	RECEIVED, ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED;

	private static final Map<ComplaintStatus, Set<ComplaintStatus>> FORWARD = new EnumMap<>(Map.of(
			RECEIVED, EnumSet.of(ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED),
			ASSESSED, EnumSet.of(REFERRED, IN_PROGRESS, RESOLVED, CLOSED),
			REFERRED, EnumSet.of(IN_PROGRESS, RESOLVED, CLOSED),
			IN_PROGRESS, EnumSet.of(RESOLVED, CLOSED),
			RESOLVED, EnumSet.of(CLOSED),
			CLOSED, EnumSet.noneOf(ComplaintStatus.class)));

	/** Whether a complaint standing here moves forward to {@code next} (where it is, or behind, it stays). */
	public boolean advancesTo(ComplaintStatus next) {
		return FORWARD.get(this).contains(next);
	}

	/** Whether a reopened case takes the complaint back into work (IN_PROGRESS): only from CLOSED. */
	public boolean reopens() {
		return this == CLOSED;
	}
}
