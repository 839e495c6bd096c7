package org.simpul.shared.workflow;

import java.util.ArrayList;
import java.util.List;

/**
 * A record that guards its own rules (a referral, a complaint, a case) and notes, as it changes, the
 * past-tense events that say what happened. Its service loads it under a row lock, calls one of its
 * intention-revealing methods, saves it and publishes what it registered ({@link DomainEvents}), all in one
 * transaction: a change and its events commit together or not at all.
 */
public abstract class AggregateRoot {

	private final List<Object> events = new ArrayList<>();

	/** Notes an event for publication once this change is saved. */
	protected final void register(Object event) {
		events.add(event);
	}

	/** The events registered since the last call, in order; the aggregate forgets them. */
	public final List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}
}
