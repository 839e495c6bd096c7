package org.simpul.fieldsync;

import org.simpul.access.AccessControl;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The outbox page (Kiriman): what waits on this phone, what was sent and what the server refused, each with
 * its state. The list is the device's own (IndexedDB), drawn by {@code field.js}; the server renders only the
 * frame and its texts in the user's language, so the page works from the phone's cache without signal.
 */
@Controller
class FieldPages {

	private final AccessControl access;

	FieldPages(AccessControl access) {
		this.access = access;
	}

	@GetMapping("/lapangan")
	String outbox() {
		access.requireUser();
		return "fieldsync/outbox";
	}
}
