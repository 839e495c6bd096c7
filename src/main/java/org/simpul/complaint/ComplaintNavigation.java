package org.simpul.complaint;

import org.simpul.access.AccessControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Shows the service desk (Pengaduan) in the navigation only to roles that take complaints, and the PPKS lists
 * to those who publish them.
 */
@ControllerAdvice(annotations = Controller.class)
class ComplaintNavigation {

	private final AccessControl access;

	ComplaintNavigation(AccessControl access) {
		this.access = access;
	}

	@ModelAttribute
	void navigation(jakarta.servlet.http.HttpServletRequest request, Model model) {
		if (org.simpul.shared.web.ApiRequests.isApi(request)) {
			return;
		}
		access.currentUser()
			.ifPresent(user -> {
				model.addAttribute("navComplaints", ComplaintIntake.mayTakeComplaints(user.role()));
				model.addAttribute("navPpks", PpksLists.mayPublish(user));
			});
	}
}
