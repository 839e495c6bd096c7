package org.simpul.fieldsync;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The outbox's two calls, made by the pages' own session (its cookie and CSRF token, never a token kept on the
 * device): who is signed in, with a fresh CSRF token for the records about to be sent; and one record sent.
 * An ended session answers 401 problem+json here, not the login page, so the outbox keeps its records and
 * waits for the user to log in again.
 */
@RestController
@RequestMapping("/lapangan/api")
class FieldSyncController {

	private final FieldSync sync;

	private final AccessControl access;

	FieldSyncController(FieldSync sync, AccessControl access) {
		this.sync = sync;
		this.access = access;
	}

	record Session(UUID userId, String username, String displayName, String csrfHeader, String csrfToken,
			List<String> kinds) {
	}

	@GetMapping("/sesi")
	ResponseEntity<Session> session(CsrfToken csrf) {
		CurrentUser user = access.requireUser();
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(new Session(user.id(), user.username(), user.displayName(), csrf.getHeaderName(), csrf.getToken(),
					sync.kinds()));
	}

	@PostMapping("/kirim")
	ResponseEntity<FieldSync.Received> send(@RequestBody JsonNode body) {
		FieldSync.Received received = sync.receive(access.requireUser(), body);
		return ResponseEntity.created(URI.create(received.location())).cacheControl(CacheControl.noStore())
			.body(received);
	}
}
