package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.simpul.shared.events.ReactivationEvent;
import org.simpul.shared.events.ReactivationEvent.ReactivationDecided;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the PBI-JK reactivation request a health complaint led to: each of its steps, published by the PBI
 * module, becomes the complaint's reactivation status in the same transaction, which the citizen's tracking shows
 * beside the complaint's own (the answer is also sent to the citizen, by {@link StatusNotifications}).
 */
@Component
class ComplaintReactivations {

	/** A reactivation's status as the tracking shows it: the status, the segment when moved, when it was reached. */
	record Reactivation(String status, String segment, Instant at) {
	}

	private final JdbcClient jdbc;

	ComplaintReactivations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(ReactivationEvent event) {
		if (event.complaintId() == null) {
			return;
		}
		jdbc.sql("""
				insert into complaint_reactivation (complaint_id, status, segment, updated_at)
				select id, :status, :segment, :at from complaint where id = :complaint
				on conflict (complaint_id) do update set status = excluded.status, segment = excluded.segment,
				    updated_at = excluded.updated_at""")
			.param("complaint", event.complaintId())
			.param("status", event.status())
			.param("segment", event instanceof ReactivationDecided decided ? decided.segment() : null)
			.param("at", Timestamp.from(event.at()))
			.update();
	}

	/** Where the complaint's reactivation request stands, if it led to one. */
	Optional<Reactivation> of(UUID complaintId) {
		return jdbc.sql("select status, segment, updated_at from complaint_reactivation where complaint_id = :id")
			.param("id", complaintId)
			.query((rs, n) -> new Reactivation(rs.getString("status"), rs.getString("segment"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}
}
