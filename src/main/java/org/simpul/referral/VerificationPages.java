package org.simpul.referral;

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

	private final Referrals referrals;

	VerificationPages(Referrals referrals) {
		this.referrals = referrals;
	}

	@GetMapping("/verifikasi/{code}")
	String verify(@PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
		referrals.verify(code).ifPresentOrElse(v -> model.addAttribute("v", v),
				() -> response.setStatus(HttpStatus.NOT_FOUND.value()));
		model.addAttribute("zone", ReferralPages.WIB);
		return "referral/verify";
	}
}
