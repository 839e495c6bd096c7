package org.simpul.access;

import java.util.List;

/**
 * What waits for the signed-in user, shown on the home page: each module that has work for people contributes
 * its own counts (today's complaints, assessments due, referrals to decide, overdue or arrived), with a link to
 * the list that holds them. Access cannot depend on those modules; they implement this.
 */
public interface HomeWork {

	/** A count of waiting work, named by a message key with the count as {0}, and where to see it. */
	record Item(String messageKey, long count, String link) {
	}

	/** The work waiting for {@code user} in their territory (items with nothing waiting may be left out). */
	List<Item> itemsFor(CurrentUser user);
}
