package org.simpul.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The form a user had filled when their session ended, given back after they logged in again: one tap sends
 * it where it was going (the page then saves it, or shows it again with what was typed and what to correct).
 */
@Controller
class FormDraftPages {

	private final FormDrafts drafts;

	private final AccessControl access;

	FormDraftPages(FormDrafts drafts, AccessControl access) {
		this.drafts = drafts;
		this.access = access;
	}

	@GetMapping(FormDrafts.PAGE)
	String draft(HttpServletRequest request, Model model) {
		CurrentUser user = access.requireUser();
		return drafts.take(user.id(), request.getSession(false)).map(draft -> {
			model.addAttribute("draft", draft);
			return "access/draft";
		}).orElse("redirect:/");
	}
}
