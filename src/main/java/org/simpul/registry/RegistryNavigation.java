package org.simpul.registry;

import org.simpul.access.AccessControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Shows the registry in the navigation only to roles that may read it. */
@ControllerAdvice(annotations = Controller.class)
class RegistryNavigation {

	private final AccessControl access;

	RegistryNavigation(AccessControl access) {
		this.access = access;
	}

	@ModelAttribute
	void navigation(jakarta.servlet.http.HttpServletRequest request, Model model) {
		if (org.simpul.shared.web.ApiRequests.isApi(request)) {
			return;
		}
		access.currentUser().ifPresent(user -> model.addAttribute("navRegistry", RegistryAccess.mayRead(user.role())));
	}
}
