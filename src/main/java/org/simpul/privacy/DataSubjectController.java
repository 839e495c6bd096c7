package org.simpul.privacy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.registry.RegistryRestrictions;
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

	private final RegistryRestrictions restrictions;

	private final DataSubjectRequests requests;

	private final BreachDrills drills;

	DataSubjectController(DataSubjects subjects, AccessControl access,
			RegistryRestrictions restrictions, DataSubjectRequests requests, BreachDrills drills) {
		this.drills = drills;
		this.requests = requests;
		this.subjects = subjects;
		this.access = access;
		this.restrictions = restrictions;
	}

	record Restriction(UUID personId, Instant since) {
	}

	record NewRequest(UUID id, String kind, String details) {
	}

	/** A breach drill: who the given records affect and which of their data (the DPO). */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/breach-drills")
	ResponseEntity<BreachDrills.Report> drill(
			@org.springframework.web.bind.annotation.RequestBody(required = false) BreachDrills.Records body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(drills.drill(access.requireUser(), body));
	}

	record Closing(String status, String outcome) {
	}

	/** A person's request received by the DPO, due within 3 × 24 hours. */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/data-subjects/{personId}/requests")
	ResponseEntity<DataSubjectRequests.Request> receive(@PathVariable UUID personId,
			@org.springframework.web.bind.annotation.RequestBody(required = false) NewRequest body) {
		DataSubjectRequests.Request request = requests.receive(access.requireUser(), body == null ? null : body.id(), personId,
				body == null ? null : body.kind(), body == null ? null : body.details());
		return ResponseEntity.created(URI.create("/api/v1/data-subject-requests/" + request.id())).body(request);
	}

	@GetMapping("/api/v1/data-subject-requests")
	List<DataSubjectRequests.Request> requests(
			@org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean open) {
		return requests.list(access.requireUser(), open);
	}

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/data-subject-requests/{id}/close")
	DataSubjectRequests.Request close(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestBody(required = false) Closing body) {
		return requests.close(access.requireUser(), id, body == null ? null : body.status(),
				body == null ? null : body.outcome());
	}

	/** Restricts the person's processing (UU PDP Pasal 41); idempotent. */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/data-subjects/{personId}/restriction")
	Restriction restrict(@PathVariable UUID personId) {
		return new Restriction(personId, restrictions.restrict(access.requireUser(), personId).orElseThrow());
	}

	/** Lifts the restriction; idempotent. */
	@org.springframework.web.bind.annotation.DeleteMapping("/api/v1/data-subjects/{personId}/restriction")
	ResponseEntity<Void> lift(@PathVariable UUID personId) {
		restrictions.lift(access.requireUser(), personId);
		return ResponseEntity.noContent().build();
	}

	/** The same export as a PDF for the person to keep (recorded on the audit trail as an export). */
	@GetMapping(value = "/api/v1/data-subjects/{personId}/pdf", produces = "application/pdf")
	ResponseEntity<byte[]> exportPdf(@PathVariable UUID personId) {
		return pdf(subjects.export(access.requireUser(), personId), personId);
	}

	static ResponseEntity<byte[]> pdf(DataSubjects.Export export, UUID personId) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subjek-data-" + personId + ".pdf\"")
			.body(DataSubjectPdf.render(export));
	}

	@GetMapping("/api/v1/data-subjects/{personId}")
	ResponseEntity<DataSubjects.Export> export(@PathVariable UUID personId) {
		return json(subjects.export(access.requireUser(), personId), personId);
	}

	/** The export as a JSON attachment, never stored by a cache (the API and the officer's page). */
	static ResponseEntity<DataSubjects.Export> json(DataSubjects.Export export, UUID personId) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"subjek-data-" + personId + ".json\"")
			.body(export);
	}
}
