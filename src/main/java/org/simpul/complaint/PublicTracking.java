package org.simpul.complaint;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.simpul.shared.NotFoundException;
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

	public record Tracking(String ticketNumber, ComplaintStatus status, String statusLabel, Instant lastUpdated,
			List<Step> steps) {
	}

	private static final Locale INDONESIAN = Locale.of("id");

	private final JdbcClient jdbc;

	private final MessageSource messages;

	PublicTracking(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	public Tracking track(String ticketNumber, String trackingCode) {
		String code = TrackingCodes.canonical(trackingCode);
		String ticket = ticketNumber == null ? "" : ticketNumber.strip();
		record Found(UUID id, String ticketNumber, ComplaintStatus status, Instant updatedAt) {
		}
		// the citizen's page: whoever asks, signed in or not, finds the one complaint the code opens
		Found found = code.isEmpty() || ticket.isEmpty() || ticket.length() > 40 ? null
				: org.simpul.shared.database.WorkScope.everywhere(() -> jdbc.sql("""
						select id, ticket_number, status, updated_at from complaint
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
		return new Tracking(found.ticketNumber(), found.status(),
				messages.getMessage("complaint.status." + found.status().name(), null, INDONESIAN), last, steps);
	}
}
