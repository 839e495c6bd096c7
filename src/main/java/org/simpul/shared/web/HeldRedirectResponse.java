package org.simpul.shared.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A page's answer held back until its transaction has committed: the body is cached and a redirect is only
 * noted, so that the browser learns of a record only once it is stored.
 */
final class HeldRedirectResponse extends ContentCachingResponseWrapper {

	private String redirect;

	HeldRedirectResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public void sendRedirect(String location) {
		this.redirect = location;
	}

	/** Where the page sent the browser, or null when it answered with a page of its own. */
	String redirect() {
		if (redirect != null) {
			return redirect;
		}
		return getStatus() >= 300 && getStatus() < 400 ? getHeader(HttpHeaders.LOCATION) : null;
	}

	/** Gives the held answer to the browser. */
	void release() throws IOException {
		if (redirect != null) {
			((HttpServletResponse) getResponse()).sendRedirect(redirect);
			return;
		}
		copyBodyToResponse();
	}
}
