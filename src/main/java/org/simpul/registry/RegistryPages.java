package org.simpul.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionLevel;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry pages (Registri): search by NIK or name (a POST, so a NIK never lands in a URL or a log of
 * visited addresses), the household page, and registering a household with its members.
 */
@Controller
@RequestMapping("/registri")
class RegistryPages {

	private final PersonSearch search;

	private final HouseholdQueries queries;

	private final HouseholdRegistration registration;

	private final AccessControl access;

	private final RegionCatalog regions;

	RegistryPages(PersonSearch search, HouseholdQueries queries, HouseholdRegistration registration,
			AccessControl access, RegionCatalog regions) {
		this.search = search;
		this.queries = queries;
		this.registration = registration;
		this.access = access;
		this.regions = regions;
	}

	@GetMapping
	String searchPage(Model model) {
		RegistryAccess.requireReader(access.requireUser());
		model.addAttribute("mayWrite", RegistryAccess.mayWrite(access.requireUser().role()));
		model.addAttribute("mayImport", RegistryImports.mayImport(access.requireUser().role()));
		model.addAttribute("mayReview", DuplicateDetection.mayReview(access.requireUser().role()));
		return "registry/search";
	}

	@PostMapping("/cari")
	String searchResults(@RequestParam(required = false) String nik, @RequestParam(required = false) String name,
			@RequestParam(required = false) Integer welfareDecile, @RequestParam(required = false) String programme,
			Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("mayWrite", RegistryAccess.mayWrite(user.role()));
		model.addAttribute("mayImport", RegistryImports.mayImport(user.role()));
		model.addAttribute("mayReview", DuplicateDetection.mayReview(user.role()));
		model.addAttribute("name", name);
		model.addAttribute("welfareDecile", welfareDecile);
		model.addAttribute("programme", programme);
		try {
			boolean byNik = nik != null && !nik.isBlank();
			model.addAttribute("results", search.search(user, new PersonSearch.Query(byNik ? nik : null,
					byNik ? null : name, null, null, welfareDecile, programme), new PageRequest(0, 50)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.problems().getFirst().message());
		}
		return "registry/search";
	}

	@GetMapping("/rumah-tangga/{id}")
	String household(@PathVariable UUID id, Model model) {
		HouseholdView household = queries.household(access.requireUser(), id)
			.orElseThrow(() -> new NotFoundException("Household"));
		model.addAttribute("household", household);
		return "registry/household";
	}

	@GetMapping("/rumah-tangga/baru")
	String newHousehold(Model model) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireWriter(user);
		return form(model, user, HouseholdForm.empty(user.territory().value()), Map.of());
	}

	@PostMapping("/rumah-tangga/baru")
	String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireWriter(user);
		HouseholdForm form = HouseholdForm.read(params);
		String action = form.value("action");
		if (action.equals("add-member")) {
			form.addMember();
			return form(model, user, form, Map.of());
		}
		if (action.startsWith("remove-")) {
			form.removeMember(Integer.parseInt(action.substring("remove-".length())));
			return form(model, user, form, Map.of());
		}
		NewHousehold household = form.toNewHousehold();
		if (!form.problems.isEmpty()) {
			return form(model, user, form, errors(form, form.problems));
		}
		try {
			HouseholdView created = registration.register(user, household, "FORM");
			redirect.addFlashAttribute("notice", "registry.created");
			if (!created.warnings().isEmpty()) {
				redirect.addFlashAttribute("warning", "registry.createdWithWarnings");
			}
			return "redirect:/registri/rumah-tangga/" + created.id();
		}
		catch (InvalidInputException ex) {
			return form(model, user, form, errors(form, ex.problems()));
		}
		catch (ConflictException ex) {
			return form(model, user, form, errors(form, List.of(ex.problem())));
		}
	}

	private String form(Model model, CurrentUser user, HouseholdForm form, Map<String, String> errors) {
		model.addAttribute("values", form.values);
		model.addAttribute("memberIndexes", form.memberIndexes);
		model.addAttribute("errors", errors);
		model.addAttribute("villages", villagesOf(user));
		return "registry/household-form";
	}

	/** The villages a user may register in, when they are few enough for a list (a regency has ~300). */
	private List<Region> villagesOf(CurrentUser user) {
		return user.territory().regionCode().map(code -> {
			if (code.level() == RegionLevel.VILLAGE) {
				return regions.find(code).map(List::of).orElse(List.<Region>of());
			}
			if (code.level() == RegionLevel.DISTRICT) {
				return regions.children(code);
			}
			if (code.level() == RegionLevel.REGENCY) {
				return regions.children(code).stream().flatMap(d -> regions.children(d.regionCode()).stream()).toList();
			}
			return List.<Region>of();
		}).orElse(List.of());
	}

	private static Map<String, String> errors(HouseholdForm form, List<FieldProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(form.formField(p.field()), p.message()));
		return errors;
	}
}
