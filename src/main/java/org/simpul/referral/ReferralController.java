package org.simpul.referral;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.referral.Referral.Status;
import org.simpul.referral.ReferralQueries.ReferralView;
import org.simpul.referral.Referrals.NewReferral;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The referral API: send, the receiving agency's accept / reject / complete, and the lists. */
@RestController
class ReferralController {

	private final Referrals referrals;

	private final ReferralQueries referralQueries;

	private final AccessControl access;

	ReferralController(Referrals referrals, ReferralQueries referralQueries, AccessControl access) {
		this.referrals = referrals;
		this.referralQueries = referralQueries;
		this.access = access;
	}

	record Reason(String reason) {
	}

	record Outcome(String outcome) {
	}

	@PostMapping("/api/v1/referrals")
	ResponseEntity<ReferralView> send(@RequestBody NewReferral body) {
		ReferralView sent = referrals.send(access.requireUser(), body);
		return ResponseEntity.created(URI.create("/api/v1/referrals/" + sent.id()))
			.eTag(PreconditionFailedException.etag(sent.version()))
			.body(sent);
	}

	@GetMapping("/api/v1/referrals/overview")
	List<ReferralQueries.AgencyCount> overview() {
		return referralQueries.overview(access.requireUser());
	}

	@GetMapping("/api/v1/referrals/{id}")
	ResponseEntity<ReferralView> referral(@PathVariable UUID id) {
		ReferralView view = referralQueries.referral(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Referral"));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	@GetMapping("/api/v1/referrals")
	PageResponse<ReferralView> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Status wanted = null;
		if (status != null && !status.isBlank()) {
			try {
				wanted = Status.valueOf(status.strip());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
			}
		}
		return referralQueries.list(access.requireUser(), wanted, overdue, escalated, new PageRequest(page, size));
	}

	record Decision(LocalDate dueDate) {
	}

	record DueDate(LocalDate dueDate) {
	}

	/** The supervisor's or manager's decision (penetapan): the recommended referral is sent. */
	@PostMapping("/api/v1/referrals/{id}/approve")
	ReferralView approve(@PathVariable UUID id, @RequestBody(required = false) Decision body) {
		return referrals.approve(access.requireUser(), id, body == null ? null : body.dueDate());
	}

	@PostMapping("/api/v1/referrals/{id}/decline")
	ReferralView decline(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return referrals.decline(access.requireUser(), id, body == null ? null : body.reason());
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/referrals/{id}/due-date")
	ResponseEntity<ReferralView> dueDate(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody(required = false) DueDate body) {
		ReferralView view = referrals.changeDueDate(access.requireUser(), id, ifMatch, body == null ? null : body.dueDate());
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	@PostMapping("/api/v1/referrals/{id}/accept")
	ReferralView accept(@PathVariable UUID id) {
		return referrals.accept(access.requireUser(), id);
	}

	@PostMapping("/api/v1/referrals/{id}/reject")
	ReferralView reject(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return referrals.reject(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/referrals/{id}/cancel")
	ReferralView cancel(@PathVariable UUID id, @RequestBody(required = false) Reason body) {
		return referrals.cancel(access.requireUser(), id, body == null ? null : body.reason());
	}

	@PostMapping("/api/v1/referrals/{id}/complete")
	ReferralView complete(@PathVariable UUID id, @RequestBody(required = false) Outcome body) {
		return referrals.complete(access.requireUser(), id, body == null ? null : body.outcome());
	}
}
