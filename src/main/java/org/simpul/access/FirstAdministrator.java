package org.simpul.access;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an external database gets its first administrator: start once with
 * {@code SIMPUL_BOOTSTRAP_ADMIN_USERNAME} and {@code SIMPUL_BOOTSTRAP_ADMIN_PASSWORD} set. The account is
 * created only while no administrator exists, so leaving the variables set later changes nothing; remove
 * them after the first start. A password that breaks the policy stops the start with a clear message.
 */
@Component
class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccounts accounts;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final Clock clock;

	private final String username;

	private final String password;

	FirstAdministrator(UserAccounts accounts, PasswordEncoder passwords, PasswordPolicy policy, Clock clock,
			@Value("${simpul.bootstrap.admin-username:}") String username,
			@Value("${simpul.bootstrap.admin-password:}") String password) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.policy = policy;
		this.clock = clock;
		this.username = AccountAuthenticator.normalise(username);
		this.password = password;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Transactional
	void createIfNone() {
		if (username.isEmpty()) {
			if (!accounts.existsByRole(Role.ADMIN)) {
				log.warn("No administrator exists. Start once with SIMPUL_BOOTSTRAP_ADMIN_USERNAME and "
						+ "SIMPUL_BOOTSTRAP_ADMIN_PASSWORD to create the first one.");
			}
			return;
		}
		if (accounts.existsByRole(Role.ADMIN)) {
			log.info("An administrator exists already; SIMPUL_BOOTSTRAP_ADMIN_* is ignored and can be removed");
			return;
		}
		policy.violation(password, username).ifPresent(code -> {
			throw new IllegalStateException("SIMPUL_BOOTSTRAP_ADMIN_PASSWORD is refused: " + code
					+ " (at least 12 characters, not a common password, not containing the username)");
		});
		if (accounts.findByUsername(username).isPresent()) {
			throw new IllegalStateException("SIMPUL_BOOTSTRAP_ADMIN_USERNAME names an existing non-admin user");
		}
		accounts.save(UserAccount.create(UUID.randomUUID(), username, "Administrator", passwords.encode(password), Role.ADMIN,
				Territory.NATIONAL, clock.instant()));
		log.info("Created the first administrator '{}'", username);
	}
}
