package org.simpul.registry;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household's history: every registration, change, move and departure as a row of {@code registry_change}
 * (who, when, from where, each field before and after), and, for everything after the registration itself,
 * a {@link HouseholdEvent.HouseholdChanged} published in the same transaction. One writer for the form, the
 * API, the edits and the membership changes.
 */
@Component
class HouseholdHistory {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DomainEvents events;

	HouseholdHistory(JdbcClient jdbc, JsonMapper json, DomainEvents events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/** Writes one history row; a change other than the registration is also published. */
	void record(UUID householdId, UUID personId, CurrentUser actor, String source, String action,
			Map<String, Object> changes, Instant now) {
		jdbc.sql("""
				insert into registry_change (household_id, person_id, changed_at, changed_by, source, action, changes)
				values (:household, :person, :now, :by, :source, :action, cast(:changes as jsonb))""")
			.param("household", householdId)
			.param("person", personId)
			.param("now", Timestamp.from(now))
			.param("by", actor.id())
			.param("source", source)
			.param("action", action)
			.param("changes", json.writeValueAsString(changes))
			.update();
		if (!"CREATED".equals(action)) {
			events.publish(new HouseholdEvent.HouseholdChanged(householdId, personId, action, source, actor.id(), now));
		}
	}
}
