package org.simpul.complaint;

/** How a complaint reached the desk (walk-in, outreach, phone, a PSM's report...). */
public enum Channel {
	WALK_IN, OUTREACH, PHONE, COMPLAINT_APP, REFERRAL_IN
}
