package org.simpul.access;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import io.nayuki.qrcodegen.QrCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second step of a page login: the code of an enrolled user ({@code /masuk/kode}), or the enrolment a
 * privileged user must make first ({@code /akun/2fa}: a QR code for the authenticator app, then its first
 * code). Until the step is done the session reaches nothing else ({@link Gate}).
 */
@Controller
class SecondFactorPages {

	/** What the session still owes after the password: {@code CODE} or {@code ENROL}. */
	static final String PENDING = SecondFactorPages.class.getName() + ".pending";

	static final String SECRET = SecondFactorPages.class.getName() + ".secret";

	private final SecondFactors factors;

	private final AccessControl access;

	private final LoginLimiter limiter;

	SecondFactorPages(SecondFactors factors, AccessControl access, LoginLimiter limiter) {
		this.limiter = limiter;
		this.factors = factors;
		this.access = access;
	}

	@GetMapping("/masuk/kode")
	String codeForm() {
		return "access/totp-code";
	}

	@PostMapping("/masuk/kode")
	String code(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			HttpServletRequest request) {
		CurrentUser user = access.requireUser();
		if (!factors.verify(user.id(), code)) {
			limiter.failed(request.getRemoteAddr());
			if (factors.locked(user.id())) {
				// five wrong codes: the account is locked like after five wrong passwords, and the half-done
				// session ends
				session.invalidate();
				org.springframework.security.core.context.SecurityContextHolder.clearContext();
				return "redirect:/masuk?gagal";
			}
			model.addAttribute("error", "totp.wrong");
			return "access/totp-code";
		}
		session.removeAttribute(PENDING);
		return "redirect:" + FormDrafts.landing(session);
	}

	@GetMapping("/akun/2fa")
	String enrolment(HttpSession session, Model model) {
		CurrentUser user = access.requireUser();
		if (factors.state(user.id()).enrolled()) {
			model.addAttribute("enrolled", true);
			return "access/totp-enrol";
		}
		String secret = (String) session.getAttribute(SECRET);
		if (secret == null) {
			secret = Totp.newSecret();
			session.setAttribute(SECRET, secret);
		}
		String uri = Totp.uri(secret, user.username());
		model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
		model.addAttribute("qr", svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
		return "access/totp-enrol";
	}

	@PostMapping("/akun/2fa")
	String enrol(@RequestParam(defaultValue = "") String code, HttpSession session, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		String secret = (String) session.getAttribute(SECRET);
		if (secret == null || !factors.enrol(user.id(), secret, code)) {
			model.addAttribute("error", "totp.wrong");
			return enrolment(session, model);
		}
		session.removeAttribute(SECRET);
		session.removeAttribute(PENDING);
		redirect.addFlashAttribute("notice", "totp.enrolled");
		return "redirect:" + FormDrafts.landing(session);
	}

	/** The QR code as an inline SVG path (no script, no external image). */
	static String svg(QrCode qr) {
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + 4).append(',').append(y + 4).append("h1v1h-1z");
				}
			}
		}
		int size = qr.size + 8;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" width=\"220\" height=\"220\" role=\"img\" aria-label=\"QR\"><rect width=\"100%\" height=\"100%\""
				+ " fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
	}

	/** While a login's second step is owed, every page but that step (and logging out) leads to it. */
	static class Gate extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			Object pending = session == null ? null : session.getAttribute(PENDING);
			if (pending != null) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				String step = "CODE".equals(pending) ? "/masuk/kode" : "/akun/2fa";
				boolean free = path.equals(step) || path.equals("/keluar") || path.equals("/error")
						|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
						|| path.equals("/favicon.ico");
				if (!free) {
					response.sendRedirect(request.getContextPath() + step);
					return;
				}
			}
			chain.doFilter(request, response);
		}
	}
}
