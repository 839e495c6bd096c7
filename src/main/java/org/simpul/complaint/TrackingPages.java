package org.simpul.complaint;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.TooManyRequestsException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.simpul.shared.RegionTime;

/**
 * The citizen's tracking page, {@code /lacak}: no login, a ticket number and the tracking code from the
 * receipt, the status and its steps in plain Bahasa Indonesia, nothing personal. The code travels in a
 * POST body, never in an address; the same limit as the API applies.
 */
@Controller
class TrackingPages {

	private final PublicTracking tracking;

	private final TrackingLimiter limiter;

	TrackingPages(PublicTracking tracking, TrackingLimiter limiter) {
		this.tracking = tracking;
		this.limiter = limiter;
	}

	/** The form; {@code ?tiket=} (from the receipt's QR code) fills in the ticket number, never the code. */
	@GetMapping("/lacak")
	String form(@RequestParam(name = "tiket", required = false) String ticket, Model model) {
		model.addAttribute("ticketNumber", ticket == null || ticket.length() > 40 ? null : ticket.strip());
		return "complaint/track";
	}

	@PostMapping("/lacak")
	String track(@RequestParam(required = false) String ticketNumber, @RequestParam(required = false) String trackingCode,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		model.addAttribute("ticketNumber", ticketNumber);
		model.addAttribute("zone", RegionTime.WIB);
		try {
			limiter.attempt(request.getRemoteAddr());
			model.addAttribute("tracking", tracking.track(ticketNumber, trackingCode));
		}
		catch (NotFoundException ex) {
			response.setStatus(HttpServletResponse.SC_NOT_FOUND);
			model.addAttribute("error", "tracking.notFound");
		}
		catch (TooManyRequestsException ex) {
			response.setStatus(429);
			response.setHeader("Retry-After", Long.toString(Math.max(1, ex.retryAfter().toSeconds())));
			model.addAttribute("error", "tracking.tooMany");
		}
		return "complaint/track";
	}
}
