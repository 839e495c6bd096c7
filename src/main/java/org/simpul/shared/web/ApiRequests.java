package org.simpul.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is for the JSON API, or the field app's JSON calls in the pages' session
 * ({@code /lapangan/api/}). The pages' {@code @ModelAttribute} advice (header, navigation, language links, form
 * tokens) also runs for REST controllers, which are {@code @Controller}s too; it returns at once for these
 * requests, which render no page.
 */
public final class ApiRequests {

	private ApiRequests() {
	}

	public static boolean isApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/api/") || path.startsWith("/lapangan/api/");
	}
}
