package org.simpul.access;

import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user and the name of their territory for the header and the navigation,
 * which shows only what the user's role may use.
 */
@ControllerAdvice(annotations = Controller.class)
class ShellAdvice {

	private final AccessControl access;

	private final RegionCatalog regions;

	ShellAdvice(AccessControl access, RegionCatalog regions) {
		this.access = access;
		this.regions = regions;
	}

	@ModelAttribute
	void shell(jakarta.servlet.http.HttpServletRequest request, Model model) {
		if (org.simpul.shared.web.ApiRequests.isApi(request)) {
			return;
		}
		access.currentUser().ifPresent(user -> {
			model.addAttribute("me", user);
			model.addAttribute("territoryName", user.territory()
				.regionCode()
				.flatMap(regions::find)
				.map(Region::name)
				.orElse("Indonesia"));
			model.addAttribute("mayManageUsers", user.role().managesUsers());
		});
	}
}
