package org.simpul.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.region.RegionCode;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The assessment forms of a district ({@code /asesmen/formulir}): the quick and deep forms in force with
 * their versions, and for its manager (or an administrator) a new version published from the form's text
 * (JSON, prefilled with the form in force), every problem named by its place in the form.
 */
@Controller
class AssessmentFormPages {

	private final AssessmentForms forms;

	private final AccessControl access;

	private final JsonMapper json;

	private final MessageSource messages;

	AssessmentFormPages(AssessmentForms forms, AccessControl access, JsonMapper json, MessageSource messages) {
		this.forms = forms;
		this.access = access;
		this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
		this.messages = messages;
	}

	record Definition(String title, List<AssessmentForm.Section> sections) {
	}

	@GetMapping("/asesmen/formulir")
	String page(@RequestParam(name = "kabupaten", required = false) String regency,
			@RequestParam(name = "jenis", defaultValue = "QUICK") Kind kind, Model model) {
		CurrentUser user = publisher();
		String code = regency(user, regency);
		FormView inForce = forms.inForce(kind, RegionCode.of(code));
		return page(model, user, code, kind, json.writeValueAsString(new Definition(inForce.title(), inForce.sections())),
				List.of());
	}

	@PostMapping("/asesmen/formulir")
	String publish(@RequestParam(name = "kabupaten", required = false) String regency, @RequestParam("jenis") Kind kind,
			@RequestParam(defaultValue = "") String definition, Model model, RedirectAttributes redirect,
			Locale locale) {
		CurrentUser user = publisher();
		String code = regency(user, regency);
		List<String> errors = new ArrayList<>();
		try {
			Definition typed = json.readValue(definition, Definition.class);
			AssessmentForms.Published published = forms.publish(user,
					new AssessmentForms.NewForm(null, kind.name(), code, typed == null ? null : typed.title(),
							typed == null ? null : typed.sections()));
			redirect.addFlashAttribute("notice", published.created() ? "forms.published" : "forms.unchanged");
			return "redirect:/asesmen/formulir?kabupaten=" + code + "&jenis=" + kind;
		}
		catch (JacksonException ex) {
			errors.add(messages.getMessage("forms.notJson", new Object[] {
					ex.getLocation() == null ? 0 : ex.getLocation().getLineNr() }, locale));
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach(p -> errors.add(p.field() + ": " + messages.getMessage(p.message(), null, locale)));
		}
		return page(model, user, code, kind, definition, errors);
	}

	private String page(Model model, CurrentUser user, String regency, Kind kind, String definition,
			List<String> errors) {
		RegionCode region = RegionCode.of(regency);
		model.addAttribute("regencyCode", regency);
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", Kind.values());
		model.addAttribute("inForce", Map.of(Kind.QUICK, forms.inForce(Kind.QUICK, region), Kind.DEEP,
				forms.inForce(Kind.DEEP, region)));
		model.addAttribute("versions", forms.versions(user, region));
		model.addAttribute("definition", definition);
		model.addAttribute("formErrors", errors);
		return "casework/forms";
	}

	/** The district whose forms are shown: the manager's own; for an administrator the one asked for. */
	private static String regency(CurrentUser user, String asked) {
		String own = user.territory().regionCode().map(r -> AssessmentForms.regency(r)).orElse(null);
		String code = own != null ? own : asked == null || asked.isBlank() ? "33.28" : asked.strip();
		if (!code.matches("\\d{2}\\.\\d{2}")) {
			throw new NotFoundException("Region");
		}
		return code;
	}

	private CurrentUser publisher() {
		CurrentUser user = access.requireUser();
		if (!AssessmentForms.mayPublish(user)) {
			throw new AccessDeniedException("Assessment forms are not published by " + user.role());
		}
		return user;
	}
}
