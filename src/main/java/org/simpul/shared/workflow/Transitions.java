package org.simpul.shared.workflow;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of a workflow: from each status, the statuses it may move to. A status enum builds its table
 * once ({@code Transitions.of(Status.class).allow(SENT, ACCEPTED, REJECTED)…}) and answers from it; every
 * later workflow (usulan, reactivation request, outreach, distribution) declares its moves the same way. A
 * status with no move out is final.
 *
 * @param <S> the status enum
 */
public final class Transitions<S extends Enum<S>> {

	private final Class<S> type;

	private final Map<S, Set<S>> next;

	private Transitions(Class<S> type, Map<S, Set<S>> next) {
		this.type = type;
		this.next = next;
	}

	/** A table without moves yet: every status final until {@link #allow} says otherwise. */
	public static <S extends Enum<S>> Transitions<S> of(Class<S> type) {
		Map<S, Set<S>> next = new EnumMap<>(type);
		for (S status : type.getEnumConstants()) {
			next.put(status, EnumSet.noneOf(type));
		}
		return new Transitions<>(type, next);
	}

	/** This table with the moves from {@code from} to each of {@code to} allowed too. */
	@SafeVarargs
	public final Transitions<S> allow(S from, S... to) {
		Map<S, Set<S>> more = new EnumMap<>(type);
		next.forEach((status, targets) -> more.put(status, EnumSet.copyOf(targets)));
		for (S target : to) {
			more.get(from).add(target);
		}
		return new Transitions<>(type, more);
	}

	/** Whether a record standing at {@code from} may move to {@code to}. */
	public boolean allows(S from, S to) {
		return next.get(from).contains(to);
	}

	/** Where a record standing at {@code from} may go. */
	public Set<S> from(S from) {
		return Collections.unmodifiableSet(next.get(from));
	}

	/** Whether nothing moves out of {@code status}: the record is done. */
	public boolean isFinal(S status) {
		return next.get(status).isEmpty();
	}
}
