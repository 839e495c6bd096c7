package org.simpul.pbi;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.simpul.access.AccessControl;
import org.simpul.pbi.ApbdQuota.Places;
import org.simpul.pbi.ApbdQuota.Quota;
import org.simpul.pbi.DeactivationBatches.BatchRequest;
import org.simpul.pbi.DeactivationBatches.BatchView;
import org.simpul.pbi.DeactivationBatches.Rejection;
import org.simpul.pbi.Deactivations.DeactivationItem;
import org.simpul.pbi.MinistryAnswers.AnswerImportView;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * PBI-JK deactivations (API.md "PBI-JK reactivation"): {@code POST /api/v1/pbi/deactivation-batches} (multipart
 * {@code file}, {@code decree}, {@code effectiveDate}, {@code windowMonths}; {@code regionCode} for a province or
 * national user) answers 202 with the batch, done by the time it answers (status {@code COMPLETED}); the same file
 * again answers the same batch. The batches, a batch's refused rows by line, and the persons of the caller's
 * territory removed from PBI-JK.
 */
@RestController
class PbiController {

	private final AccessControl access;

	private final DeactivationBatches batches;

	private final Deactivations deactivations;

	private final MinistryAnswers answers;

	private final ApbdQuota quota;

	private final PbiDashboard dashboard;

	private final FollowUps followUps;

	private final PbiSettings settings;

	private final SubmissionLists submissions;

	PbiController(AccessControl access, DeactivationBatches batches, Deactivations deactivations,
			MinistryAnswers answers, ApbdQuota quota, PbiDashboard dashboard, FollowUps followUps,
			PbiSettings settings, SubmissionLists submissions) {
		this.submissions = submissions;
		this.settings = settings;
		this.followUps = followUps;
		this.dashboard = dashboard;
		this.answers = answers;
		this.quota = quota;
		this.access = access;
		this.batches = batches;
		this.deactivations = deactivations;
	}

	@PostMapping("/api/v1/pbi/deactivation-batches")
	ResponseEntity<BatchView> importBatch(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String decree, @RequestParam(required = false) String effectiveDate,
			@RequestParam(required = false) String windowMonths, @RequestParam(required = false) String regionCode)
			throws IOException {
		BatchView batch;
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			batch = batches.importBatch(access.requireUser(),
					new BatchRequest(regionCode, decree, effectiveDate, windowMonths),
					file == null ? null : file.getOriginalFilename(), in);
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.location(URI.create("/api/v1/pbi/deactivation-batches/" + batch.id()))
			.body(batch);
	}

	@GetMapping("/api/v1/pbi/deactivation-batches")
	List<BatchView> recent() {
		return batches.recent(access.requireUser());
	}

	@GetMapping("/api/v1/pbi/deactivation-batches/{id}")
	BatchView one(@PathVariable UUID id) {
		return batches.get(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Batch"));
	}

	@GetMapping("/api/v1/pbi/deactivation-batches/{id}/rejections")
	PageResponse<Rejection> rejections(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return batches.rejections(access.requireUser(), id, new PageRequest(page, size));
	}

	@GetMapping("/api/v1/pbi/deactivations")
	PageResponse<DeactivationItem> deactivations(@RequestParam(required = false) String villageCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return deactivations.list(access.requireUser(), villageCode, new PageRequest(page, size));
	}

	/** The same list, whole, in the same order, as an XLSX workbook. */
	@GetMapping("/api/v1/pbi/deactivations.xlsx")
	void deactivationsXlsx(@RequestParam(required = false) String villageCode, HttpServletResponse response)
			throws IOException {
		Deactivations.Export export = deactivations.export(access.requireUser(), villageCode);
		Deactivations.served(response, export);
		deactivations.xlsx(export, response.getOutputStream());
	}

	/** The ministry's or BPJS' answers as a file: 201 for a new import, 200 with the earlier one for the same file. */
	@PostMapping("/api/v1/pbi/answer-imports")
	ResponseEntity<AnswerImportView> importAnswers(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String regionCode) throws IOException {
		AnswerImportView done;
		try (InputStream in = file == null || file.isEmpty() ? null : file.getInputStream()) {
			done = answers.importAnswers(access.requireUser(), regionCode, file == null ? null : file.getOriginalFilename(),
					in);
		}
		return ResponseEntity.status(done.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
			.location(URI.create("/api/v1/pbi/answer-imports/" + done.id()))
			.body(done);
	}

	@GetMapping("/api/v1/pbi/answer-imports/{id}")
	AnswerImportView answerImport(@PathVariable UUID id) {
		return answers.get(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Answer import"));
	}

	@GetMapping("/api/v1/pbi/answer-imports/{id}/rejections")
	PageResponse<Rejection> answerRejections(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		return answers.rejections(access.requireUser(), id, new PageRequest(page, size));
	}

	/** The district's PBI-APBD places of a month ({@code yyyy-MM}; this month when none), used and left. */
	@GetMapping("/api/v1/pbi/apbd-quota")
	Quota apbdQuota(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String month) {
		return quota.get(access.requireUser(), regionCode, month);
	}

	/** The manager sets a month's PBI-APBD places: {@code {"places": n}}. */
	@PutMapping("/api/v1/pbi/apbd-quota")
	Quota setApbdQuota(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String month,
			@RequestBody(required = false) Places body) {
		return quota.set(access.requireUser(), regionCode, month, body);
	}

	/** The head of Dinsos' page: per area the four states and who is still without cover, days per step, lists. */
	@GetMapping("/api/v1/pbi/dashboard")
	PbiDashboard.Dashboard dashboard(@RequestParam(required = false) String regionCode) {
		return dashboard.of(access.requireUser(), regionCode);
	}

	/** The same as an XLSX workbook. */
	@GetMapping("/api/v1/pbi/dashboard.xlsx")
	void dashboardXlsx(@RequestParam(required = false) String regionCode, HttpServletResponse response)
			throws IOException {
		PbiDashboard.Dashboard figures = dashboard.of(access.requireUser(), regionCode);
		PbiDashboard.served(response, figures);
		dashboard.xlsx(figures, response.getOutputStream());
	}

	/** The follow-ups still open: families to update after a reactivation, the soonest due first. */
	@GetMapping("/api/v1/pbi/follow-ups")
	PageResponse<FollowUps.FollowUp> followUps(@RequestParam(required = false) String villageCode,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return followUps.open(access.requireUser(), villageCode, new PageRequest(page, size));
	}

	/** What the district asks of a request: {@code {"regionCode", "sktmRequired"}}. */
	@GetMapping("/api/v1/pbi/settings")
	PbiSettings.Settings settings(@RequestParam(required = false) String regionCode) {
		return settings.get(access.requireUser(), regionCode);
	}

	/** The manager sets it: {@code {"sktmRequired": true}}. */
	@PutMapping("/api/v1/pbi/settings")
	PbiSettings.Settings setSettings(@RequestParam(required = false) String regionCode,
			@RequestBody(required = false) PbiSettings.Settings body) {
		return settings.set(access.requireUser(), regionCode, body);
	}

	/** The requests entered in the ministry's system on a day ({@code yyyy-MM-dd}, today when none), as XLSX. */
	@GetMapping("/api/v1/pbi/submissions.xlsx")
	void submissionsXlsx(@RequestParam(required = false) String regionCode, @RequestParam(required = false) String date,
			HttpServletResponse response) throws IOException {
		SubmissionLists.Day list = submissions.entered(access.requireUser(), regionCode, date);
		SubmissionLists.served(response, list);
		submissions.xlsx(list, response.getOutputStream());
	}
}
