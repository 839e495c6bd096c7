package org.simpul.referral;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.shared.TooManyRequestsException;
import org.simpul.shared.web.ClientLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /verifikasi/{code}}: anyone holding a referral letter (a hospital clerk, a village office) scans its
 * QR code and sees that the letter is genuine: the ticket, the receiving service, when it was sent, the due
 * date and the status; no login, no personal data. An unknown code answers 404 with the same page.
 */
@Controller
class VerificationPages {

	private final ReferralQueries referralQueries;

	private final ClientLimiter limiter;

	VerificationPages(ReferralQueries referralQueries, Clock clock,
			@org.springframework.beans.factory.annotation.Value("${simpul.verification.attempts:120}") int attempts,
			@org.springframework.beans.factory.annotation.Value("${simpul.verification.window:15m}") Duration window) {
		this.referralQueries = referralQueries;
		this.limiter = new ClientLimiter("verification", attempts, window, clock);
	}

	/** At most {@code simpul.verification.attempts} look-ups per client address and window (429 beyond). */
	@GetMapping("/verifikasi/{code}")
	String verify(@PathVariable String code, Model model, HttpServletResponse response,
			HttpServletRequest request) {
		try {
			limiter.attempt(request.getRemoteAddr());
		}
		catch (TooManyRequestsException tooMany) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(org.springframework.http.HttpHeaders.RETRY_AFTER,
					Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
			model.addAttribute("tooMany", true);
			return "referral/verify";
		}
		referralQueries.verify(code).ifPresentOrElse(v -> model.addAttribute("v", v),
				() -> response.setStatus(HttpStatus.NOT_FOUND.value()));
		model.addAttribute("zone", ReferralPages.WIB);
		return "referral/verify";
	}
}
