package org.simpul.shared.database;

import java.util.function.Supplier;

/**
 * Database scope for work that is not the signed-in user's own (ADR 0008). The connections taken inside
 * {@link #everywhere} or {@link #within} serve that scope instead of the user's:
 * <ul>
 * <li>{@code everywhere}: the public pages that find one record by a secret code (a complaint's tracking
 * code, a letter's verification code), whoever asks, signed in or not. Each use is a reviewed exception to
 * row-level security.</li>
 * <li>{@code within}: background work done for someone, such as a registry import bound to its uploader's
 * territory, so that the policies hold for it as they would for the uploader.</li>
 * </ul>
 * Neither may run inside a transaction begun outside it: that transaction's connection keeps its scope.
 */
public final class WorkScope {

	private static final ThreadLocal<String> OVERRIDE = new ThreadLocal<>();

	private WorkScope() {
	}

	public static <T> T everywhere(Supplier<T> work) {
		return within(DatabaseScope.EVERYWHERE, work);
	}

	/** {@code territory}: a region code, or {@link DatabaseScope#EVERYWHERE}. */
	public static <T> T within(String territory, Supplier<T> work) {
		String before = OVERRIDE.get();
		OVERRIDE.set(territory);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				OVERRIDE.remove();
			}
			else {
				OVERRIDE.set(before);
			}
		}
	}

	/**
	 * Runs {@code work} on the connection of the transaction in progress with the scope widened to everywhere,
	 * then narrows it back: for upkeep that must reach every row however it came about, such as moving the
	 * complaints of a merged person, wherever they were filed, to the person kept. The widening is local to
	 * the transaction and undone right after the work (and at its end in any case).
	 */
	public static <T> T everywhereInThisTransaction(org.springframework.jdbc.core.simple.JdbcClient jdbc,
			Supplier<T> work) {
		String before = jdbc.sql("select current_setting('simpul.territory', true)").query(String.class).single();
		jdbc.sql("select set_config('simpul.territory', '*', true)").query(String.class).single();
		try {
			return work.get();
		}
		finally {
			jdbc.sql("select set_config('simpul.territory', :before, true)").param("before", before == null ? "" : before)
				.query(String.class)
				.single();
		}
	}

	/** The scope set by the innermost {@link #within} on this thread, or null. */
	static String current() {
		return OVERRIDE.get();
	}
}
