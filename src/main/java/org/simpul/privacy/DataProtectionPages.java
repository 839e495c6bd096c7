package org.simpul.privacy;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.NavigationEntry;
import org.simpul.audit.AuditTrail;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.shared.ConflictException;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data protection officer's pages (Pelindungan data): find a person of the officer's territory by NIK or
 * name, see what Simpul holds about them and who processed it, download the export as JSON or PDF, restrict
 * or release their processing, and record and close their requests on the 3 × 24-hour clock. Every other
 * role is refused (403); a person outside the territory does not exist (404).
 */
@Controller
@RequestMapping("/pelindungan-data")
class DataProtectionPages {

	/** How many of the newest processing records the person's page shows (the export holds them all). */
	static final int RECENT_HISTORY = 20;

	private final AccessControl access;

	private final PersonSearch search;

	private final HouseholdQueries households;

	private final ComplaintQueries complaints;

	private final DataSubjects subjects;

	private final DataSubjectRequests requests;

	private final RegistryRestrictions restrictions;

	private final AuditTrail audit;

	DataProtectionPages(AccessControl access, PersonSearch search, HouseholdQueries households,
			ComplaintQueries complaints, DataSubjects subjects, DataSubjectRequests requests,
			RegistryRestrictions restrictions, AuditTrail audit) {
		this.access = access;
		this.search = search;
		this.households = households;
		this.complaints = complaints;
		this.subjects = subjects;
		this.requests = requests;
		this.restrictions = restrictions;
		this.audit = audit;
	}

	/** Every page shows times in WIB. */
	@ModelAttribute("zone")
	ZoneId zone() {
		return RegionTime.WIB;
	}

	private CurrentUser officer() {
		CurrentUser user = access.requireUser();
		user.requireDataProtectionOfficer();
		return user;
	}

	@GetMapping
	String index(Model model) {
		model.addAttribute("openRequests", requests.list(officer(), true));
		return "privacy/index";
	}

	@PostMapping("/cari")
	String find(@RequestParam(required = false) String nik, @RequestParam(required = false) String name,
			Model model) {
		CurrentUser dpo = officer();
		model.addAttribute("openRequests", requests.list(dpo, true));
		model.addAttribute("name", name);
		try {
			boolean byNik = nik != null && !nik.isBlank();
			model.addAttribute("results", search.search(dpo, new PersonSearch.Query(byNik ? nik : null,
					byNik ? null : name, null, null, null, null), new PageRequest(0, 50)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.problems().getFirst().message());
		}
		return "privacy/index";
	}

	@GetMapping("/orang/{personId}")
	String person(@PathVariable UUID personId, Model model) {
		CurrentUser dpo = officer();
		var person = households.person(dpo, personId).orElseThrow(() -> new NotFoundException("Person"));
		model.addAttribute("person", person);
		model.addAttribute("complaints", complaints.aboutPerson(dpo, personId));
		model.addAttribute("restrictedSince", restrictions.since(personId).orElse(null));
		model.addAttribute("requests", requests.list(dpo, false).stream()
			.filter(r -> r.personId().equals(personId))
			.toList());
		List<AuditTrail.Event> history = audit.history(dpo, personId, DataSubjects.HISTORY_LIMIT);
		model.addAttribute("historyCount", history.size());
		model.addAttribute("history", history.subList(Math.max(0, history.size() - RECENT_HISTORY), history.size())
			.reversed());
		model.addAttribute("kinds", DataSubjectRequests.Kind.values());
		return "privacy/person";
	}

	@GetMapping("/orang/{personId}/ekspor.json")
	@ResponseBody
	ResponseEntity<DataSubjects.Export> exportJson(@PathVariable UUID personId) {
		return DataSubjectController.json(subjects.export(officer(), personId), personId);
	}

	@GetMapping("/orang/{personId}/ekspor.pdf")
	@ResponseBody
	ResponseEntity<byte[]> exportPdf(@PathVariable UUID personId) {
		return DataSubjectController.pdf(subjects.export(officer(), personId), personId);
	}

	@PostMapping("/orang/{personId}/pembatasan")
	String restriction(@PathVariable UUID personId, @RequestParam(defaultValue = "") String action,
			RedirectAttributes redirect) {
		CurrentUser dpo = officer();
		if (action.equals("lift")) {
			restrictions.lift(dpo, personId);
			redirect.addFlashAttribute("notice", "privacy.restrictionLifted");
		}
		else {
			restrictions.restrict(dpo, personId);
			redirect.addFlashAttribute("notice", "privacy.restricted");
		}
		return "redirect:/pelindungan-data/orang/" + personId;
	}

	@PostMapping("/orang/{personId}/permintaan")
	String receive(@PathVariable UUID personId, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String details, RedirectAttributes redirect) {
		try {
			requests.receive(officer(), null, personId, kind, details);
			redirect.addFlashAttribute("notice", "privacy.requestRecorded");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().field().equals("kind")
					? "privacy.kindRequired" : ex.problems().getFirst().message());
		}
		return "redirect:/pelindungan-data/orang/" + personId;
	}

	@PostMapping("/permintaan/{id}/tutup")
	String close(@PathVariable UUID id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String outcome, @RequestParam UUID personId, RedirectAttributes redirect) {
		try {
			requests.close(officer(), id, status, outcome);
			redirect.addFlashAttribute("notice", "privacy.requestClosed");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/pelindungan-data/orang/" + personId;
	}

	/** The officer's entry in the navigation. */
	@Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationEntry dataProtectionEntry() {
			return NavigationEntry.forAction(80, "/pelindungan-data", "nav.privacy", Action.DATA_PROTECTION);
		}
	}
}
