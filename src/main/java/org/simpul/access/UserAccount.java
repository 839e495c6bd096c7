package org.simpul.access;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A user of Simpul: a login name, a role and one territory. Login counters live apart in
 * {@code login_state}, so that failed logins never collide with an administrator's edit.
 */
@Table("app_user")
class UserAccount {

	@Id
	private final UUID id;

	@Version
	private Integer version;

	private final String username;

	private String displayName;

	private String passwordHash;

	private Role role;

	private String regionCode;

	private boolean active;

	private final Instant createdAt;

	private Instant updatedAt;

	private Instant passwordChangedAt;

	@PersistenceCreator
	UserAccount(UUID id, Integer version, String username, String displayName, String passwordHash, Role role,
			String regionCode, boolean active, Instant createdAt, Instant updatedAt, Instant passwordChangedAt) {
		this.id = id;
		this.version = version;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.regionCode = regionCode;
		this.active = active;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.passwordChangedAt = passwordChangedAt;
	}

	static UserAccount create(UUID id, String username, String displayName, String passwordHash, Role role,
			Territory territory, Instant now) {
		return new UserAccount(id, null, username, displayName, passwordHash, role, territory.value(),
				true, now, now, now);
	}

	void change(String displayName, Role role, Territory territory, Instant now) {
		this.displayName = displayName;
		this.role = role;
		this.regionCode = territory.value();
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
		this.passwordChangedAt = now;
	}

	void deactivate(Instant now) {
		this.active = false;
		this.updatedAt = now;
	}

	void activate(Instant now) {
		this.active = true;
		this.updatedAt = now;
	}

	CurrentUser asCurrentUser() {
		return new CurrentUser(id, username, displayName, role, territory());
	}

	Territory territory() {
		return Territory.of(regionCode);
	}

	UUID id() {
		return id;
	}

	int version() {
		return version == null ? 0 : version;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	Role role() {
		return role;
	}

	boolean isActive() {
		return active;
	}

	Instant createdAt() {
		return createdAt;
	}

	Instant passwordChangedAt() {
		return passwordChangedAt;
	}
}
