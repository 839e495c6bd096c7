package org.simpul.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password for both the login page and the token endpoint, so that both count
 * towards the same lockout. A locked account is refused before its password is even looked at.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(AccountAuthenticator.class);

	private final UserAccounts accounts;

	private final LoginStates loginStates;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String dummyHash;

	AccountAuthenticator(UserAccounts accounts, LoginStates loginStates, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.loginStates = loginStates;
		this.passwords = passwords;
		this.clock = clock;
		this.dummyHash = passwords.encode("a password nobody has, for constant-time refusals");
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String username = normalise(authentication.getName());
		String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
		Instant now = clock.instant();
		Optional<UserAccount> found = accounts.findByUsername(username);
		if (found.isEmpty()) {
			passwords.matches(password, dummyHash); // same work as a real check, so timing tells nothing
			throw new BadCredentialsException("Bad credentials");
		}
		UserAccount account = found.get();
		if (loginStates.of(account.id()).isLocked(now)) {
			log.warn("Login refused: account {} is locked", account.id());
			throw new LockedException("Locked");
		}
		if (!passwords.matches(password, account.passwordHash())) {
			LoginState state = loginStates.recordFailure(account.id(), now);
			if (state.isLocked(now)) {
				log.warn("Account {} locked after {} failed logins", account.id(), state.failures());
			}
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.isActive()) {
			throw new DisabledException("Deactivated");
		}
		loginStates.recordSuccess(account.id(), now);
		return authenticated(account.asCurrentUser());
	}

	static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

	static String normalise(String username) {
		return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
