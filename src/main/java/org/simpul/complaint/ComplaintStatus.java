package org.simpul.complaint;

/** Where a complaint stands, as the citizen's tracking page names it. */
public enum ComplaintStatus {
	RECEIVED, ASSESSED, REFERRED, IN_PROGRESS, RESOLVED, CLOSED
}
