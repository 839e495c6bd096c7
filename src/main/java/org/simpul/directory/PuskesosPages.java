package org.simpul.directory;

import org.simpul.access.AccessControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The Puskesos list of the user's territory. */
@Controller
class PuskesosPages {

	private final PuskesosDirectory directory;

	private final AccessControl access;

	PuskesosPages(PuskesosDirectory directory, AccessControl access) {
		this.directory = directory;
		this.access = access;
	}

	@GetMapping("/puskesos")
	String list(Model model) {
		model.addAttribute("units", directory.within(access.territory()));
		return "directory/puskesos";
	}
}
