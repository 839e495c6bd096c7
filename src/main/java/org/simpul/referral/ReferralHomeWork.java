package org.simpul.referral;

import java.util.ArrayList;
import java.util.List;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.HomeWork;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.stereotype.Component;

/**
 * Referral work on the home page: for the agency, what arrived and what it accepted; for supervisors and
 * managers, recommendations to decide; for everyone who follows referrals, the overdue ones.
 */
@Component
class ReferralHomeWork implements HomeWork {

	private static final PageRequest COUNT = new PageRequest(0, 1);

	private final ReferralQueries referralQueries;

	ReferralHomeWork(ReferralQueries referralQueries) {
		this.referralQueries = referralQueries;
	}

	private long count(CurrentUser user, Referral.Status status, boolean overdue) {
		return referralQueries.list(user, status, overdue, false, COUNT).page().totalElements();
	}

	@Override
	public List<Item> itemsFor(CurrentUser user) {
		if (!Referrals.mayRead(user)) {
			return List.of();
		}
		List<Item> items = new ArrayList<>();
		if (user.may(Action.REFERRAL_RECEIVE)) {
			items.add(new Item("home.work.inbox", count(user, Referral.Status.SENT, false), "/rujukan?status=SENT"));
			items.add(new Item("home.work.toComplete", count(user, Referral.Status.ACCEPTED, false),
					"/rujukan?status=ACCEPTED"));
		}
		if (Referrals.mayDecide(user)) {
			items.add(new Item("home.work.toDecide", count(user, Referral.Status.RECOMMENDED, false),
					"/rujukan?status=RECOMMENDED"));
		}
		items.add(new Item("home.work.overdue", count(user, null, true), "/rujukan?overdue=true"));
		return items;
	}
}
