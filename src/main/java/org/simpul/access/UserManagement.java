package org.simpul.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and changing users, for administrators and district managers. A manager acts only on users
 * whose territory lies inside their own (others answer 404) and never gives a territory outside it;
 * nobody gives a role they may not give (403).
 */
@Service
class UserManagement {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UserManagement.class);

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

	private final UserAccounts accounts;

	private final LoginStates loginStates;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final RegionCatalog regions;

	private final JdbcClient jdbc;

	private final Clock clock;

	UserManagement(UserAccounts accounts, LoginStates loginStates, ApiTokens tokens, PasswordEncoder passwords,
			PasswordPolicy policy, RegionCatalog regions, JdbcClient jdbc, Clock clock) {
		this.accounts = accounts;
		this.loginStates = loginStates;
		this.tokens = tokens;
		this.passwords = passwords;
		this.policy = policy;
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An account to create; {@code id} is the client's choice, or null for a new one. */
	record NewUser(UUID id, String username, String password, String displayName, Role role, String regionCode) {
	}

	record UserChange(String displayName, Role role, String regionCode) {
	}

	@Transactional
	UserView create(CurrentUser actor, NewUser request) {
		String username = AccountAuthenticator.normalise(request.username());
		List<FieldProblem> problems = new ArrayList<>();
		if (!USERNAME.matcher(username).matches()) {
			problems.add(FieldProblem.of("username", "USERNAME_INVALID"));
		}
		policy.violation(request.password(), username).ifPresent(code -> problems.add(FieldProblem.of("password", code)));
		checkDisplayName(request.displayName(), problems);
		if (request.role() == null) {
			problems.add(FieldProblem.of("role", "REQUIRED"));
		}
		Territory territory = territory(request.regionCode(), request.role(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		requireAssignable(actor, request.role());
		requireCovered(actor, territory);
		if (accounts.findByUsername(username).isPresent()) {
			throw new ConflictException(FieldProblem.of("username", "USERNAME_TAKEN"));
		}
		UserAccount account = UserAccount.create(ClientIds.orNew(request.id()), username, request.displayName().strip(),
				passwords.encode(request.password()), request.role(), territory, clock.instant());
		try {
			UserView created = UserView.of(accounts.save(account));
			event("user-created", actor, created);
			return created;
		}
		catch (DuplicateKeyException ex) {
			if (ClientIds.taken(ex)) {
				throw ClientIds.conflict();
			}
			throw new ConflictException(FieldProblem.of("username", "USERNAME_TAKEN"));
		}
	}

	UserView find(CurrentUser actor, UUID id) {
		return UserView.of(visible(actor, id));
	}

	PageResponse<UserView> list(CurrentUser actor, String text, PageRequest page) {
		String where = " where in_territory(region_code) and role in (:roles)"
				+ " and (cast(:text as text) is null or username like :text or lower(display_name) like :text)";
		List<String> roles = actor.role().assignableRoles().stream().map(Role::name).toList();
		String like = text == null || text.isBlank() ? null
				: "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		long total = actor.territory().sql(jdbc, "select count(*) from app_user" + where)
			.param("roles", roles)
			.param("text", like)
			.query(Long.class)
			.single();
		List<UUID> ids = actor.territory()
			.sql(jdbc, "select id from app_user" + where + " order by username limit :limit offset :offset")
			.param("roles", roles)
			.param("text", like)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(UUID.class)
			.list();
		List<UserView> content = new ArrayList<>();
		accounts.findAllById(ids).forEach(account -> content.add(UserView.of(account)));
		content.sort(Comparator.comparing(UserView::username));
		return PageResponse.of(content, page, total);
	}

	@Transactional
	UserView change(CurrentUser actor, UUID id, String ifMatch, UserChange change) {
		UserAccount account = visible(actor, id);
		PreconditionFailedException.check(ifMatch, account.version());
		List<FieldProblem> problems = new ArrayList<>();
		checkDisplayName(change.displayName(), problems);
		if (change.role() == null) {
			problems.add(FieldProblem.of("role", "REQUIRED"));
		}
		Territory territory = territory(change.regionCode(), change.role(), problems);
		if (actor.id().equals(id) && (change.role() != account.role() || !territory.equals(account.territory()))) {
			problems.add(FieldProblem.of("role", "CANNOT_CHANGE_OWN_ACCESS"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (change.role() != account.role()) {
			requireAssignable(actor, change.role());
		}
		requireCovered(actor, territory);
		account.change(change.displayName().strip(), change.role(), territory, clock.instant());
		UserView saved = UserView.of(accounts.save(account));
		tokens.revokeAll(id);
		event("user-changed", actor, saved);
		return saved;
	}

	@Transactional
	UserView deactivate(CurrentUser actor, UUID id) {
		if (actor.id().equals(id)) {
			throw new InvalidInputException(FieldProblem.of("id", "CANNOT_DEACTIVATE_SELF"));
		}
		UserAccount account = visible(actor, id);
		if (account.isActive()) {
			account.deactivate(clock.instant());
			account = accounts.save(account);
			event("user-deactivated", actor, UserView.of(account));
		}
		tokens.revokeAll(id);
		return UserView.of(account);
	}

	@Transactional
	UserView activate(CurrentUser actor, UUID id) {
		UserAccount account = visible(actor, id);
		if (!account.isActive()) {
			account.activate(clock.instant());
			account = accounts.save(account);
			event("user-activated", actor, UserView.of(account));
		}
		return UserView.of(account);
	}

	@Transactional
	UserView resetPassword(CurrentUser actor, UUID id, String password) {
		UserAccount account = visible(actor, id);
		policy.violation(password, account.username()).ifPresent(code -> {
			throw new InvalidInputException(FieldProblem.of("password", code));
		});
		account.changePassword(passwords.encode(password), clock.instant());
		// open page sessions of this user end at their next request (SessionGuardFilter)
		UserView saved = UserView.of(accounts.save(account));
		loginStates.unlock(id);
		tokens.revokeAll(id);
		event("password-reset", actor, saved);
		return saved;
	}

	/**
	 * The user, if the actor may manage them (inside the actor's territory, with a role the actor may give);
	 * otherwise the user does not exist for the actor.
	 */
	/**
	 * Clears a user's authenticator, for one who lost the phone it was on (ASVS V6.4.4): the next page login
	 * asks for a new enrolment, the token endpoint refuses the password alone until then, and the user's open
	 * sessions and tokens end. Not one's own: another administrator or manager must do it.
	 */
	@Transactional
	UserView resetSecondFactor(CurrentUser actor, UUID id) {
		if (actor.id().equals(id)) {
			throw new InvalidInputException(FieldProblem.of("id", "CANNOT_RESET_OWN_SECOND_FACTOR"));
		}
		visible(actor, id);
		// the sessions end at their next request, as after a password reset (SessionGuardFilter)
		jdbc.sql("""
				update app_user set totp_secret = null, totp_enrolled_at = null, totp_last_step = null,
				       password_changed_at = :now, version = version + 1
				where id = :id""")
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update();
		tokens.revokeAll(id);
		UserView reset = UserView.of(accounts.findById(id).orElseThrow());
		event("second-factor-reset", actor, reset);
		return reset;
	}

	private UserAccount visible(CurrentUser actor, UUID id) {
		return accounts.findById(id)
			.filter(account -> actor.territory().covers(account.territory()))
			.filter(account -> actor.role().assignableRoles().contains(account.role()))
			.orElseThrow(() -> new NotFoundException("User"));
	}

	private void requireAssignable(CurrentUser actor, Role role) {
		if (!actor.role().assignableRoles().contains(role)) {
			throw new AccessDeniedException("Role " + role + " may not be given by " + actor.role());
		}
	}

	private void requireCovered(CurrentUser actor, Territory territory) {
		if (!actor.territory().covers(territory)) {
			throw new NotFoundException("Region");
		}
	}

	private Territory territory(String regionCode, Role role, List<FieldProblem> problems) {
		if (regionCode == null || regionCode.isBlank()) {
			if (role != null && role != Role.ADMIN && role != Role.DPO && role != Role.VIEWER
					&& role != Role.PROGRAM_MANAGER) {
				problems.add(FieldProblem.of("regionCode", "REQUIRED"));
			}
			return Territory.NATIONAL;
		}
		if (role == Role.ADMIN) {
			problems.add(FieldProblem.of("regionCode", "ADMIN_IS_NATIONAL"));
			return Territory.NATIONAL;
		}
		Optional<RegionCode> code = RegionCode.parse(regionCode.strip());
		if (code.isEmpty() || !regions.exists(code.get())) {
			problems.add(FieldProblem.of("regionCode", "REGION_UNKNOWN"));
			return Territory.NATIONAL;
		}
		return new Territory(code.get());
	}

	private static void checkDisplayName(String displayName, List<FieldProblem> problems) {
		if (displayName == null || displayName.isBlank()) {
			problems.add(FieldProblem.of("displayName", "REQUIRED"));
		}
		else if (displayName.strip().length() > 100) {
			problems.add(FieldProblem.of("displayName", "LENGTH_OUT_OF_RANGE"));
		}
	}

	/**
	 * User administration is a security event (ASVS V16.3.3): who did what to which account, with the role and
	 * territory it has now; never a password.
	 */
	private static void event(String what, CurrentUser actor, UserView user) {
		log.info("SECURITY {} account={} role={} territory={} by={}", what, user.id(), user.role(),
				user.regionCode() == null ? "ID" : user.regionCode(), actor.id());
	}
}
