package org.simpul.casework;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.casework.AssessmentForms.NewForm;
import org.simpul.casework.Assessments.AssessmentView;
import org.simpul.region.RegionCode;
import org.simpul.shared.ClientIds;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Assessment forms (the one in force for a region, a version, publishing a new one) and a complaint's
 * assessments (list, submit).
 */
@RestController
class AssessmentController {

	private final AssessmentForms forms;

	private final Assessments assessments;

	private final AccessControl access;

	AssessmentController(AssessmentForms forms, Assessments assessments, AccessControl access) {
		this.forms = forms;
		this.assessments = assessments;
		this.access = access;
	}

	@GetMapping("/api/v1/assessment-forms")
	FormView inForce(@RequestParam(required = false) String kind, @RequestParam(required = false) String regionCode) {
		Kind wanted = kind(kind);
		RegionCode region = RegionCode.parse(regionCode == null ? "" : regionCode.strip())
			.orElseThrow(() -> new InvalidInputException(
					FieldProblem.of("regionCode", regionCode == null ? "REQUIRED" : "INVALID_REGION")));
		return forms.inForce(access.requireUser(), wanted, region);
	}

	@GetMapping("/api/v1/assessment-forms/{id}")
	FormView form(@PathVariable UUID id) {
		return forms.form(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Assessment form"));
	}

	/** Publishes a form version: 201 when new, 200 when the same form is already the newest version. */
	@PostMapping("/api/v1/assessment-forms")
	ResponseEntity<FormView> publish(@RequestBody NewForm body) {
		AssessmentForms.Published published = forms.publish(access.requireUser(), body);
		return published.created()
				? ResponseEntity.created(URI.create("/api/v1/assessment-forms/" + published.form().id()))
					.body(published.form())
				: ResponseEntity.status(HttpStatus.OK).body(published.form());
	}

	record Submission(UUID id, UUID formId, Map<String, Object> answers) {
	}

	@GetMapping("/api/v1/complaints/{id}/assessments")
	List<AssessmentView> list(@PathVariable UUID id) {
		return assessments.ofComplaint(access.requireUser(), id);
	}

	@PostMapping("/api/v1/complaints/{id}/assessments")
	ResponseEntity<AssessmentView> submit(@PathVariable UUID id, @RequestBody(required = false) Submission body) {
		AssessmentView stored = assessments.submit(access.requireUser(), id, ClientIds.orNew(body == null ? null : body.id()),
				body == null ? null : body.formId(), body == null ? null : body.answers());
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + id + "/assessments/" + stored.id()))
			.body(stored);
	}

	private static Kind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("kind", "REQUIRED"));
		}
		try {
			return Kind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("kind", "INVALID_VALUE"));
		}
	}
}
