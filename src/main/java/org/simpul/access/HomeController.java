package org.simpul.access;

import java.util.List;

import org.simpul.region.RegionCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: what waits for the user (contributed by the modules), who they are, over which territory. */
@Controller
class HomeController {

	private final AccessControl access;

	private final RegionCatalog regions;

	private final List<HomeWork> work;

	HomeController(AccessControl access, RegionCatalog regions, List<HomeWork> work) {
		this.access = access;
		this.regions = regions;
		this.work = work;
	}

	@GetMapping("/")
	String home(Model model) {
		CurrentUser user = access.requireUser();
		user.territory().regionCode().ifPresent(code -> {
			model.addAttribute("lineage", regions.lineage(code));
			model.addAttribute("counts", regions.countsWithin(code));
		});
		// the desk's, the manager's and the agency's work first: what waits for them today
		List<HomeWork.Item> items = work.stream().flatMap(w -> w.itemsFor(user).stream()).toList();
		model.addAttribute("work", items.stream().filter(i -> i.count() > 0).toList());
		model.addAttribute("hasWork", !items.isEmpty());
		return "access/home";
	}
}
