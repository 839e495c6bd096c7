package org.simpul.directory;

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

	PuskesosPages(PuskesosDirectory directory, AccessControl access, DirectoryManagement management) {
		this.directory = directory;
		this.access = access;
		this.management = management;
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
		try {
			management.addPuskesos(access.requireUser(), name, regionCode, status);
			redirect.addFlashAttribute("notice", "directory.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/puskesos";
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
		model.addAttribute("agencies", management.agencies(access.requireUser()));
		model.addAttribute("categories", java.util.List.of("HEALTH", "EDUCATION", "CIVIL_REGISTRATION", "SOCIAL",
				"ECONOMY", "OTHER"));
		return "directory/agencies";
	}

	@PostMapping("/instansi")
	String addAgency(@RequestParam(required = false) String name, @RequestParam(required = false) String regionCode,
			RedirectAttributes redirect) {
		try {
			management.addAgency(access.requireUser(), name, regionCode);
			redirect.addFlashAttribute("notice", "directory.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/instansi";
	}

	@PostMapping("/instansi/{id}/layanan")
	String addService(@PathVariable UUID id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String category, @RequestParam(required = false) String programmeCode,
			@RequestParam(required = false) String defaultDueDays, RedirectAttributes redirect) {
		try {
			Integer days;
			try {
				days = defaultDueDays == null || defaultDueDays.isBlank() ? null : Integer.valueOf(defaultDueDays.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException(FieldProblem.of("defaultDueDays", "TOO_SMALL_OR_LARGE"));
			}
			management.addService(access.requireUser(), id, name, category, programmeCode, days);
			redirect.addFlashAttribute("notice", "directory.saved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/instansi";
	}

	@PostMapping("/instansi/layanan/{id}/{action:hentikan|lanjutkan}")
	String serviceActive(@PathVariable UUID id, @PathVariable String action, RedirectAttributes redirect) {
		management.setServiceActive(access.requireUser(), id, action.equals("lanjutkan"));
		redirect.addFlashAttribute("notice", "directory.saved");
		return "redirect:/instansi";
	}
}
