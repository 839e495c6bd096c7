package org.simpul.pbi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.access.AccessControl;
import org.simpul.pbi.ReactivationDocuments.Content;
import org.simpul.pbi.ReactivationDocuments.DocumentView;
import org.simpul.pbi.ReactivationQueries.Overview;
import org.simpul.pbi.ReactivationQueries.ReactivationItem;
import org.simpul.pbi.ReactivationQueries.ReactivationView;
import org.simpul.pbi.Reactivations.NewReactivation;
import org.simpul.pbi.Reactivations.Outcome;
import org.simpul.pbi.Reactivations.WindowClosedException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.DocumentResponses;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * PBI-JK reactivation requests (API.md "PBI-JK reactivation"): {@code POST /api/v1/pbi/reactivations} → 201 with the
 * draft (409 {@code WINDOW_CLOSED} with {@code windowClosedOn} once the person's window closed), the request and
 * the worklist, the moves ({@code /submit}, {@code /withdraw}, {@code /return}, {@code /verify}, {@code /letter},
 * {@code /enter}, {@code /approve}, {@code /decide}), its documents ({@code PUT …/documents/{documentId}?kind=} with
 * the photo or PDF as the body), a manager's window exception, and the overview.
 */
@RestController
class ReactivationController {

	private final AccessControl access;

	private final Reactivations reactivations;

	private final ReactivationQueries queries;

	private final ReactivationDocuments documents;

	private final ProblemWriter problems;

	private final ReactivationLetters letters;

	ReactivationController(AccessControl access, Reactivations reactivations, ReactivationQueries queries,
			ReactivationDocuments documents, ProblemWriter problems, ReactivationLetters letters) {
		this.letters = letters;
		this.access = access;
		this.reactivations = reactivations;
		this.queries = queries;
		this.documents = documents;
		this.problems = problems;
	}

	/** A reason, for the moves that need one. */
	record Reason(String reason) {
	}

	@PostMapping("/api/v1/pbi/reactivations")
	ResponseEntity<ReactivationView> request(@RequestBody NewReactivation body) {
		ReactivationView made = reactivations.request(access.requireUser(), body);
		return ResponseEntity.created(URI.create("/api/v1/pbi/reactivations/" + made.id()))
			.eTag(PreconditionFailedException.etag(made.version()))
			.body(made);
	}

	@GetMapping("/api/v1/pbi/reactivations/{id}")
	ResponseEntity<ReactivationView> one(@PathVariable UUID id) {
		ReactivationView view = queries.get(access.requireUser(), id);
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	/** Dinsos' reactivation letter as PDF: 404 before it was issued. */
	@GetMapping("/api/v1/pbi/reactivations/{id}/letter")
	ResponseEntity<byte[]> letterPdf(@PathVariable UUID id) {
		ReactivationLetters.Printed printed = letters.print(access.requireUser(), id);
		return DocumentResponses.letter(printed.pdf(), printed.fileName());
	}

	@GetMapping("/api/v1/pbi/reactivations")
	PageResponse<ReactivationItem> list(@RequestParam(required = false) String villageCode,
			@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		return queries.list(access.requireUser(), villageCode, status, new PageRequest(page, size));
	}

	/** The worklist, whole, in the same order, as an XLSX workbook. */
	@GetMapping("/api/v1/pbi/reactivations.xlsx")
	void listXlsx(@RequestParam(required = false) String villageCode, @RequestParam(required = false) String status,
			HttpServletResponse response) throws IOException {
		ReactivationQueries.WorklistExport export = queries.export(access.requireUser(), villageCode, status);
		ReactivationQueries.served(response, export);
		queries.xlsx(export, response.getOutputStream());
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/submit")
	ReactivationView submit(@PathVariable UUID id) {
		return reactivations.submit(access.requireUser(), id);
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/withdraw")
	ReactivationView withdraw(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return reactivations.withdraw(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/return")
	ReactivationView returnForCompletion(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return reactivations.returnForCompletion(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/verify")
	ReactivationView verify(@PathVariable UUID id) {
		return reactivations.verify(access.requireUser(), id);
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/letter")
	ReactivationView letter(@PathVariable UUID id) {
		return reactivations.issueLetter(access.requireUser(), id);
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/enter")
	ReactivationView enter(@PathVariable UUID id) {
		return reactivations.enter(access.requireUser(), id);
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/approve")
	ReactivationView approve(@PathVariable UUID id) {
		return reactivations.approve(access.requireUser(), id);
	}

	@PostMapping("/api/v1/pbi/reactivations/{id}/decide")
	ReactivationView decide(@PathVariable UUID id, @RequestBody(required = false) Outcome body) {
		return reactivations.decide(access.requireUser(), id, body);
	}

	@PutMapping("/api/v1/pbi/reactivations/{id}/documents/{documentId}")
	ResponseEntity<List<DocumentView>> upload(@PathVariable UUID id, @PathVariable UUID documentId,
			@RequestParam(name = "kind", required = false) String kind, HttpServletRequest request) throws IOException {
		byte[] bytes;
		try (InputStream in = request.getInputStream()) {
			bytes = in.readNBytes(ReactivationDocuments.MAX_BYTES + 1);
		}
		if (bytes.length > ReactivationDocuments.MAX_BYTES) {
			throw new InvalidInputException(FieldProblem.of("file", "ATTACHMENT_TOO_LARGE"));
		}
		boolean created = documents.upload(access.requireUser(), id, documentId, kind, bytes);
		List<DocumentView> all = documents.list(access.requireUser(), id);
		return created ? ResponseEntity.created(URI.create("/api/v1/pbi/reactivations/" + id + "/documents/" + documentId))
			.body(all) : ResponseEntity.ok(all);
	}

	@GetMapping("/api/v1/pbi/reactivations/{id}/documents")
	List<DocumentView> documents(@PathVariable UUID id) {
		return documents.list(access.requireUser(), id);
	}

	@GetMapping("/api/v1/pbi/reactivations/{id}/documents/{documentId}")
	ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
		Content content = documents.content(access.requireUser(), id, documentId);
		return DocumentResponses.served(content.contentType(), content.bytes(), "dokumen.pdf");
	}

	@PostMapping("/api/v1/pbi/deactivations/{id}/window-exception")
	ResponseEntity<Void> exceptWindow(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		reactivations.exceptWindow(access.requireUser(), id, body == null ? null : body.reason());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/pbi/overview")
	Overview overview(@RequestParam(required = false) String regionCode) {
		return queries.overview(access.requireUser(), regionCode);
	}

	/** A window that closed: 409 naming the person and the day it closed. */
	@ExceptionHandler(WindowClosedException.class)
	ResponseEntity<ProblemDetail> windowClosed(WindowClosedException ex, HttpServletRequest request) {
		ProblemDetail problem = problems.problem(request, HttpStatus.CONFLICT, "problem.WINDOW_CLOSED",
				List.of(ex.problem()));
		problem.setProperty("windowClosedOn", ex.closedOn().toString());
		return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
	}
}
