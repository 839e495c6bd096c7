package org.simpul.complaint;

/** How a complaint reached the desk (DOMAIN.md §3). */
public enum Channel {
	WALK_IN, OUTREACH, PHONE, COMPLAINT_APP, REFERRAL_IN
}
