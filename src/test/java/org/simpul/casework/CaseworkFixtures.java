package org.simpul.casework;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Casework's fixtures for other modules' tests. */
public final class CaseworkFixtures {

	private CaseworkFixtures() {
	}

	/**
	 * Stored answers to a form for a complaint, as a submission would leave them but without the form's checks
	 * (a test that needs only some answers, such as the programmes a deep assessment suggests). Answers the
	 * assessment's id.
	 */
	public static UUID answers(JdbcClient jdbc, String complaintId, String formId, String answersJson,
			String username) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into assessment (id, complaint_id, form_id, answers, submitted_by, submitted_at)
				select :id, cast(:complaint as uuid), cast(:form as uuid), cast(:answers as jsonb), u.id, now()
				from app_user u where u.username = :username""")
			.param("id", id)
			.param("complaint", complaintId)
			.param("form", formId)
			.param("answers", answersJson)
			.param("username", username)
			.update();
		return id;
	}
}
