package org.simpul.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.simpul.shared.web.FormTokens;
import org.simpul.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a page session after thirty idle minutes or twelve hours in all, a working day however busy (measured
 * on the application clock, so tests can move time), and at once when the user was deactivated, their role or territory changed, or their password was
 * reset after the session began: the session must never carry rights the user no longer has.
 */
class SessionGuardFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

	/** The longest a page session lives, active or not (ASVS V7.3.2): then the password again. */
	static final Duration ABSOLUTE_TIMEOUT = Duration.ofHours(12);

	static final String LAST_SEEN = SessionGuardFilter.class.getName() + ".lastSeen";

	static final String STARTED = SessionGuardFilter.class.getName() + ".started";

	private final UserAccounts accounts;

	private final Clock clock;

	private final FormDrafts drafts;

	SessionGuardFilter(UserAccounts accounts, Clock clock, FormDrafts drafts, ProblemWriter problems) {
		this.problems = problems;
		this.accounts = accounts;
		this.clock = clock;
		this.drafts = drafts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			Instant now = clock.instant();
			Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
			boolean idle = lastSeen != null && Duration.between(lastSeen, now).compareTo(IDLE_TIMEOUT) > 0;
			Instant started = (Instant) session.getAttribute(STARTED);
			if (started == null) {
				started = now;
				session.setAttribute(STARTED, now);
			}
			Instant sessionStart = started;
			boolean expired = Duration.between(started, now).compareTo(ABSOLUTE_TIMEOUT) > 0;
			boolean stale = !accounts.findById(user.id())
				.filter(UserAccount::isActive)
				.filter(account -> !account.passwordChangedAt().isAfter(sessionStart))
				.map(UserAccount::asCurrentUser)
				.map(fresh -> fresh.role() == user.role() && fresh.territory().equals(user.territory()))
				.orElse(false);
			if (idle || expired || stale) {
				Set<String> issued = FormTokens.issued(session);
				session.invalidate();
				SecurityContextHolder.clearContext();
				if (EndedSessions.fieldApi(request)) {
					// the field app's outbox keeps its record and asks for a login: nothing is kept here
					problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
					return;
				}
				// a form posted now is kept for the user, who finds it after logging in again
				boolean kept = drafts.keep(user.id(), request, issued);
				EndedSessions.redirect(request, response, FormDrafts.loginAfterEnd(request, kept));
				return;
			}
			session.setAttribute(LAST_SEEN, now);
		}
		chain.doFilter(request, response);
	}
}
