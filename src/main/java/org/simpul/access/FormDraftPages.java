package org.simpul.access;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The form a user had filled when their session ended, given back after they logged in again: one tap sends
 * it where it was going (the page then saves it, or shows it again with what was typed and what to correct).
 */
@Controller
class FormDraftPages {

	private final FormDrafts drafts;

	private final AccessControl access;

	private final MessageSource messages;

	/** Where a field's label is looked for, in order: the draft's own names, then the forms' (complaint, registry). */
	private static final List<String> LABEL_PREFIXES = List.of("draft.field.", "complaint.", "registry.", "referral.",
			"casework.");

	FormDraftPages(FormDrafts drafts, AccessControl access, MessageSource messages) {
		this.drafts = drafts;
		this.access = access;
		this.messages = messages;
	}

	/** One typed value as the user sees it on the draft page: the field's label and the value's. */
	record Shown(String label, String value) {
	}

	@GetMapping(FormDrafts.PAGE)
	String draft(HttpServletRequest request, Model model) {
		CurrentUser user = access.requireUser();
		return drafts.take(user.id(), request.getSession(false)).map(draft -> {
			model.addAttribute("draft", draft);
			model.addAttribute("shown", shown(draft.fields(), LocaleContextHolder.getLocale()));
			return "access/draft";
		}).orElse("redirect:/");
	}

	/**
	 * The fields with labels, not the form's internal names and codes: "Bidang: Ekonomi dan usaha", not
	 * "category ECONOMY". A name without a label is shown as it is; hidden bookkeeping and blanks not at all.
	 */
	List<Shown> shown(List<List<String>> fields, Locale locale) {
		List<Shown> shown = new ArrayList<>();
		for (List<String> field : fields) {
			String name = field.get(0);
			String value = field.get(1);
			if (value.isBlank() || List.of("formToken", "version", "action", "subjectPersonId").contains(name)) {
				continue;
			}
			String key = LABEL_PREFIXES.stream().map(prefix -> prefix + name)
				.filter(candidate -> messages.getMessage(candidate, null, null, locale) != null)
				.findFirst()
				.orElse(null);
			String label = key == null ? name : messages.getMessage(key, null, locale);
			String valueLabel = key == null ? null : messages.getMessage(key + "." + value, null, null, locale);
			if (valueLabel == null && name.toLowerCase(Locale.ROOT).endsWith("sex")) {
				valueLabel = messages.getMessage("sex." + value, null, null, locale);
			}
			shown.add(new Shown(label, valueLabel == null ? value : valueLabel));
		}
		return shown;
	}
}
