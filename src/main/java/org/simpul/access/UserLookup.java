package org.simpul.access;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Users as other modules may look them up: by username, for the demo world and for integrations. */
@Service
public class UserLookup {

	private final JdbcClient jdbc;

	UserLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The id and role of the user named {@code username} (case-insensitive), if there is one. */
	public Optional<Found> byUsername(String username) {
		return jdbc.sql("select id, role from app_user where username = lower(:username)")
			.param("username", username)
			.query((rs, row) -> new Found(rs.getObject("id", UUID.class), Role.valueOf(rs.getString("role"))))
			.optional();
	}

	public record Found(UUID id, Role role) {
	}
}
