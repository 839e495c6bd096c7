package org.simpul.shared.web;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Every absolute link Simpul prints or sends (the QR codes of receipts and letters, the tracking address in
 * messages) starts from the configured address citizens reach ({@code SIMPUL_PUBLIC_URL}), never from the
 * request's {@code Host} header, which whoever sends the request chooses.
 */
@Component
public class PublicUrl {

	private final String base;

	PublicUrl(@Value("${simpul.public-url:http://localhost:8080}") String configured) {
		URI uri = URI.create(configured.strip());
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new IllegalStateException("SIMPUL_PUBLIC_URL must be an http(s) address, e.g. https://simpul.example.go.id");
		}
		this.base = configured.strip().replaceAll("/+$", "");
	}

	/** The absolute address of {@code path} (which starts with a slash). */
	public String of(String path) {
		return base + path;
	}
}
