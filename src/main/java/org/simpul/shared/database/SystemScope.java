package org.simpul.shared.database;

import java.util.function.Supplier;

/**
 * Work that serves nobody's territory though a user may be signed in: the public pages that find one record
 * by a secret code (a complaint's tracking code, a letter's verification code), whoever asks. The database
 * connections taken inside {@link #call} serve {@link DatabaseScope#EVERYWHERE}. Each use is a reviewed
 * exception to row-level security (ADR 0008); it must not run inside a transaction begun outside it.
 */
public final class SystemScope {

	private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

	private SystemScope() {
	}

	public static <T> T call(Supplier<T> work) {
		Boolean before = ACTIVE.get();
		ACTIVE.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				ACTIVE.remove();
			}
		}
	}

	static boolean active() {
		return ACTIVE.get() != null;
	}
}
