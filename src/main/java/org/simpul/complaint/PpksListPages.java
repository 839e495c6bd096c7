package org.simpul.complaint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.simpul.access.AccessControl;
import org.simpul.access.CurrentUser;
import org.simpul.complaint.PpksLists.CategoryInput;
import org.simpul.complaint.PpksLists.CategoryView;
import org.simpul.complaint.PpksLists.Overview;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of a regency's PPKS lists ({@code /ppks}): the list in force and every version; for its manager a
 * form to publish a new version, one category per line ({@code kode | nama | kode nasional}, or pasted from
 * a spreadsheet with tabs), prefilled with the list in force.
 */
@Controller
@RequestMapping("/ppks")
class PpksListPages {

	private static final Set<String> SENSITIVE_WORDS = Set.of("sensitif", "sensitive", "ya", "yes");

	private static final Pattern LINE_FIELD = Pattern.compile("categories\\[(\\d+)](?:\\.(\\w+))?");

	private final PpksLists lists;

	private final AccessControl access;

	private final RegionCatalog regions;

	private final MessageSource messages;

	PpksListPages(PpksLists lists, AccessControl access, RegionCatalog regions, MessageSource messages) {
		this.lists = lists;
		this.access = access;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping
	String page(@RequestParam(required = false) String kabupaten, Model model) {
		CurrentUser user = access.requireUser();
		String regency = kabupaten == null || kabupaten.isBlank() ? ownRegency(user) : kabupaten.strip();
		if (regency == null) {
			// a province or the nation: choose a regency first
			model.addAttribute("regencies", user.territory().regionCode().map(regions::children).orElse(List.of()));
			return "complaint/ppks-choose";
		}
		Overview overview = lists.overview(user, regency);
		return page(model, user, overview, null, text(overview), List.of(), Map.of());
	}

	@PostMapping("/terbitkan")
	String publish(@RequestParam String kabupaten, @RequestParam(required = false) String name,
			@RequestParam(required = false) String lines, Model model, RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		Overview overview = lists.overview(user, kabupaten);
		List<Integer> lineNumbers = new ArrayList<>();
		List<FieldProblem> problems = new ArrayList<>();
		List<CategoryInput> categories = parse(lines == null ? "" : lines, lineNumbers, problems);
		try {
			// a line that cannot be read goes to the list as nothing, which the list refuses whole: every other
			// problem of the list is named in the same answer
			PpksLists.Published published = lists.publish(user,
					new PpksLists.NewList(null, overview.regencyCode(), name, categories));
			redirect.addFlashAttribute("notice", published.created() ? "ppks.published" : "ppks.unchanged");
			return "redirect:/ppks?kabupaten=" + overview.regencyCode();
		}
		catch (InvalidInputException ex) {
			List<FieldProblem> all = new ArrayList<>(problems);
			Set<String> unreadable = new HashSet<>(problems.stream().map(FieldProblem::field).toList());
			ex.problems().stream().filter(p -> !unreadable.contains(p.field())).forEach(all::add);
			all.sort(Comparator.comparingInt(p -> lineIndex(p.field())));
			List<String> lineErrors = new ArrayList<>();
			Map<String, String> errors = new LinkedHashMap<>();
			Locale locale = LocaleContextHolder.getLocale();
			for (FieldProblem problem : all) {
				Matcher line = LINE_FIELD.matcher(problem.field());
				if (line.matches() && Integer.parseInt(line.group(1)) < lineNumbers.size()) {
					lineErrors.add(messages.getMessage("ppks.lineError",
							new Object[] { lineNumbers.get(Integer.parseInt(line.group(1))),
									messages.getMessage(problem.message(), null, locale) },
							locale));
				}
				else {
					errors.putIfAbsent(problem.field().equals("categories") ? "lines" : problem.field(), problem.message());
				}
			}
			return page(model, user, overview, name, lines, lineErrors, errors);
		}
	}

	@PostMapping("/{id}/berlakukan")
	String activate(@PathVariable UUID id, RedirectAttributes redirect) {
		PpksLists.ListView list = lists.activate(access.requireUser(), id);
		redirect.addFlashAttribute("notice", "ppks.activated");
		return "redirect:/ppks?kabupaten=" + list.regencyCode();
	}

	@PostMapping("/{id}/cabut")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		PpksLists.ListView list = lists.deactivate(access.requireUser(), id);
		redirect.addFlashAttribute("notice", "ppks.deactivated");
		return "redirect:/ppks?kabupaten=" + list.regencyCode();
	}

	private String page(Model model, CurrentUser user, Overview overview, String name, String lines,
			List<String> lineErrors, Map<String, String> errors) {
		model.addAttribute("overview", overview);
		model.addAttribute("inForce", overview.inForceList());
		model.addAttribute("mayPublish",
				PpksLists.mayPublish(user) && user.covers(RegionCode.of(overview.regencyCode())));
		model.addAttribute("name", name);
		model.addAttribute("lines", lines);
		model.addAttribute("lineErrors", lineErrors);
		model.addAttribute("errors", errors);
		return "complaint/ppks";
	}

	/** The line index a problem names, or -1 for the list's own fields (which come first). */
	private static int lineIndex(String field) {
		Matcher line = LINE_FIELD.matcher(field);
		return line.matches() ? Integer.parseInt(line.group(1)) : -1;
	}

	/** The regency of a user who works in one regency or inside it; none for a province or the nation. */
	private static String ownRegency(CurrentUser user) {
		return user.territory().regionCode()
			.filter(code -> code.level() != RegionLevel.PROVINCE)
			.map(code -> code.value().substring(0, 5))
			.orElse(null);
	}

	/** The list in force as the form's lines; sensitivity is written only where the district added it. */
	private static String text(Overview overview) {
		Set<String> sensitiveNationally = new HashSet<>();
		overview.national().categories().stream().filter(CategoryView::sensitive)
			.forEach(c -> sensitiveNationally.add(c.code()));
		StringBuilder text = new StringBuilder();
		for (CategoryView c : overview.inForceList().categories()) {
			text.append(c.code()).append(" | ").append(c.label()).append(" | ").append(c.nationalCode());
			if (c.sensitive() && !sensitiveNationally.contains(c.nationalCode())) {
				text.append(" | sensitif");
			}
			text.append('\n');
		}
		return text.toString();
	}

	/** The form's lines as categories; a line that is not {@code kode | nama | kode nasional [| sensitif]} is named. */
	static List<CategoryInput> parse(String text, List<Integer> lineNumbers, List<FieldProblem> problems) {
		List<CategoryInput> categories = new ArrayList<>();
		String[] lines = text.split("\\R", -1);
		for (int number = 1; number <= lines.length; number++) {
			String line = lines[number - 1].strip();
			if (line.isEmpty()) {
				continue;
			}
			String[] fields = line.split(line.contains("\t") ? "\t" : "\\|", -1);
			int index = categories.size();
			lineNumbers.add(number);
			String sensitive = fields.length > 3 ? fields[3].strip().toLowerCase(Locale.ROOT) : "";
			if (fields.length < 3 || fields.length > 4 || !(sensitive.isEmpty() || SENSITIVE_WORDS.contains(sensitive))) {
				problems.add(FieldProblem.of("categories[" + index + "]", "PPKS_LINE_FORMAT"));
				categories.add(null);
				continue;
			}
			categories.add(new CategoryInput(fields[0].strip(), fields[1].strip(), fields[2].strip(),
					!sensitive.isEmpty()));
		}
		return categories;
	}
}
