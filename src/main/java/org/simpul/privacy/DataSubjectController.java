package org.simpul.privacy;

import java.util.UUID;

import org.simpul.access.AccessControl;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/data-subjects/{personId}}: a person's data and its processing history, for the DPO. */
@RestController
class DataSubjectController {

	private final DataSubjects subjects;

	private final AccessControl access;

	DataSubjectController(DataSubjects subjects, AccessControl access) {
		this.subjects = subjects;
		this.access = access;
	}

	@GetMapping("/api/v1/data-subjects/{personId}")
	ResponseEntity<DataSubjects.Export> export(@PathVariable UUID personId) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subjek-data-" + personId + ".json\"")
			.body(subjects.export(access.requireUser(), personId));
	}
}
