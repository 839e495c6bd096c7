package org.simpul.casework;

import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.casework.Cases.CaseView;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A complaint's case: read it, assign it ({@code PUT}, idempotent), add a note, close it, reopen it. */
@RestController
class CaseController {

	private final Cases cases;

	private final AccessControl access;

	CaseController(Cases cases, AccessControl access) {
		this.cases = cases;
		this.access = access;
	}

	record Assignee(UUID userId) {
	}

	record Note(UUID id, String text) {
	}

	@GetMapping("/api/v1/complaints/{id}/case")
	org.springframework.http.ResponseEntity<CaseView> view(@PathVariable UUID id) {
		return withEtag(cases.view(access.requireUser(), id));
	}

	record Plan(String plan) {
	}

	/** The case plan, against the version read ({@code If-Match}). */
	@org.springframework.web.bind.annotation.PutMapping("/api/v1/complaints/{id}/case/plan")
	org.springframework.http.ResponseEntity<CaseView> plan(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody(required = false) Plan body) {
		return withEtag(cases.plan(access.requireUser(), id, ifMatch, body == null ? null : body.plan()));
	}

	private static org.springframework.http.ResponseEntity<CaseView> withEtag(CaseView view) {
		return org.springframework.http.ResponseEntity.ok()
			.eTag(PreconditionFailedException.etag(view.version()))
			.body(view);
	}

	@PutMapping("/api/v1/complaints/{id}/case/assignee")
	CaseView assign(@PathVariable UUID id, @RequestBody(required = false) Assignee body) {
		return cases.assign(access.requireUser(), id, body == null ? null : body.userId());
	}

	record Outcome(String outcome) {
	}

	record Reason(String reason) {
	}

	@PostMapping("/api/v1/complaints/{id}/case/close")
	CaseView close(@PathVariable UUID id, @RequestBody(required = false) Outcome body) {
		return cases.close(access.requireUser(), id, body == null ? null : body.outcome());
	}

	@PostMapping("/api/v1/complaints/{id}/case/reopen")
	CaseView reopen(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return cases.reopen(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/complaints/{id}/case/notes")
	CaseView note(@PathVariable UUID id, @RequestBody(required = false) Note body) {
		return cases.note(access.requireUser(), id, body == null ? null : body.id(), body == null ? null : body.text());
	}
}
