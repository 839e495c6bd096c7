package org.simpul.access;

import java.util.function.Predicate;

/**
 * One link of the page navigation, contributed as a bean by the module whose pages it leads to: where it
 * goes, its label's message key, its place among the others ({@code order}, lowest first) and to whom it is
 * shown (asking the access policy, like the pages behind it). The shell lists the entries the signed-in user
 * may use.
 */
public record NavigationEntry(int order, String path, String labelKey, Predicate<CurrentUser> shownTo) {

	/** An entry every signed-in user sees. */
	public static NavigationEntry forEveryone(int order, String path, String labelKey) {
		return new NavigationEntry(order, path, labelKey, user -> true);
	}

	/** An entry shown to the roles that may take {@code action}. */
	public static NavigationEntry forAction(int order, String path, String labelKey, Action action) {
		return new NavigationEntry(order, path, labelKey, user -> user.may(action));
	}
}
