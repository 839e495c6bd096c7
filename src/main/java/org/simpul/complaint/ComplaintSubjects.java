package org.simpul.complaint;

import org.simpul.registry.PersonsMerged;
import org.simpul.shared.database.WorkScope;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps complaints pointing at a registry person who exists: when the registry merges two records of one
 * person, complaints about the dropped record are moved to the kept one, inside the merge's own transaction
 * (a synchronous listener), so that no complaint is left pointing at nobody.
 */
@Component
class ComplaintSubjects {

	private final JdbcClient jdbc;

	ComplaintSubjects(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(PersonsMerged merged) {
		// every complaint about the dropped record, also those filed outside the reviewer's territory
		WorkScope.everywhereInThisTransaction(jdbc, () -> jdbc
			.sql("update complaint set subject_person_id = :kept where subject_person_id = :dropped")
			.param("kept", merged.kept())
			.param("dropped", merged.dropped())
			.update());
	}
}
