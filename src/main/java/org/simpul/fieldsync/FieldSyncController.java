package org.simpul.fieldsync;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
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

	private final FieldPhotos photos;

	private final AccessControl access;

	FieldSyncController(FieldSync sync, FieldPhotos photos, AccessControl access) {
		this.sync = sync;
		this.photos = photos;
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

	/**
	 * One chunk of a photo of a record already sent: the answer says how much the server holds, and the phone
	 * goes on from there (after a cut, from where the last chunk that arrived ended).
	 */
	@PutMapping(path = "/foto/{id}", consumes = "image/jpeg")
	ResponseEntity<FieldPhotos.Progress> photo(@PathVariable UUID id, @RequestHeader("X-Record-Kind") String kind,
			@RequestHeader("X-Record-Id") UUID recordId, @RequestHeader("X-Photo-Size") long size,
			@RequestHeader("X-Photo-Sha256") String sha256, @RequestHeader("X-Chunk-Offset") long offset,
			HttpServletRequest request) throws IOException {
		byte[] chunk = request.getInputStream().readNBytes(FieldPhotos.MAX_CHUNK + 1);
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(photos.upload(access.requireUser(), id, kind, recordId, size, sha256, offset, chunk));
	}

	@PostMapping("/kirim")
	ResponseEntity<FieldSync.Received> send(@RequestBody JsonNode body, HttpServletRequest request,
			HttpServletResponse response) {
		FieldSync.Received received = sync.receive(access.requireUser(), body);
		if (received.notice() != null) {
			// the page the phone goes to next says what was saved, as after the page form's own save
			FlashMap flash = new FlashMap();
			flash.put("notice", received.notice());
			flash.setTargetRequestPath(received.location());
			RequestContextUtils.getFlashMapManager(request).saveOutputFlashMap(flash, request, response);
		}
		return ResponseEntity.created(URI.create(received.location())).cacheControl(CacheControl.noStore())
			.body(received);
	}
}
