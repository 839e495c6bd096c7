package org.simpul.registry;

import java.util.Map;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.registry.DuplicateDetection.Candidate;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The duplicate review queue: scan the territory, list candidates, dismiss a pair. */
@RestController
class DuplicateController {

	private final DuplicateDetection duplicates;

	private final AccessControl access;

	DuplicateController(DuplicateDetection duplicates, AccessControl access) {
		this.duplicates = duplicates;
		this.access = access;
	}

	@PostMapping("/api/v1/registry/duplicates/scan")
	Map<String, Integer> scan() {
		return Map.of("queued", duplicates.scan(access.requireUser()));
	}

	@GetMapping("/api/v1/registry/duplicates")
	PageResponse<Candidate> candidates(@RequestParam(defaultValue = "OPEN") String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (!status.equals("OPEN") && !status.equals("DISMISSED") && !status.equals("MERGED")) {
			throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
		}
		return duplicates.candidates(access.requireUser(), status, new PageRequest(page, size));
	}

	record Merge(UUID keep) {
	}

	@PostMapping("/api/v1/registry/duplicates/{id}/merge")
	ResponseEntity<Void> merge(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestBody Merge merge) {
		duplicates.merge(access.requireUser(), id, merge.keep());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/registry/duplicates/{id}/dismiss")
	ResponseEntity<Void> dismiss(@PathVariable UUID id) {
		duplicates.dismiss(access.requireUser(), id);
		return ResponseEntity.noContent().build();
	}
}
