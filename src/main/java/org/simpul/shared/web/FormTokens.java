package org.simpul.shared.web;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
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
class FormTokens {

	@ModelAttribute
	void formToken(HttpServletRequest request, Model model) {
		if (!ApiRequests.isApi(request)) {
			model.addAttribute("formToken", UUID.randomUUID());
		}
	}
}
