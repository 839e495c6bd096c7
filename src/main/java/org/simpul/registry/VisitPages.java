package org.simpul.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.Decimals;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The home-visit form ("Catat kunjungan"): the house as the registry knows it, to be confirmed or corrected at
 * the door, a note, photos from the phone's camera and the phone's position when the worker allows it. It goes
 * through the field app's outbox (kind {@code visit}); without the app's script it posts here, photos aside.
 */
@Controller
class VisitPages {

	private final HouseholdQueries queries;

	private final HouseholdVisits visits;

	private final AccessControl access;

	VisitPages(HouseholdQueries queries, HouseholdVisits visits, AccessControl access) {
		this.queries = queries;
		this.visits = visits;
		this.access = access;
	}

	@GetMapping("/registri/rumah-tangga/{id}/kunjungan")
	String form(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		user.require(Action.HOUSEHOLD_VISIT);
		HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
		return form(model, household, household.conditions().byField(), null, Map.of());
	}

	@PostMapping("/registri/rumah-tangga/{id}/kunjungan")
	String record(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		user.require(Action.HOUSEHOLD_VISIT);
		Map<String, String> conditions = new LinkedHashMap<>();
		HouseholdVisits.FIELDS.forEach(field -> conditions.put(field, params.getFirst(field)));
		try {
			visits.record(user, new HouseholdVisits.NewVisit(null, id, conditions, params.getFirst("note"),
					decimal(params.getFirst("latitude")), decimal(params.getFirst("longitude")), null, null));
			redirect.addFlashAttribute("notice", "visit.saved");
			return "redirect:/registri/rumah-tangga/" + id;
		}
		catch (InvalidInputException ex) {
			HouseholdView household = queries.household(user, id).orElseThrow(() -> new NotFoundException("Household"));
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			return form(model, household, conditions, params.getFirst("note"), errors);
		}
	}

	private static BigDecimal decimal(String value) {
		try {
			return value == null || value.isBlank() ? null : Decimals.parse(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String form(Model model, HouseholdView household, Map<String, String> values, String note,
			Map<String, String> errors) {
		model.addAttribute("household", household);
		model.addAttribute("values", values);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		return "registry/visit";
	}
}
