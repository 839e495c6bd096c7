package org.simpul.access;

import org.simpul.region.RegionCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: who is signed in, with which role, over which territory. */
@Controller
class HomeController {

	private final AccessControl access;

	private final RegionCatalog regions;

	HomeController(AccessControl access, RegionCatalog regions) {
		this.access = access;
		this.regions = regions;
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser user = access.requireUser();
		user.territory().regionCode().ifPresent(code -> {
			model.addAttribute("lineage", regions.lineage(code));
			model.addAttribute("counts", regions.countsWithin(code));
		});
		return "access/home";
	}
}
