package org.simpul.access;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import org.simpul.shared.FieldProblem;
import org.simpul.shared.web.FormTokens;
import org.simpul.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * What happens to a page request whose session has ended (idle, twelve hours, or the server restarted):
 * the browser is sent to the login page with "Sesi Anda berakhir", and a form it posted is kept for the
 * user whose session it was ({@link FormDrafts}), who finds it after logging in again. Without this, the
 * form's security token no longer matched any session and the user saw a bare 403 and lost their work.
 *
 * <p>Which user a browser's ended session belonged to is remembered here, in memory, for
 * {@link FormDrafts#KEEP}: the session is gone, but its id still arrives in the browser's cookie.
 */
@Component
class EndedSessions implements HttpSessionListener, AccessDeniedHandler, AuthenticationEntryPoint {

	private static final int MAX_REMEMBERED = 100_000;

	private record Owner(UUID userId, Instant endedAt, Set<String> issuedTokens) {
	}

	private final Map<String, Owner> owners = new ConcurrentHashMap<>();

	private final FormDrafts drafts;

	private final Clock clock;

	private final ProblemWriter problems;

	EndedSessions(FormDrafts drafts, Clock clock, ProblemWriter problems) {
		this.drafts = drafts;
		this.clock = clock;
		this.problems = problems;
	}

	/**
	 * The field app's JSON calls ({@code /lapangan/api/}): its outbox keeps what it sends, so an ended session or
	 * a stale token is told to it as problem+json (401, or 403 with {@code CSRF_INVALID}) and nothing is kept
	 * here; the outbox asks the user to log in again and sends on.
	 */
	static boolean fieldApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/lapangan/api/");
	}

	@Override
	public void sessionDestroyed(HttpSessionEvent event) {
		Object context = event.getSession()
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		if (context instanceof SecurityContext security && security.getAuthentication() != null
				&& security.getAuthentication().getPrincipal() instanceof CurrentUser user) {
			forgetOld();
			if (owners.size() < MAX_REMEMBERED) {
				owners.put(event.getSession().getId(), new Owner(user.id(), clock.instant(),
						FormTokens.issued(event.getSession())));
			}
		}
	}

	private void forgetOld() {
		Instant before = clock.instant().minus(FormDrafts.KEEP);
		owners.values().removeIf(owner -> owner.endedAt().isBefore(before));
	}

	/** A page that needs a login, asked for without one. */
	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (fieldApi(request)) {
			problems.write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
			return;
		}
		boolean kept = keepForOwnerOfEndedSession(request);
		redirect(request, response, ended(request) ? FormDrafts.loginAfterEnd(request, kept) : "/masuk");
	}

	/** A role refused, or a form whose token belongs to no session any more. */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (fieldApi(request)) {
			problems.write(response, problems.problem(request, HttpStatus.FORBIDDEN, "problem.forbidden",
					ex instanceof CsrfException ? List.of(FieldProblem.of("csrf", "CSRF_INVALID")) : List.of()));
			return;
		}
		if (!(ex instanceof CsrfException)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		if (ended(request)) {
			redirect(request, response, FormDrafts.loginAfterEnd(request, keepForOwnerOfEndedSession(request)));
			return;
		}
		if (request.getRequestedSessionId() == null) {
			// no session cookie at all: the browser dropped it (a phone's browser restarted, cookies cleared) or a
			// cross-site post came without it (SameSite); either way a login is what is missing, and nothing is done
			redirect(request, response, FormDrafts.loginAfterEnd(request, false));
			return;
		}
		// a form whose token is of no session of this browser's (a forged cross-site post, or one from before a
		// new login in another tab): refused, nothing kept
		response.sendError(HttpServletResponse.SC_FORBIDDEN);
	}

	private boolean keepForOwnerOfEndedSession(HttpServletRequest request) {
		if (!ended(request)) {
			return false;
		}
		Owner owner = owners.get(request.getRequestedSessionId());
		return owner != null && drafts.keep(owner.userId(), request, owner.issuedTokens());
	}

	/** The browser sent a session id that no longer names a session. */
	private static boolean ended(HttpServletRequest request) {
		return request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
	}

	static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
		String target = request.getContextPath() + path;
		if (request.getHeader("HX-Request") != null) {
			// htmx would swap the login page into a fragment of the page
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		}
		else {
			response.sendRedirect(target);
		}
	}
}
