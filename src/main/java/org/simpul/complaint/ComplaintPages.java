package org.simpul.complaint;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.complaint.ComplaintIntake.Registered;
import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.BoundForms;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.web.PublicUrl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The service desk's pages (Pengaduan): the work queue of the territory, the intake form with an inline
 * NIK look-up, the receipt (tanda terima) that shows the tracking code once, and a complaint with its steps.
 */
@Controller
@RequestMapping("/pengaduan")
class ComplaintPages {

	private static final ZoneId WIB = RegionTime.WIB;

	private final ComplaintIntake intake;

	private final ComplaintQueries queries;

	private final PpksTaxonomies taxonomies;

	private final PersonSearch persons;

	private final HouseholdQueries households;

	private final RegionCatalog regions;

	private final AccessControl access;

	private final ReceiptPdf receipts;

	private final PublicUrl publicUrl;

	private final RegistryRestrictions restrictions;

	private final ComplaintPbiStates pbiStates;

	ComplaintPages(ComplaintIntake intake, ComplaintQueries queries, PpksTaxonomies taxonomies, PersonSearch persons,
			HouseholdQueries households, RegionCatalog regions, AccessControl access, ReceiptPdf receipts,
			PublicUrl publicUrl, RegistryRestrictions restrictions, ComplaintPbiStates pbiStates) {
		this.pbiStates = pbiStates;
		this.restrictions = restrictions;
		this.receipts = receipts;
		this.publicUrl = publicUrl;
		this.intake = intake;
		this.queries = queries;
		this.taxonomies = taxonomies;
		this.persons = persons;
		this.households = households;
		this.regions = regions;
		this.access = access;
	}

	private CurrentUser desk() {
		CurrentUser user = access.requireUser();
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			throw new AccessDeniedException("Complaints are not for " + user.role());
		}
		return user;
	}

	@GetMapping
	String queue(@RequestParam(required = false) ComplaintStatus status,
			@RequestParam(required = false) Category category, @RequestParam(required = false) String villageCode,
			@RequestParam(required = false) Integer olderThanDays, @RequestParam(defaultValue = "0") int page,
			Model model) {
		CurrentUser user = desk();
		model.addAttribute("queue", queries.queue(user, status, category, villageCode, olderThanDays,
				new PageRequest(page, 50)));
		model.addAttribute("villages", villagesOf(user));
		model.addAttribute("villageCode", villageCode);
		model.addAttribute("olderThanDays", olderThanDays);
		model.addAttribute("status", status);
		model.addAttribute("category", category);
		model.addAttribute("statuses", ComplaintStatus.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("zone", WIB);
		return "complaint/queue";
	}

	/** The queue searched by ticket, name or NIK: a POST, so that a NIK never lands in a URL. */
	@PostMapping("/cari")
	String search(@RequestParam(name = "q", required = false) String text, Model model) {
		CurrentUser user = desk();
		try {
			model.addAttribute("queue", queries.search(user, text, persons, new PageRequest(0, 50)));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("searchError", ex.problems().getFirst().message());
			model.addAttribute("queue", PageResponse.of(List.of(), new PageRequest(0, 50), 0));
		}
		model.addAttribute("q", text);
		model.addAttribute("villages", villagesOf(user));
		model.addAttribute("statuses", ComplaintStatus.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("zone", WIB);
		return "complaint/queue";
	}

	@GetMapping("/baru")
	String newComplaint(Model model) {
		CurrentUser user = desk();
		Map<String, String> values = new LinkedHashMap<>();
		user.territory().regionCode().filter(c -> c.level() == RegionLevel.VILLAGE)
			.ifPresent(c -> values.put("villageCode", c.value()));
		values.put("channel", "WALK_IN");
		return form(model, user, values, List.of(), Map.of(), null);
	}

	/** Only the form's own fields are bound: nothing else a request carries reaches the form object. */
	@InitBinder("form")
	void formFields(WebDataBinder binder) {
		binder.setAllowedFields(IntakeForm.FIELDS);
	}

	/** The inline NIK look-up (htmx): the family from the registry, or the fields for a person not in it. */
	@PostMapping("/cari-nik")
	String lookUp(@ModelAttribute("form") IntakeForm form, BindingResult binding, Model model) {
		// the form's other values come along (htmx sends the enclosing form): what was typed about the person
		// before the NIK stays on the screen when the NIK is not in the registry
		model.addAttribute("values", BoundForms.typed(binding, "subjectName", "subjectBirthDate", "subjectSex"));
		lookUpInto(model, desk(), form.getSubjectNik());
		return "complaint/subject :: subject";
	}

	/** Puts the registry person with {@code nik} (and their household) into the model, or the NIK's problem. */
	private void lookUpInto(Model model, CurrentUser user, String nik) {
		model.addAttribute("nik", nik);
		try {
			List<PersonSummary> found = persons.search(user, new PersonSearch.Query(nik, null, null, null, null, null),
					new PageRequest(0, 1)).content();
			if (!found.isEmpty()) {
				model.addAttribute("person", found.getFirst());
				model.addAttribute("household", households.household(user, found.getFirst().householdId()).orElse(null));
			}
			else if (restrictions.isRestrictedNik(user, nik)) {
				model.addAttribute("restricted", true);
			}
		}
		catch (InvalidInputException ex) {
			model.addAttribute("nikError", ex.problems().getFirst().message());
		}
	}

	@PostMapping("/baru")
	String register(@ModelAttribute("form") IntakeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = desk();
		Map<String, String> values = BoundForms.typed(binding, IntakeForm.FIELDS);
		List<String> ppks = form.getPpksCodes();
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(BoundForms.problems(binding, IntakeForm.NAMES));
			}
			Registered registered = intake.register(user, form.toNewComplaint());
			redirect.addFlashAttribute("trackingCode", registered.trackingCode());
			return "redirect:/pengaduan/" + registered.id() + "/tanda-terima";
		}
		catch (InvalidInputException ex) {
			return form(model, user, values, ppks, errors(ex), null);
		}
	}

	/** The correction form: what the desk recorded, in the complaint's own PPKS list; the subject stays. */
	@GetMapping("/{id}/ubah")
	String edit(@PathVariable UUID id, Model model) {
		CurrentUser user = desk();
		ComplaintQueries.ComplaintView complaint = queries.complaint(user, id)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		return form(model, user, valuesOf(complaint), complaint.ppksCodes(), Map.of(), complaint);
	}

	@PostMapping("/{id}/ubah")
	String saveEdit(@PathVariable UUID id, @ModelAttribute("form") IntakeForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		CurrentUser user = desk();
		ComplaintQueries.ComplaintView complaint = queries.complaint(user, id)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		Map<String, String> values = BoundForms.typed(binding, IntakeForm.FIELDS);
		List<String> ppks = form.getPpksCodes();
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(BoundForms.problems(binding, IntakeForm.NAMES));
			}
			intake.change(user, id, "\"" + (form.getVersion() == null ? "" : form.getVersion()) + "\"", form.toEdit());
			redirect.addFlashAttribute("notice", "complaint.saved");
			return "redirect:/pengaduan/" + id;
		}
		catch (InvalidInputException ex) {
			return form(model, user, values, ppks, errors(ex), complaint);
		}
		catch (PreconditionFailedException ex) {
			// changed by someone else since this page was opened: start again from what is stored now
			model.addAttribute("stale", true);
			return form(model, user, valuesOf(complaint), complaint.ppksCodes(), Map.of(), complaint);
		}
	}

	private static Map<String, String> valuesOf(ComplaintQueries.ComplaintView complaint) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("channel", complaint.channel().name());
		values.put("category", complaint.category().name());
		values.put("villageCode", complaint.villageCode());
		values.put("description", complaint.description());
		values.put("consentNote", complaint.consentNote() == null ? "" : complaint.consentNote());
		values.put("reporterName", complaint.reporter().name() == null ? "" : complaint.reporter().name());
		values.put("reporterPhone", complaint.reporter().phone() == null ? "" : complaint.reporter().phone());
		values.put("reporterPhoneShared", Boolean.toString(complaint.reporter().phoneShared()));
		values.put("version", Integer.toString(complaint.version()));
		return values;
	}

	private static Map<String, String> errors(InvalidInputException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		ex.problems().forEach(p -> errors.putIfAbsent(p.field().startsWith("ppksCodes") ? "ppksCodes" : p.field(),
				p.message()));
		return errors;
	}

	@GetMapping("/{id}")
	String complaint(@PathVariable UUID id, Model model) {
		CurrentUser user = desk();
		Optional<ComplaintQueries.ComplaintView> complaint = queries.complaint(user, id);
		if (complaint.isEmpty()) {
			return restricted(user, id, model);
		}
		model.addAttribute("complaint", complaint.get());
		model.addAttribute("zone", WIB);
		if (complaint.get().category() == Category.HEALTH && user.may(Action.PBI_READ)) {
			// removed from PBI-JK: where the reactivation stands, and the request from here
			pbiStates.of(complaint.get().subject().personId(), complaint.get().villageCode())
				.ifPresent(state -> model.addAttribute("pbi", state));
			model.addAttribute("mayRequestPbi", user.may(Action.PBI_REQUEST));
			model.addAttribute("pbiCategories", List.of("CHRONIC", "CATASTROPHIC", "EMERGENCY", "MATERNITY", "OTHER"));
		}
		return "complaint/complaint";
	}

	/** A complaint whose person's processing is restricted: its ticket and whom to ask, nothing else; else 404. */
	private String restricted(CurrentUser user, UUID id, Model model) {
		model.addAttribute("ticketNumber",
				queries.restrictedTicket(user, id).orElseThrow(() -> new NotFoundException("Complaint")));
		return "complaint/restricted";
	}

	@GetMapping("/{id}/tanda-terima")
	String receipt(@PathVariable UUID id, Model model, HttpServletRequest request) {
		CurrentUser user = desk();
		model.addAttribute("trackingUrl", trackingUrl(request));
		model.addAttribute("complaint", queries.complaint(user, id).orElseThrow(() -> new NotFoundException("Complaint")));
		model.addAttribute("zone", WIB);
		return "complaint/receipt";
	}

	/**
	 * The receipt with its tracking code for a complaint the field app sent: the phone holds the code from the
	 * sync's answer and posts it back (never in an address); a code that is not the complaint's is not shown.
	 */
	@PostMapping("/{id}/tanda-terima")
	String receiptWithCode(@PathVariable UUID id, @RequestParam(required = false) String trackingCode, Model model,
			HttpServletRequest request) {
		String page = receipt(id, model, request);
		model.addAttribute("trackingCode",
				queries.trackingCodeMatches(id, trackingCode) ? TrackingCodes.canonical(trackingCode) : null);
		return page;
	}

	/** The receipt as PDF, without the tracking code (a reprint). */
	@GetMapping("/{id}/tanda-terima.pdf")
	org.springframework.http.ResponseEntity<byte[]> receiptPdf(@PathVariable UUID id,
			HttpServletRequest request) {
		CurrentUser user = desk();
		ComplaintQueries.ComplaintView complaint = queries.complaint(user, id)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		return pdf(receipts.render(complaint, null, trackingUrl(request)), complaint.ticketNumber());
	}

	/**
	 * The receipt as PDF with the tracking code, right after intake: the code comes back in the form body
	 * (never in an address) and must be the complaint's own, so no receipt can carry a wrong code.
	 */
	@PostMapping("/{id}/tanda-terima.pdf")
	org.springframework.http.ResponseEntity<byte[]> receiptPdfWithCode(@PathVariable UUID id,
			@RequestParam(required = false) String trackingCode, HttpServletRequest request) {
		CurrentUser user = desk();
		ComplaintQueries.ComplaintView complaint = queries.complaint(user, id)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		if (!queries.trackingCodeMatches(id, trackingCode)) {
			return org.springframework.http.ResponseEntity.badRequest()
				.contentType(new org.springframework.http.MediaType("text", "plain", StandardCharsets.UTF_8))
				.body("Kode pelacakan tidak cocok dengan pengaduan ini.".getBytes(StandardCharsets.UTF_8));
		}
		return pdf(receipts.render(complaint, TrackingCodes.canonical(trackingCode), trackingUrl(request)),
				complaint.ticketNumber());
	}

	private static org.springframework.http.ResponseEntity<byte[]> pdf(byte[] pdf, String ticket) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"tanda-terima-" + ticket + ".pdf\"")
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.body(pdf);
	}

	private String trackingUrl(HttpServletRequest request) {
		return publicUrl.of("/lacak");
	}

	/** The intake form, or with {@code editing} the correction form of that complaint. */
	private String form(Model model, CurrentUser user, Map<String, String> values, List<String> ppks,
			Map<String, String> errors, ComplaintQueries.ComplaintView editing) {
		model.addAttribute("values", values);
		model.addAttribute("editing", editing);
		// a form shown again keeps the family the NIK had found
		if (!blank(values.get("subjectPersonId")) && !blank(values.get("subjectNik"))) {
			lookUpInto(model, user, values.get("subjectNik"));
		}
		model.addAttribute("chosenPpks", ppks);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("categories", Category.values());
		model.addAttribute("errors", errors);
		List<Region> villages = villagesOf(user);
		model.addAttribute("villages", villages);
		String village = values.getOrDefault("villageCode", villages.isEmpty() ? null : villages.getFirst().code());
		RegionCode code = village == null ? null : RegionCode.parse(village).orElse(null);
		model.addAttribute("ppks", editing != null ? taxonomies.ofComplaint(editing.id()).entries()
				: code == null || code.level() != RegionLevel.VILLAGE ? List.of() : taxonomies.activeFor(code).entries());
		return "complaint/intake";
	}

	/** The villages a user may take complaints for, when they are few enough for a list. */
	private List<Region> villagesOf(CurrentUser user) {
		return user.territory().regionCode().map(regions::villagesWithin).orElse(List.of());
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
