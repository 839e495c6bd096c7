package org.simpul.shared.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.simpul.shared.database.DatabaseFailures;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error the controllers did not answer themselves ends (unknown paths, security refusals,
 * failures in filters): problem+json for API and Actuator paths, a friendly page in the user's language
 * for everything else. Never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	private final ProblemWriter problems;

	ErrorPages(ProblemWriter problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = databaseUnavailable(request) ? HttpStatus.SERVICE_UNAVAILABLE : status(request);
		if (status == HttpStatus.SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? "" : uri.toString();
		if (path.startsWith(request.getContextPath() + "/api/") || path.startsWith(request.getContextPath() + "/actuator/")) {
			problems.write(response, problems.problem(request, status, detailKey(status), List.of()));
			return null;
		}
		ModelAndView page = new ModelAndView("error", Map.of("status", status.value(), "messageKey",
				"error." + (status.is4xxClientError() ? switch (status.value()) {
					case 403, 404 -> String.valueOf(status.value());
					default -> "400";
				} : status == HttpStatus.SERVICE_UNAVAILABLE ? "503" : "500")));
		page.setStatus(status);
		return page;
	}

	/** A failure in a filter (the token or session check) because the database is gone: 503, not 500. */
	private static boolean databaseUnavailable(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
				&& DatabaseFailures.unavailable(error);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) == null) {
			// /error asked for directly, not an error being shown: there is no such page
			return HttpStatus.NOT_FOUND;
		}
		HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	private static String detailKey(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "problem.notFound";
			case UNAUTHORIZED -> "problem.unauthorized";
			case FORBIDDEN -> "problem.forbidden";
			case METHOD_NOT_ALLOWED -> "problem.method";
			case SERVICE_UNAVAILABLE -> "problem.unavailable";
			case BAD_REQUEST -> "problem.validation";
			default -> status.is5xxServerError() ? "problem.unexpected" : "problem.validation";
		};
	}
}
