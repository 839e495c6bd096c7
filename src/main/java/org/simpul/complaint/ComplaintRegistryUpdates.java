package org.simpul.complaint;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.simpul.shared.events.UsulanEvent;
import org.simpul.shared.events.UsulanEvent.UsulanAgreed;
import org.simpul.shared.events.UsulanEvent.UsulanCorrected;
import org.simpul.shared.events.UsulanEvent.UsulanDecided;
import org.simpul.shared.events.UsulanEvent.UsulanEndorsed;
import org.simpul.shared.events.UsulanEvent.UsulanProposed;
import org.simpul.shared.events.UsulanEvent.UsulanReturned;
import org.simpul.shared.events.UsulanEvent.UsulanSent;
import org.simpul.shared.events.UsulanEvent.UsulanSubmitted;
import org.simpul.shared.events.UsulanEvent.UsulanWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the usulan a complaint led to (its subject was not in the registry): each of its steps, published by
 * the update module, becomes the complaint's registry-update status in the same transaction, which the
 * citizen's tracking shows beside the complaint's own.
 */
@Component
class ComplaintRegistryUpdates {

	/** A registry update's status as the tracking shows it: a status code and when it was reached. */
	record RegistryUpdate(String status, Instant at) {
	}

	private final JdbcClient jdbc;

	ComplaintRegistryUpdates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(UsulanEvent event) {
		if (!"COMPLAINT".equals(event.source()) || event.sourceId() == null) {
			return;
		}
		String status = switch (event) {
			case UsulanProposed proposed -> "DRAFT";
			case UsulanCorrected corrected -> corrected.status();
			case UsulanAgreed agreed -> "AGREED";
			case UsulanWithdrawn withdrawn -> "WITHDRAWN";
			case UsulanSubmitted submitted -> "SUBMITTED";
			case UsulanReturned returned -> "RETURNED";
			case UsulanEndorsed endorsed -> "ENDORSED";
			case UsulanSent sent -> "SENT";
			case UsulanDecided decided -> decided.result();
		};
		jdbc.sql("""
				insert into complaint_registry_update (complaint_id, status, updated_at)
				select id, :status, :at from complaint where id = :complaint
				on conflict (complaint_id) do update set status = excluded.status, updated_at = excluded.updated_at""")
			.param("complaint", event.sourceId())
			.param("status", status)
			.param("at", Timestamp.from(event.at()))
			.update();
	}

	/** Where the complaint's registry update stands, if it led to one. */
	Optional<RegistryUpdate> of(UUID complaintId) {
		return jdbc.sql("select status, updated_at from complaint_registry_update where complaint_id = :id")
			.param("id", complaintId)
			.query((rs, n) -> new RegistryUpdate(rs.getString("status"), rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}
}
