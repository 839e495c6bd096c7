package org.simpul.casework;

import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.NavigationEntry;
import org.simpul.shared.ConflictException;
import org.simpul.shared.RegionTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Tugas saya": the volunteer's cases with what is due and the household to visit, kept on the phone for a
 * day without signal (the page and the case pages it links to), and the open cases of the village nobody has
 * taken, each with "Ambil kasus ini".
 */
@Controller
class CaseloadPages {

	private final Caseload caseload;

	private final Cases cases;

	private final AccessControl access;

	CaseloadPages(Caseload caseload, Cases cases, AccessControl access) {
		this.caseload = caseload;
		this.cases = cases;
		this.access = access;
	}

	@GetMapping("/tugas")
	String tasks(Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("tasks", caseload.mine(user));
		model.addAttribute("untaken", caseload.untaken(user));
		model.addAttribute("zone", RegionTime.WIB);
		return "casework/tasks";
	}

	@PostMapping("/tugas/{id}/ambil")
	String take(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			cases.take(access.requireUser(), id);
			redirect.addFlashAttribute("notice", "tasks.taken");
			return "redirect:/pengaduan/" + id + "/kasus";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
			return "redirect:/tugas";
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class NavigationEntries {

		@Bean
		NavigationEntry tasksEntry() {
			return NavigationEntry.forAction(5, "/tugas", "nav.tasks", Action.CASE_TAKE);
		}
	}
}
