package org.simpul.directory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Puskesos units of the user's territory ({@code /puskesos}) and the agencies with their services
 * ({@code /instansi}); administrators and district managers add and change them there.
 */
@Controller
class PuskesosPages {

	private final PuskesosDirectory directory;

	private final AccessControl access;

	private final DirectoryManagement management;

	private final AgencyMembers members;

	PuskesosPages(PuskesosDirectory directory, AccessControl access, DirectoryManagement management,
			AgencyMembers members) {
		this.directory = directory;
		this.access = access;
		this.management = management;
		this.members = members;
	}

	/** Runs a change of the directory and says on the page that it was saved, or the first problem of the form. */
	private static String saving(Runnable change, RedirectAttributes redirect, String page) {
		try {
			change.run();
			redirect.addFlashAttribute("notice", "directory.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:" + page;
	}

	private static Integer days(String typed) {
		try {
			return typed == null || typed.isBlank() ? null : Integer.valueOf(typed.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(FieldProblem.of("defaultDueDays", "TOO_SMALL_OR_LARGE"));
		}
	}

	@GetMapping("/puskesos")
	String list(Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("units", directory.within(access.territory()));
		model.addAttribute("mayManage", DirectoryManagement.mayManage(user));
		model.addAttribute("statuses", PuskesosStatus.values());
		return "directory/puskesos";
	}

	@PostMapping("/puskesos")
	String add(@RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
			@RequestParam(required = false) PuskesosStatus status, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.addPuskesos(user, name, regionCode, status), redirect, "/puskesos");
	}

	@PostMapping("/puskesos/{id}/ubah")
	String rename(@PathVariable UUID id, @RequestParam(required = false) String name, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.renamePuskesos(user, id, name), redirect, "/puskesos");
	}

	@PostMapping("/puskesos/{id}/status")
	String status(@PathVariable UUID id, @RequestParam(required = false) PuskesosStatus status,
			RedirectAttributes redirect) {
		management.changePuskesosStatus(access.requireUser(), id, status);
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/puskesos";
	}

	@GetMapping("/instansi")
	String agencies(Model model) {
		CurrentUser user = access.requireUser();
		List<DirectoryManagement.AgencyEntry> agencies = management.agencies(user);
		Map<UUID, List<AgencyMembers.Member>> staff = new HashMap<>();
		agencies.forEach(a -> staff.put(a.id(), members.members(user, a.id())));
		model.addAttribute("agencies", agencies);
		model.addAttribute("members", staff);
		model.addAttribute("categories", DirectoryManagement.CATEGORIES);
		return "directory/agencies";
	}

	@PostMapping("/instansi")
	String addAgency(@RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.addAgency(user, name, regionCode), redirect, "/instansi");
	}

	@PostMapping("/instansi/{id}/ubah")
	String renameAgency(@PathVariable UUID id, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.renameAgency(user, id, name), redirect, "/instansi");
	}

	/** Ends a programme manager's membership of the agency: their account stays, without referrals to see. */
	@PostMapping("/instansi/{id}/anggota/{userId}/lepas")
	String release(@PathVariable UUID id, @PathVariable UUID userId, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> members.remove(user, id, userId), redirect, "/instansi");
	}

	@PostMapping("/instansi/{id}/layanan")
	String addService(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String category, @RequestParam(required = false) String programmeCode,
			@RequestParam(required = false) String defaultDueDays, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.addService(user, id, name, category, programmeCode, days(defaultDueDays)),
				redirect, "/instansi");
	}

	@PostMapping("/instansi/layanan/{id}/ubah")
	String changeService(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String category, @RequestParam(required = false) String programmeCode,
			@RequestParam(required = false) String defaultDueDays, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		return saving(() -> management.changeService(user, id, name, category, programmeCode, days(defaultDueDays)),
				redirect, "/instansi");
	}

	@PostMapping("/instansi/layanan/{id}/{action:hentikan|lanjutkan}")
	String serviceActive(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
		management.setServiceActive(access.requireUser(), id, action.equals("lanjutkan"));
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/instansi";
	}
}
