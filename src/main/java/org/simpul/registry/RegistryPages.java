package org.simpul.registry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.Region;
import org.simpul.fieldsync.FieldPhotos;
import org.simpul.region.RegionCatalog;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.PreconditionFailedException;
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

	private final HouseholdMembers members;

	private final AccessControl access;

	private final RegionCatalog regions;

	private final HouseholdEditing editing;

	private final RegionTime time;

	private final RegistryRestrictions restrictions;

	private final RegistryProposals proposals;

	private final HouseholdVisits visits;

	private final FieldPhotos photos;

	RegistryPages(PersonSearch search, HouseholdQueries queries, HouseholdRegistration registration, HouseholdMembers members,
			AccessControl access, RegionCatalog regions, HouseholdEditing editing, RegionTime time,
			RegistryRestrictions restrictions, RegistryProposals proposals, HouseholdVisits visits, FieldPhotos photos) {
		this.visits = visits;
		this.photos = photos;
		this.restrictions = restrictions;
		this.proposals = proposals;
		this.time = time;
		this.search = search;
		this.queries = queries;
		this.registration = registration;
		this.members = members;
		this.access = access;
		this.regions = regions;
		this.editing = editing;
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
			var results = search.search(user, new PersonSearch.Query(byNik ? nik : null, byNik ? null : name, null, null,
					welfareDecile, programme), new PageRequest(0, 50));
			model.addAttribute("results", results);
			// a restricted person is not shown, but not made to look absent either (a second registration)
			model.addAttribute("restricted", byNik && results.content().isEmpty() && restrictions.isRestrictedNik(user, nik));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("error", ex.problems().getFirst().message());
		}
		return "registry/search";
	}

	@GetMapping("/rumah-tangga/{id}")
	String household(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		model.addAttribute("household", household);
		model.addAttribute("mayWrite", RegistryAccess.mayWrite(user.role()));
		model.addAttribute("mayCorrect", RegistryAccess.mayCorrect(user));
		model.addAttribute("mayPropose", user.may(Action.USULAN_PROPOSE));
		model.addAttribute("today", time.latestToday());
		model.addAttribute("proposals", proposals.open(user, id));
		model.addAttribute("mayDecideProposals", RegistryProposals.mayDecide(user));
		List<HouseholdVisits.Visit> householdVisits = visits.of(user, id);
		model.addAttribute("visits", householdVisits);
		model.addAttribute("visitPhotos", photos.of(householdVisits.stream().map(HouseholdVisits.Visit::id).toList()));
		model.addAttribute("mayVisit", HouseholdVisits.mayVisit(user));
		model.addAttribute("mayProposeUsulan", user.may(Action.USULAN_PROPOSE));
		model.addAttribute("zone", RegionTime.WIB);
		return "registry/household";
	}

	/** A registry proposal accepted (the household takes its value, with history) or refused with a reason. */
	@PostMapping("/rumah-tangga/{id}/usulan/{proposalId}")
	String decideProposal(@PathVariable UUID id, @PathVariable UUID proposalId, @RequestParam String decision,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		try {
			if ("accept".equals(decision)) {
				proposals.accept(user, proposalId);
				redirect.addFlashAttribute("notice", "proposal.accepted");
			}
			else {
				proposals.reject(user, proposalId, reason);
				redirect.addFlashAttribute("notice", "proposal.rejected");
			}
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		catch (PreconditionFailedException ex) {
			redirect.addFlashAttribute("warning", "registry.stale");
		}
		return "redirect:/registri/rumah-tangga/" + id;
	}

	@GetMapping("/rumah-tangga/{id}/ubah")
	String editHousehold(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireCorrector(user);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		return editForm(model, user, household, HouseholdForm.of(household), Map.of());
	}

	@PostMapping("/rumah-tangga/{id}/ubah")
	String saveHousehold(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireCorrector(user);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		HouseholdForm form = HouseholdForm.read(params);
		String action = form.value("action");
		if (action.equals("add-member")) {
			form.addNewMember();
			return editForm(model, user, household, form, Map.of());
		}
		if (action.startsWith("remove-")) {
			form.removeMember(Integer.parseInt(action.substring("remove-".length())));
			return editForm(model, user, household, form, Map.of());
		}
		NewHousehold edited = form.toNewHousehold();
		int version;
		try {
			version = Integer.parseInt(form.value("version"));
		}
		catch (NumberFormatException ex) {
			version = -1;
		}
		if (!form.problems.isEmpty()) {
			return editForm(model, user, household, form, errors(form, form.problems));
		}
		try {
			editing.save(user, id, version, edited);
			redirect.addFlashAttribute("notice", "registry.saved");
			return "redirect:/registri/rumah-tangga/" + id;
		}
		catch (InvalidInputException ex) {
			return editForm(model, user, household, form, errors(form, ex.problems()));
		}
		catch (ConflictException ex) {
			return editForm(model, user, household, form, errors(form, List.of(ex.problem())));
		}
		catch (PreconditionFailedException ex) {
			// someone saved the household since this page was opened: start again from what is stored now
			HouseholdView stored = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
			model.addAttribute("stale", true);
			return editForm(model, user, stored, HouseholdForm.of(stored), Map.of());
		}
	}

	@PostMapping("/rumah-tangga/{id}/anggota/{personId}/keluar")
	String memberLeaves(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String date, @RequestParam(required = false) String newHeadId,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireCorrector(user);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		if (household.members().stream().noneMatch(m -> m.id().equals(personId))) {
			throw new NotFoundException("Person");
		}
		try {
			members.leave(user, personId, new HouseholdMembers.Departure(
					parse(PersonAttributes.LeaveReason.class, reason, "reason"), parseDate(date),
					newHeadId == null || newHeadId.isBlank() ? null : parseUuid(newHeadId)), "FORM");
			redirect.addFlashAttribute("notice", "registry.memberLeft");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/registri/rumah-tangga/" + id;
	}

	/** The district's correction of a member's name, birth date, sex or relationship, against the version shown. */
	@PostMapping("/rumah-tangga/{id}/anggota/{personId}/perbaiki")
	String memberCorrected(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(required = false) String name,
			@RequestParam(required = false) String birthDate, @RequestParam(required = false) String sex,
			@RequestParam(required = false) String relationship, @RequestParam(required = false) String version,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireCorrector(user);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		if (household.members().stream().noneMatch(m -> m.id().equals(personId))) {
			throw new NotFoundException("Person");
		}
		try {
			LocalDate born;
			try {
				born = parseDate(birthDate);
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException(FieldProblem.of("birthDate", "INVALID_DATE"));
			}
			members.correct(user, personId, version == null || version.isBlank() ? "" : version,
					new HouseholdMembers.PersonCorrection(name, born, parse(Sex.class, sex, "sex"),
							parse(Relationship.class, relationship, "relationship")), "FORM");
			redirect.addFlashAttribute("notice", "registry.memberCorrected");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (PreconditionFailedException ex) {
			redirect.addFlashAttribute("warning", "registry.stale");
		}
		return "redirect:/registri/rumah-tangga/" + id;
	}

	@PostMapping("/rumah-tangga/{id}/anggota/{personId}/pindah")
	String memberMoves(@PathVariable UUID id, @PathVariable UUID personId, @RequestParam(required = false) String kkNumber,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		RegistryAccess.requireCorrector(user);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		if (household.members().stream().noneMatch(m -> m.id().equals(personId))) {
			throw new NotFoundException("Person");
		}
		Optional<UUID> target = kkNumber == null || kkNumber.isBlank() ? Optional.empty()
				: queries.householdIdByKk(user, kkNumber);
		if (target.isEmpty()) {
			redirect.addFlashAttribute("warning", "registry.kkNotFound");
			return "redirect:/registri/rumah-tangga/" + id;
		}
		try {
			members.moveMember(user, personId, target.get());
			redirect.addFlashAttribute("notice", "registry.memberMoved");
			return "redirect:/registri/rumah-tangga/" + target.get();
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
			return "redirect:/registri/rumah-tangga/" + id;
		}
	}

	private String editForm(Model model, CurrentUser user, HouseholdView household, HouseholdForm form,
			Map<String, String> errors) {
		model.addAttribute("household", household);
		model.addAttribute("editing", true);
		model.addAttribute("today", time.latestToday());
		return form(model, user, form, errors);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of(field, "INVALID_VALUE"));
		}
	}

	private static LocalDate parseDate(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(FieldProblem.of("date", "INVALID_DATE"));
		}
	}

	private static UUID parseUuid(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("newHeadId", "INVALID_VALUE"));
		}
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
		model.addAttribute("editing", model.containsAttribute("editing"));
		model.addAttribute("values", form.values);
		model.addAttribute("memberIndexes", form.memberIndexes);
		model.addAttribute("errors", errors);
		model.addAttribute("villages", villagesOf(user));
		return "registry/household-form";
	}

	/** The villages a user may register in, when they are few enough for a list (a regency has ~300). */
	private List<Region> villagesOf(CurrentUser user) {
		return user.territory().regionCode().map(regions::villagesWithin).orElse(List.of());
	}

	private static Map<String, String> errors(HouseholdForm form, List<FieldProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.putIfAbsent(form.formField(p.field()), p.message()));
		return errors;
	}
}
