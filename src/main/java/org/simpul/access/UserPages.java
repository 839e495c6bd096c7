package org.simpul.access;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User management pages (Pengguna) for administrators and district managers. */
@Controller
@RequestMapping("/pengguna")
class UserPages {

	private final UserManagement users;

	private final AccessControl access;

	private final RegionCatalog regions;

	private final org.springframework.beans.factory.ObjectProvider<AgencyAffiliations> affiliations;

	UserPages(UserManagement users, AccessControl access, RegionCatalog regions,
			org.springframework.beans.factory.ObjectProvider<AgencyAffiliations> affiliations) {
		this.affiliations = affiliations;
		this.users = users;
		this.access = access;
		this.regions = regions;
	}

	record UserForm(String username, String password, String displayName, Role role, String regionCode, Integer version,
			String agencyId) {

		static UserForm empty() {
			return new UserForm("", "", "", Role.FACILITATOR, "", null, "");
		}
	}

	/**
	 * The agency a programme manager's form names: required for that role (without one the manager would see
	 * no referral, "0 rujukan", and nobody would know why), and one the actor may link to.
	 */
	private Optional<UUID> agencyOf(CurrentUser actor, UserForm form) {
		if (form.role() != Role.PROGRAM_MANAGER) {
			return Optional.empty();
		}
		AgencyAffiliations agencies = affiliations.getIfAvailable();
		if (agencies == null) {
			return Optional.empty();
		}
		UUID chosen = null;
		try {
			chosen = form.agencyId() == null || form.agencyId().isBlank() ? null : UUID.fromString(form.agencyId().strip());
		}
		catch (IllegalArgumentException ex) {
			// not an id: as if none were chosen
		}
		UUID agency = chosen;
		if (agency == null || agencies.choices(actor).stream().noneMatch(c -> c.id().equals(agency))) {
			throw new InvalidInputException(FieldProblem.of("agencyId", "AGENCY_REQUIRED"));
		}
		return Optional.of(agency);
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("users", users.list(access.requireUser(), q, new PageRequest(Math.max(page, 0), 25)));
		return "access/users";
	}

	@GetMapping("/baru")
	String newUser(Model model) {
		return form(model, UserForm.empty(), Map.of(), null);
	}

	@PostMapping("/baru")
	String create(UserForm form, Model model, RedirectAttributes redirect) {
		CurrentUser actor = access.requireUser();
		try {
			Optional<UUID> agency = agencyOf(actor, form);
			UserView created = users.create(actor, new UserManagement.NewUser(null, form.username(),
					form.password(), form.displayName(), form.role(), form.regionCode()));
			// in the page's transaction (the form token's): a user and their agency, or neither
			agency.ifPresent(a -> affiliations.getObject().link(actor, created.id(), a));
			redirect.addFlashAttribute("notice", "users.created");
			return "redirect:/pengguna/" + created.id();
		}
		catch (InvalidInputException ex) {
			return form(model, form, errors(ex.problems().toArray(FieldProblem[]::new)), null);
		}
		catch (ConflictException ex) {
			return form(model, form, errors(ex.problem()), null);
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable UUID id, Model model) {
		UserView user = users.find(access.requireUser(), id);
		AgencyAffiliations agencies = affiliations.getIfAvailable();
		String agency = agencies == null ? "" : agencies.agencyOf(id).map(UUID::toString).orElse("");
		return form(model, new UserForm(user.username(), "", user.displayName(), user.role(), user.regionCode(),
				user.version(), agency), Map.of(), user);
	}

	@PostMapping("/{id}")
	String change(@PathVariable UUID id, UserForm form, Model model, RedirectAttributes redirect) {
		CurrentUser actor = access.requireUser();
		try {
			Optional<UUID> agency = agencyOf(actor, form);
			users.change(actor, id, String.valueOf(form.version()),
					new UserManagement.UserChange(form.displayName(), form.role(), form.regionCode()));
			agency.ifPresent(a -> affiliations.getObject().link(actor, id, a));
			redirect.addFlashAttribute("notice", "users.saved");
			return "redirect:/pengguna/" + id;
		}
		catch (InvalidInputException ex) {
			return form(model, form, errors(ex.problems().toArray(FieldProblem[]::new)), users.find(actor, id));
		}
		catch (PreconditionFailedException ex) {
			redirect.addFlashAttribute("warning", "users.stale");
			return "redirect:/pengguna/" + id;
		}
	}

	@PostMapping("/{id}/nonaktifkan")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			users.deactivate(access.requireUser(), id);
			redirect.addFlashAttribute("notice", "users.deactivated");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", "problem." + ex.problems().getFirst().code());
		}
		return "redirect:/pengguna/" + id;
	}

	@PostMapping("/{id}/aktifkan")
	String activate(@PathVariable UUID id, RedirectAttributes redirect) {
		users.activate(access.requireUser(), id);
		redirect.addFlashAttribute("notice", "users.activated");
		return "redirect:/pengguna/" + id;
	}

	@PostMapping("/{id}/sandi")
	String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
		try {
			users.resetPassword(access.requireUser(), id, password);
			redirect.addFlashAttribute("notice", "users.passwordReset");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", "problem." + ex.problems().getFirst().code());
		}
		return "redirect:/pengguna/" + id;
	}

	@PostMapping("/{id}/autentikator")
	String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
		try {
			users.resetSecondFactor(access.requireUser(), id);
			redirect.addFlashAttribute("notice", "users.secondFactorReset");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", "problem." + ex.problems().getFirst().code());
		}
		return "redirect:/pengguna/" + id;
	}

	/** htmx: the territory choices around a newly chosen region, so the form drills down without a reload. */
	@GetMapping("/wilayah")
	String regionOptions(@RequestParam(required = false) String regionCode, Model model) {
		model.addAttribute("form", new UserForm("", "", "", null, regionCode, null, ""));
		model.addAttribute("regionChoices", RegionChoices.around(regions, access.requireUser().territory(),
				RegionCode.parse(regionCode).orElse(null)));
		return "access/user-form :: regionOptions";
	}

	private String form(Model model, UserForm form, Map<String, String> errors, UserView existing) {
		CurrentUser actor = access.requireUser();
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("existing", existing);
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(actor.role().assignableRoles());
		if (form.role() != null) {
			roles.add(form.role());
		}
		model.addAttribute("roles", roles);
		model.addAttribute("regionChoices", RegionChoices.around(regions, actor.territory(),
				RegionCode.parse(form.regionCode()).orElse(null)));
		AgencyAffiliations agencies = affiliations.getIfAvailable();
		model.addAttribute("agencies", agencies == null ? List.of() : agencies.choices(actor));
		return "access/user-form";
	}

	private static Map<String, String> errors(FieldProblem... problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem problem : problems) {
			errors.putIfAbsent(problem.field(), problem.message());
		}
		return errors;
	}
}
