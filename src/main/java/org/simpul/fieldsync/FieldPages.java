package org.simpul.fieldsync;

import java.util.UUID;

import org.simpul.access.AccessControl;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The outbox page (Kiriman): what waits on this phone, what was sent and what the server refused, each with
 * its state. The list is the device's own (IndexedDB), drawn by {@code field.js}; the server renders only the
 * frame and its texts in the user's language, so the page works from the phone's cache without signal.
 */
@Controller
class FieldPages {

	private final AccessControl access;

	private final FieldPhotos photos;

	FieldPages(AccessControl access, FieldPhotos photos) {
		this.access = access;
		this.photos = photos;
	}

	/** A photo, for those who may see its record; never kept by a cache. */
	@GetMapping("/lapangan/foto/{id}")
	ResponseEntity<byte[]> photo(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_JPEG)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline")
			.body(photos.read(access.requireUser(), id));
	}

	@GetMapping("/lapangan")
	String outbox() {
		access.requireUser();
		return "fieldsync/outbox";
	}
}
