package org.simpul.shared.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Whether a request is for the JSON API. The pages' {@code @ModelAttribute} advice (header, navigation,
 * language links) also runs for REST controllers, which are {@code @Controller}s too; it returns at once for
 * API requests, which render no page.
 */
public final class ApiRequests {

	private ApiRequests() {
	}

	public static boolean isApi(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}
}
