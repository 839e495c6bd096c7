package org.simpul.complaint;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import org.simpul.shared.events.CaseEvent.AssessmentRecorded;
import org.simpul.shared.events.CaseEvent.CaseClosed;
import org.simpul.shared.events.CaseEvent.CaseReopened;
import org.simpul.shared.events.ReferralEvent.ReferralAccepted;
import org.simpul.shared.events.ReferralEvent.ReferralCompleted;
import org.simpul.shared.events.ReferralEvent.ReferralSent;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Moves a complaint forward as its case does (assessed, referred, in progress, resolved, closed), by listening
 * to what the modules that do the work publish, in the transaction of their change: a step on its timeline,
 * the status the citizen tracks, and a status message through the outbox. Never backwards, but for a closed
 * case reopened: a complaint already further along stays where it is.
 */
@Service
class ComplaintProgress {

	private final ComplaintStore store;

	private final DomainEvents events;

	private final Clock clock;

	ComplaintProgress(ComplaintStore store, DomainEvents events, Clock clock) {
		this.store = store;
		this.events = events;
		this.clock = clock;
	}

	/** An assessment was recorded: the complaint is ASSESSED (if it was not further along). */
	@EventListener
	void on(AssessmentRecorded assessed) {
		change(assessed.complaintId(), complaint -> complaint.assessed(assessed.by(), clock.instant()));
	}

	/** The case was closed: the complaint is CLOSED, with the case's outcome. */
	@EventListener
	void on(CaseClosed closed) {
		change(closed.complaintId(), complaint -> complaint.close(closed.outcome(), closed.by(), clock.instant()));
	}

	/** The case was reopened: a closed complaint goes back into work. */
	@EventListener
	void on(CaseReopened reopened) {
		change(reopened.complaintId(), complaint -> complaint.reopen(reopened.by(), clock.instant()));
	}

	/** A referral was sent: the complaint is REFERRED. */
	@EventListener
	void on(ReferralSent sent) {
		change(sent.complaintId(), complaint -> complaint.referred(sent.by(), clock.instant()));
	}

	/** The agency accepted the referral: the complaint is IN_PROGRESS. */
	@EventListener
	void on(ReferralAccepted accepted) {
		change(accepted.complaintId(), complaint -> complaint.taken(accepted.by(), clock.instant()));
	}

	/** The agency completed the referral: the complaint is RESOLVED, with the agency's outcome. */
	@EventListener
	void on(ReferralCompleted completed) {
		change(completed.complaintId(),
				complaint -> complaint.resolve(completed.outcome(), completed.by(), clock.instant()));
	}

	/** Load under the lock, decide, save, publish: in the transaction of the change heard. */
	private void change(UUID complaintId, Consumer<Complaint> decision) {
		Complaint complaint = store.lock(complaintId).orElseThrow();
		decision.accept(complaint);
		store.save(complaint);
		events.publish(complaint);
	}
}
