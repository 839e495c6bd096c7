package org.simpul.shared.workflow;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes what an aggregate registered, in the transaction that saved it, through Spring Modulith's event
 * publication registry: listeners in the same transaction ({@code @EventListener}) see the change at once;
 * asynchronous ones ({@code @ApplicationModuleListener}) are stored with the change and run after the commit,
 * resubmitted until they complete.
 */
@Component
public class DomainEvents {

	private final ApplicationEventPublisher publisher;

	DomainEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/** Publishes and forgets the events {@code aggregate} registered; the caller's transaction must be open. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(AggregateRoot aggregate) {
		aggregate.takeEvents().forEach(publisher::publishEvent);
	}

	/** Publishes one event that a set-based statement stands for (an escalation scan, an import). */
	@Transactional(propagation = Propagation.MANDATORY)
	public void publish(Object event) {
		publisher.publishEvent(event);
	}
}
