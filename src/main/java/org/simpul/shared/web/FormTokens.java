package org.simpul.shared.web;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * A fresh one-time token for every page shown, which a form that creates something carries in the hidden
 * field {@value IdempotencyFilter#FORM_FIELD} ({@code fragments/form :: token}); the filter makes every
 * submit of one token after the first lead to the first one's result.
 */
@ControllerAdvice(annotations = Controller.class)
public class FormTokens {

	/**
	 * The session attribute holding the tokens this session was given (the last {@value #REMEMBERED}): a form
	 * posted after the session ended is kept for its user only if its token is one of them, so that nobody
	 * can leave a form of their own making waiting in someone else's name.
	 */
	public static final String ISSUED = FormTokens.class.getName() + ".issued";

	static final int REMEMBERED = 50;

	@ModelAttribute
	void formToken(HttpServletRequest request, Model model) {
		if (ApiRequests.isApi(request)) {
			return;
		}
		UUID token = UUID.randomUUID();
		model.addAttribute("formToken", token);
		HttpSession session = request.getSession(false);
		if (session != null) {
			synchronized (session.getId().intern()) {
				@SuppressWarnings("unchecked")
				LinkedHashSet<String> issued = session.getAttribute(ISSUED) instanceof LinkedHashSet<?> set
						? (LinkedHashSet<String>) set : new LinkedHashSet<>();
				issued.add(token.toString());
				while (issued.size() > REMEMBERED) {
					issued.remove(issued.iterator().next());
				}
				session.setAttribute(ISSUED, issued);
			}
		}
	}

	/** The tokens a session was given (empty for none). */
	public static Set<String> issued(HttpSession session) {
		Object issued = session == null ? null : session.getAttribute(ISSUED);
		return issued instanceof Set<?> set ? set.stream().map(String::valueOf)
			.collect(Collectors.toUnmodifiableSet()) : Set.of();
	}
}
