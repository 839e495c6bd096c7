package org.simpul.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An {@code If-Match} that names an older version than the stored one: 412. */
@ResponseStatus(HttpStatus.PRECONDITION_FAILED)
public class PreconditionFailedException extends RuntimeException {

	public PreconditionFailedException() {
		super("Stale version");
	}

	/** Checks an {@code If-Match} header (a quoted or bare version) against the current version. */
	public static void check(String ifMatch, int currentVersion) {
		String wanted = ifMatch == null ? "" : ifMatch.strip();
		if (wanted.startsWith("W/")) {
			wanted = wanted.substring(2);
		}
		wanted = wanted.replace("\"", "");
		if (!wanted.equals("*") && !wanted.equals(Integer.toString(currentVersion))) {
			throw new PreconditionFailedException();
		}
	}

	public static String etag(int version) {
		return "\"" + version + "\"";
	}
}
