package org.simpul.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Users as other modules may look them up: by username or id, for the demo world and for memberships. */
@Service
public class UserLookup {

	private static final String COLUMNS = "select id, username, display_name, role, region_code, active from app_user";

	private final JdbcClient jdbc;

	UserLookup(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A user as another module may know them; {@code territory} is where they work. */
	public record Found(UUID id, String username, String displayName, Role role, Territory territory, boolean active) {
	}

	/** The user named {@code username} (case-insensitive), if there is one. */
	public Optional<Found> byUsername(String username) {
		return jdbc.sql(COLUMNS + " where username = lower(:username)").param("username", username)
			.query(UserLookup::found).optional();
	}

	public Optional<Found> byId(UUID id) {
		return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(UserLookup::found).optional();
	}

	private static Found found(ResultSet rs, int row) throws SQLException {
		return new Found(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), Territory.of(rs.getString("region_code")), rs.getBoolean("active"));
	}
}
