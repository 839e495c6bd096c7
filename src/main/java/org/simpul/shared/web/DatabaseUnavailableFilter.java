package org.simpul.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.shared.database.DatabaseCircuit;
import org.simpul.shared.database.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away every request that needs it answers 503 with {@code Retry-After} at once, before
 * the token or session check would wait for it: problem+json for the API, the kind "coba lagi sebentar" page
 * for people (rendered by {@code ErrorPages}). Health, static files and the error page pass. A request that
 * was already running when the server went away, and failed on it anywhere (a filter, a controller), answers
 * the same 503, logged in one line instead of a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	static final String RETRY_AFTER_SECONDS = "30";

	private final ObjectProvider<DatabaseCircuit> circuit;

	DatabaseUnavailableFilter(ObjectProvider<DatabaseCircuit> circuit) {
		this.circuit = circuit;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/actuator/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/img/") || path.equals("/favicon.ico") || path.equals("/error");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		DatabaseCircuit breaker = circuit.getIfAvailable();
		if (breaker != null && !breaker.available()) {
			unavailable(response);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			if (!DatabaseFailures.unavailable(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable during {} {} ({})", request.getMethod(), request.getRequestURI(),
					ex.getClass().getSimpleName());
			if (breaker != null) {
				breaker.suspect();
			}
			response.resetBuffer();
			unavailable(response);
		}
	}

	private static void unavailable(HttpServletResponse response) throws IOException {
		response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
	}
}
