package org.simpul.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
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
 * towards the same lockout. Each attempt takes its place in the failure count before its password is
 * checked (so parallel guesses cannot outrun the lock), a locked account is refused without a check, and
 * no more than a few password hashes (19 MiB each) are computed at once, so a flood of logins cannot
 * exhaust memory: the rest wait briefly and are then refused.
 */
@Component
class AccountAuthenticator implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(AccountAuthenticator.class);

	static final int CONCURRENT_HASHES = 4;

	private final Semaphore hashing = new Semaphore(CONCURRENT_HASHES, true);

	private final UserAccounts accounts;

	private final LoginStates loginStates;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String dummyHash;

	private final SecondFactors factors;

	AccountAuthenticator(UserAccounts accounts, LoginStates loginStates, PasswordEncoder passwords, Clock clock,
			SecondFactors factors) {
		this.factors = factors;
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
		Optional<UserAccount> found = username.length() > 100 ? Optional.empty() : accounts.findByUsername(username);
		if (found.isEmpty()) {
			matches(password, dummyHash); // same work as a real check, so timing tells nothing
			// security events (ASVS V16.3.1) name the account by id; a mistyped name may be someone's password
			log.info("SECURITY login-failed reason=unknown-account");
			throw new BadCredentialsException("Bad credentials");
		}
		UserAccount account = found.get();
		LoginState before = loginStates.claimAttempt(account.id(), now);
		if (before.isLocked(now)) {
			// the same work as any other answer, so that timing does not tell a locked account from another
			matches(password, account.passwordHash());
			log.warn("Login refused: account {} is locked", account.id());
			throw new LockedException("Locked");
		}
		if (!matches(password, account.passwordHash())) {
			if (before.failed(now).isLocked(now)) {
				log.warn("Account {} locked after {} failed logins", account.id(), LoginState.MAX_FAILURES);
			}
			log.info("SECURITY login-failed account={} reason=password", account.id());
			throw new BadCredentialsException("Bad credentials");
		}
		if (!account.isActive()) {
			log.info("SECURITY login-failed account={} reason=deactivated", account.id());
			throw new DisabledException("Deactivated");
		}
		// an account with an authenticator has proved nothing yet: its count is cleared by the right code
		// (SecondFactors.verify), so that logging in again cannot reset the count of wrong codes; the right
		// password itself is no failure, though, and gives its place back (one login, one attempt)
		if (!factors.state(account.id()).enrolled()) {
			loginStates.recordSuccess(account.id(), now);
		}
		else {
			loginStates.releaseAttempt(account.id());
		}
		log.info("SECURITY login account={} role={}", account.id(), account.asCurrentUser().role());
		return authenticated(account.asCurrentUser());
	}

	private boolean matches(String password, String hash) {
		try {
			if (!hashing.tryAcquire(10, TimeUnit.SECONDS)) {
				log.warn("Login refused: too many password checks at once");
				throw new AuthenticationServiceException("Busy");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AuthenticationServiceException("Interrupted");
		}
		try {
			return passwords.matches(password, hash);
		}
		finally {
			hashing.release();
		}
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
