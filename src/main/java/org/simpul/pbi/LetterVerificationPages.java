package org.simpul.pbi;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.simpul.shared.TooManyRequestsException;
import org.simpul.shared.web.ClientLimiter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /verifikasi/pbi/{code}}: whoever holds a reactivation letter (a hospital clerk, BPJS' desk, the ministry's
 * operator) scans its QR code and sees that the letter is genuine: its number, day, the district that issued it and
 * where the request stands; no login, nothing about the person. An unknown code answers 404 with the same page; at
 * most {@code simpul.verification.attempts} look-ups per client address and window (429 beyond).
 */
@Controller
class LetterVerificationPages {

	private final ReactivationLetters letters;

	private final ClientLimiter limiter;

	LetterVerificationPages(ReactivationLetters letters, Clock clock,
			@Value("${simpul.verification.attempts:120}") int attempts,
			@Value("${simpul.verification.window:15m}") Duration window) {
		this.letters = letters;
		this.limiter = new ClientLimiter("pbi-verification", attempts, window, clock);
	}

	@GetMapping("/verifikasi/pbi/{code}")
	String verify(@PathVariable String code, Model model, HttpServletResponse response, HttpServletRequest request) {
		try {
			limiter.attempt(request.getRemoteAddr());
		}
		catch (TooManyRequestsException tooMany) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, tooMany.retryAfter().toSeconds())));
			model.addAttribute("tooMany", true);
			return "pbi/verify";
		}
		letters.verify(code).ifPresentOrElse(v -> model.addAttribute("v", v),
				() -> response.setStatus(HttpStatus.NOT_FOUND.value()));
		return "pbi/verify";
	}
}
