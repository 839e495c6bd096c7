package org.simpul.complaint;

import java.net.URI;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.access.AccessControl;
import org.simpul.complaint.ComplaintIntake.NewComplaint;
import org.simpul.complaint.ComplaintIntake.Registered;
import org.simpul.complaint.ComplaintQueries.ComplaintView;
import org.simpul.complaint.PublicTracking.Tracking;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The complaint API: intake, a complaint by id, and public tracking without login. */
@RestController
class ComplaintController {

	private final ComplaintIntake intake;

	private final ComplaintQueries queries;

	private final PublicTracking tracking;

	private final TrackingLimiter limiter;

	private final AccessControl access;

	ComplaintController(ComplaintIntake intake, ComplaintQueries queries, PublicTracking tracking,
			TrackingLimiter limiter, AccessControl access) {
		this.intake = intake;
		this.queries = queries;
		this.tracking = tracking;
		this.limiter = limiter;
		this.access = access;
	}

	@PostMapping("/api/v1/complaints")
	ResponseEntity<Registered> register(@RequestBody NewComplaint body) {
		Registered registered = intake.register(access.requireUser(), body);
		// the tracking code is in this answer only: no cache may keep it
		return ResponseEntity.created(URI.create("/api/v1/complaints/" + registered.id()))
			.cacheControl(CacheControl.noStore())
			.body(registered);
	}

	@GetMapping("/api/v1/complaints/{id}")
	ResponseEntity<ComplaintView> complaint(@PathVariable UUID id) {
		ComplaintView view = queries.complaint(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Complaint"));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	@org.springframework.web.bind.annotation.PutMapping("/api/v1/complaints/{id}")
	ResponseEntity<ComplaintView> change(@PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestHeader(org.springframework.http.HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody ComplaintIntake.Edit body) {
		intake.change(access.requireUser(), id, ifMatch, body);
		ComplaintView view = queries.complaint(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Complaint"));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(view.version())).body(view);
	}

	record TrackingRequest(String ticketNumber, String trackingCode) {
	}

	@PostMapping("/api/v1/public/tracking")
	Tracking track(@RequestBody TrackingRequest body, HttpServletRequest request) {
		limiter.attempt(request.getRemoteAddr());
		return tracking.track(body.ticketNumber(), body.trackingCode());
	}
}
