package org.simpul.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Territory;
import org.simpul.directory.PuskesosDirectory;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.database.WorkScope;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a citizen sees with a ticket number and its tracking code: the status and its steps, in plain
 * Bahasa Indonesia, and nothing personal. A wrong number and a wrong code give the same 404; the tracking
 * code is compared by its hash.
 */
@Service
public class PublicTracking {

	public record Step(ComplaintStatus status, Instant at) {
	}

	/**
	 * {@code outcome}: what the agency or the case recorded when the complaint was resolved or closed (on the page
 * only: free text may name people, and the API promises integrators no personal data);
	 * {@code contact}: the Puskesos of the complaint's village (or its sub-district) to ask, with its region.
	 */
	public record Tracking(String ticketNumber, ComplaintStatus status, String statusLabel, Instant lastUpdated,
			List<Step> steps, @com.fasterxml.jackson.annotation.JsonIgnore String outcome, Contact contact,
			RegistryUpdate registryUpdate, Reactivation reactivation) {
	}

	/**
	 * The PBI-JK reactivation request the complaint led to: its status code and label (the segment's when the person
	 * was moved to another one) and when it was reached; no personal data.
	 */
	public record Reactivation(String status, String statusLabel, Instant at) {
	}

	/**
	 * The registry update (usulan) the complaint led to, when its subject was not in the registry: its status
	 * code, label and when it was reached; no personal data.
	 */
	public record RegistryUpdate(String status, String statusLabel, Instant at) {
	}

	/** Where the citizen asks in person. */
	public record Contact(String name, String regionName) {
	}

	private static final Locale INDONESIAN = Locale.of("id");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final PuskesosDirectory puskesos;

	private final ComplaintRegistryUpdates registryUpdates;

	private final ComplaintReactivations reactivations;

	PublicTracking(JdbcClient jdbc, MessageSource messages, PuskesosDirectory puskesos,
			ComplaintRegistryUpdates registryUpdates, ComplaintReactivations reactivations) {
		this.reactivations = reactivations;
		this.registryUpdates = registryUpdates;
		this.jdbc = jdbc;
		this.messages = messages;
		this.puskesos = puskesos;
	}

	public Tracking track(String ticketNumber, String trackingCode) {
		String code = TrackingCodes.canonical(trackingCode);
		String ticket = ticketNumber == null ? "" : ticketNumber.strip();
		record Found(UUID id, String ticketNumber, ComplaintStatus status, Instant updatedAt, String villageCode,
				String outcome) {
		}
		// the citizen's page: whoever asks, signed in or not, finds the one complaint the code opens
		Found found = code.isEmpty() || ticket.isEmpty() || ticket.length() > 40 ? null
				: WorkScope.everywhere(() -> jdbc.sql("""
						select id, ticket_number, status, updated_at, village_code, outcome from complaint
						where ticket_number = :ticket and tracking_code_hash = :hash""")
					.param("ticket", ticket)
					.param("hash", TrackingCodes.hash(code))
					.query(Found.class)
					.optional()
					.orElse(null));
		if (found == null) {
			throw new NotFoundException("Complaint");
		}
		List<Step> steps = jdbc.sql("select status, at from complaint_step where complaint_id = :id order by at, id")
			.param("id", found.id())
			.query(Step.class)
			.list();
		Instant last = steps.isEmpty() ? found.updatedAt() : steps.getLast().at();
		boolean done = found.status() == ComplaintStatus.RESOLVED || found.status() == ComplaintStatus.CLOSED;
		RegistryUpdate update = registryUpdates.of(found.id())
			.map(u -> new RegistryUpdate(u.status(), messages.getMessage("usulan.status." + u.status(), null, INDONESIAN),
					u.at()))
			.orElse(null);
		return new Tracking(found.ticketNumber(), found.status(),
				messages.getMessage("complaint.status." + found.status().name(), null, INDONESIAN), last, steps,
				done ? found.outcome() : null, contact(found.villageCode()), update,
				reactivations.of(found.id()).map(r -> new Reactivation(r.status(), reactivationLabel(r.status(), r.segment()),
						r.at())).orElse(null));
	}

	/** How a reactivation's status reads to the citizen: the segment's name when moved to another one. */
	String reactivationLabel(String status, String segment) {
		return messages.getMessage(segment != null ? "pbi.segment." + segment : "pbi.status." + status, null, INDONESIAN);
	}

	/** The Puskesos of the village, else of its sub-district: the nearest place to ask about the complaint. */
	private Contact contact(String villageCode) {
		for (String region : List.of(villageCode, villageCode.substring(0, Math.min(8, villageCode.length())))) {
			Optional<Contact> found = WorkScope.everywhere(
					() -> puskesos.within(Territory.of(region)))
				.stream()
				.filter(p -> p.regionCode().equals(region))
				.findFirst()
				.map(p -> new Contact(p.name(), p.regionName()));
			if (found.isPresent()) {
				return found.get();
			}
		}
		return null;
	}
}
