package org.simpul.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.shared.FieldProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problems with messages in the caller's language (Bahasa Indonesia unless the caller
 * chose English), for controllers, the security filters and the error controller alike.
 */
@Component
public class ProblemWriter {

	private final MessageSource messages;

	private final JsonMapper json;

	ProblemWriter(MessageSource messages, JsonMapper json) {
		this.messages = messages;
		this.json = json;
	}

	/** A problem whose title is the status phrase and whose detail is the message under {@code detailKey}. */
	public ProblemDetail problem(HttpServletRequest request, HttpStatus status, String detailKey,
			List<FieldProblem> errors) {
		Locale locale = locale(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("https://simpul.org/problems/" + status.value()));
		problem.setTitle(status.getReasonPhrase());
		problem.setDetail(messages.getMessage(detailKey, null, detailKey, locale));
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors.stream()
				.map(error -> new FieldProblem(error.field(), error.code(),
						messages.getMessage(error.message(), null, error.code(), locale)))
				.toList());
		}
		return problem;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
			throws IOException {
		write(response, problem(request, status, detailKey, List.of()));
	}

	public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}

	private static Locale locale(HttpServletRequest request) {
		try {
			return RequestContextUtils.getLocale(request);
		}
		catch (IllegalStateException ex) {
			return Languages.DEFAULT;
		}
	}
}
