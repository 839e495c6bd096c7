package org.simpul.access;

import java.time.Instant;
import java.util.UUID;

/** A user as the users API shows it; never the password hash. */
public record UserView(UUID id, String username, String displayName, Role role, String regionCode, boolean active,
		Instant createdAt, int version) {

	static UserView of(UserAccount account) {
		return new UserView(account.id(), account.username(), account.displayName(), account.role(),
				account.territory().value(), account.isActive(), account.createdAt(), account.version());
	}
}
