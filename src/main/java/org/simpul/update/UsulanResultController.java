package org.simpul.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.update.UsulanResults.ImportView;
import org.simpul.update.UsulanResults.Rejection;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The ministry's result lists, imported by Dinsos ({@link UsulanResults}): {@code POST /api/v1/usulan/results}
 * (multipart {@code file}, {@code regionCode} for a province or national user) answers 201 with what the import
 * did, or 200 with the earlier import of the same file; the imports and their rejected rows by line.
 */
@RestController
class UsulanResultController {

	private final AccessControl access;

	private final UsulanResults results;

	UsulanResultController(AccessControl access, UsulanResults results) {
		this.access = access;
		this.results = results;
	}

	@PostMapping("/api/v1/usulan/results")
	ResponseEntity<ImportView> importFile(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "regionCode", required = false) String regionCode) throws IOException {
		ImportView done;
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			done = results.importFile(access.requireUser(), regionCode, file == null ? null : file.getOriginalFilename(), in);
		}
		if (done.repeated()) {
			return ResponseEntity.ok(done);
		}
		return ResponseEntity.created(URI.create("/api/v1/usulan/results/" + done.id())).body(done);
	}

	@GetMapping("/api/v1/usulan/results")
	List<ImportView> recent() {
		return results.recent(access.requireUser());
	}

	@GetMapping("/api/v1/usulan/results/{id}")
	ImportView one(@PathVariable UUID id) {
		return results.get(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Import"));
	}

	@GetMapping("/api/v1/usulan/results/{id}/rejections")
	PageResponse<Rejection> rejections(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return results.rejections(access.requireUser(), id, new PageRequest(page, size));
	}
}
