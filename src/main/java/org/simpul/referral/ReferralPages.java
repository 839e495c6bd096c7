package org.simpul.referral;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.AgencyAffiliations;
import org.simpul.access.CurrentUser;
import org.simpul.access.NavigationEntry;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.Assessments;
import org.simpul.complaint.ComplaintPbiStates;
import org.simpul.complaint.ComplaintPbiStates.PbiState;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.directory.ProviderDirectory;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.Sex;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.ApiRequests;
import org.simpul.shared.web.BoundForms;
import org.simpul.shared.web.DocumentResponses;
import org.simpul.shared.web.PublicUrl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The referral pages: the list ({@code /rujukan}: for a programme manager the agency's inbox, for staff the
 * referrals of their territory), a referral with its steps and the receiving agency's actions, and the form
 * that sends a complaint's case to a provider serving its village ({@code /rujukan/baru?pengaduan=}).
 */
@Controller
@RequestMapping("/rujukan")
class ReferralPages {

	static final ZoneId WIB = RegionTime.WIB;

	private final Referrals referrals;

	private final ReferralQueries referralQueries;

	private final ComplaintQueries complaints;

	private final ProviderDirectory providers;

	private final AccessControl access;

	private final ReferralLetterPdf letters;

	private final AuditTrail audit;

	private final PublicUrl publicUrl;

	private final RegionTime time;

	private final HouseholdQueries households;

	private final IdentifierRules identifiers;

	private final Assessments assessments;

	private final AgencyAffiliations affiliations;

	private final ComplaintPbiStates pbiStates;

	ReferralPages(Referrals referrals, ReferralQueries referralQueries, ComplaintQueries complaints, ProviderDirectory providers, AccessControl access,
			ReferralLetterPdf letters, AuditTrail audit, PublicUrl publicUrl,
			RegionTime time, HouseholdQueries households,
			IdentifierRules identifiers, Assessments assessments,
			AgencyAffiliations affiliations, ComplaintPbiStates pbiStates) {
		this.pbiStates = pbiStates;
		this.affiliations = affiliations;
		this.time = time;
		this.households = households;
		this.identifiers = identifiers;
		this.assessments = assessments;
		this.audit = audit;
		this.publicUrl = publicUrl;
		this.letters = letters;
		this.referrals = referrals;
		this.referralQueries = referralQueries;
		this.complaints = complaints;
		this.providers = providers;
		this.access = access;
	}

	@GetMapping
	String list(@RequestParam(required = false) Referral.Status status,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "false") boolean escalated,
			@RequestParam(defaultValue = "0") int page, Model model) {
		CurrentUser user = access.requireUser();
		model.addAttribute("referrals", referralQueries.list(user, status, overdue, escalated, new PageRequest(page, 50)));
		model.addAttribute("escalated", escalated);
		model.addAttribute("statuses", Referral.Status.values());
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		model.addAttribute("inbox", user.may(Action.REFERRAL_RECEIVE));
		// a programme manager linked to no agency sees why nothing arrives, not just "0 rujukan"
		model.addAttribute("noAgency", user.may(Action.REFERRAL_RECEIVE)
				&& affiliations.agencyOf(user.id()).isEmpty());
		return "referral/list";
	}

	/** The district overview: open and overdue referrals of the territory by receiving agency. */
	@GetMapping("/ringkasan")
	String overview(Model model) {
		model.addAttribute("agencies", referralQueries.overview(access.requireUser()));
		return "referral/overview";
	}

	@GetMapping("/{id}")
	String referral(@PathVariable UUID id, Model model) {
		CurrentUser user = access.requireUser();
		ReferralQueries.ReferralView referral = referralQueries.referral(user, id).orElseThrow(() -> new NotFoundException("Referral"));
		boolean receiver = user.may(Action.REFERRAL_RECEIVE);
		model.addAttribute("r", referral);
		model.addAttribute("timeline", timeline(referral));
		model.addAttribute("receiver", receiver);
		// whom the referral is about: for the agency in full (it must find and help the person), for the
		// sender's side with the NIK masked (the complaint's own page has the rest)
		complaints.forReferral(user, referral.complaintId()).ifPresent(complaint -> {
			model.addAttribute("subject", subject(user, complaint, receiver));
			ComplaintQueries.Reporter reporter = complaint.reporter();
			model.addAttribute("reporterPhone", receiver && reporter.phoneShared() ? reporter.phone() : null);
			model.addAttribute("reporterName", reporter.name());
			if (receiver) {
				model.addAttribute("assessments", assessments.forReferralReceiver(user, complaint.id()));
			}
			// a health complaint's person removed from PBI-JK: where the reactivation stands (for Dinkes or BPJS)
			if ("HEALTH".equals(complaint.category().name())) {
				pbiStates.of(complaint.subject().personId(), complaint.villageCode())
					.filter(PbiState::known)
					.ifPresent(state -> model.addAttribute("pbi", state));
			}
		});
		model.addAttribute("decides", Referrals.mayDecide(user));
		model.addAttribute("today", time.today(null));
		model.addAttribute("zone", WIB);
		return "referral/referral";
	}

	/** One line of a referral's history: its steps and its escalations, in the order they happened. */
	record TimelineEntry(String messageKey, Instant at) {
	}

	static List<TimelineEntry> timeline(ReferralQueries.ReferralView referral) {
		List<TimelineEntry> entries = new ArrayList<>();
		referral.steps().forEach(s -> entries.add(new TimelineEntry("referral.status." + s.status(), s.at())));
		referral.escalations().forEach(e -> entries.add(new TimelineEntry("referral.escalated." + e.level(), e.at())));
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	/** The person a referral is about, as the referral page and the letter show them to this user. */
	record ReferredSubject(String name, String nik, LocalDate birthDate, Sex sex,
			String address, String villageName) {
	}

	private ReferredSubject subject(CurrentUser user, ComplaintQueries.ComplaintView complaint, boolean receiver) {
		ComplaintQueries.Subject subject = complaint.subject();
		if (receiver && subject.personId() != null) {
			Optional<HouseholdQueries.ReferredPerson> person = households
				.referredPerson(user, subject.personId());
			if (person.isPresent()) {
				var p = person.get();
				String address = Stream.of(p.address(),
						p.rt() == null ? null : "RT " + p.rt() + (p.rw() == null ? "" : "/RW " + p.rw()))
					.filter(Objects::nonNull).collect(Collectors.joining(", "));
				return new ReferredSubject(p.name(), p.nik(), p.birthDate(), p.sex(), address, p.villageName());
			}
		}
		return new ReferredSubject(subject.name(), receiver ? subject.nik() : identifiers.masked(subject.nik()),
				subject.birthDate(), subject.sex(), null, complaint.villageName());
	}

	/** The referral letter as PDF, for whoever may see the referral. */
	@GetMapping("/{id}/surat.pdf")
	org.springframework.http.ResponseEntity<byte[]> letter(@PathVariable UUID id, HttpServletRequest request) {
		CurrentUser user = access.requireUser();
		ReferralQueries.ReferralView referral = referralQueries.referral(user, id).orElseThrow(() -> new NotFoundException("Referral"));
		// the referral was found for this user: its case, as this user's role may see it
		ComplaintQueries.ComplaintView complaint = complaints.forReferral(user, referral.complaintId())
			.orElseThrow(() -> new NotFoundException("Complaint"));
		if (referral.verificationCode() == null) {
			// recommended, declined or withdrawn before it was sent: there is no letter
			throw new NotFoundException("Referral letter");
		}
		String verifyUrl = publicUrl.of("/verifikasi/" + referral.verificationCode());
		// the whole NIK for the agency the referral was sent to, masked on everyone else's print
		byte[] pdf = letters.render(referral, complaint,
				subject(user, complaint, user.may(Action.REFERRAL_RECEIVE)), verifyUrl);
		audit.record(user, AuditTrail.Action.PRINT, "REFERRAL_LETTER", referral.id(),
				complaint.subject().personId() == null ? List.of() : List.of(complaint.subject().personId()));
		return DocumentResponses.letter(pdf, "surat-rujukan-" + referral.ticketNumber() + ".pdf");
	}

	@PostMapping("/{id}/{action:terima|tolak|selesai|tetapkan|tolak-usulan}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String text,
			RedirectAttributes redirect) {
		CurrentUser user = access.requireUser();
		try {
			switch (action) {
				case "terima" -> referrals.accept(user, id);
				case "tolak" -> referrals.reject(user, id, text);
				case "tetapkan" -> referrals.approve(user, id, date("dueDate", text));
				case "tolak-usulan" -> referrals.decline(user, id, text);
				default -> referrals.complete(user, id, text);
			}
			redirect.addFlashAttribute("notice", switch (action) {
				case "terima" -> "referral.accepted";
				case "tolak" -> "referral.rejected";
				case "tetapkan" -> "referral.sent";
				case "tolak-usulan" -> "referral.declined";
				default -> "referral.completed";
			});
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("warning", ex.problem().message());
		}
		return "redirect:/rujukan/" + id;
	}

	@GetMapping("/baru")
	String newReferral(@RequestParam("pengaduan") UUID complaintId, Model model) {
		CurrentUser user = sender();
		return form(model, user, complaintId, Map.of(), Map.of());
	}

	/** Only the form's own fields are bound. */
	@InitBinder("form")
	void formFields(WebDataBinder binder) {
		binder.setAllowedFields(ReferralForm.FIELDS);
	}

	@PostMapping("/baru")
	String send(@RequestParam("pengaduan") UUID complaintId, @ModelAttribute("form") ReferralForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		CurrentUser user = sender();
		Map<String, String> errors = new LinkedHashMap<>();
		try {
			if (binding.hasErrors()) {
				throw new InvalidInputException(BoundForms.problems(binding, Map.of(), ReferralForm.CODES));
			}
			ReferralQueries.ReferralView sent = referrals.send(user, form.toNewReferral(complaintId));
			redirect.addFlashAttribute("notice",
					sent.status() == Referral.Status.RECOMMENDED ? "referral.recommended" : "referral.sent");
			return "redirect:/rujukan/" + sent.id();
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			return form(model, user, complaintId, BoundForms.typed(binding, ReferralForm.FIELDS), errors);
		}
	}

	/** A date typed in a form (empty: none); anything else is a named problem. */
	private static LocalDate date(String field, String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(FieldProblem.of(field, "INVALID_DATE"));
		}
	}

	private CurrentUser sender() {
		CurrentUser user = access.requireUser();
		if (!Referrals.maySend(user)) {
			throw new AccessDeniedException("Referrals are not sent by " + user.role());
		}
		return user;
	}

	private String form(Model model, CurrentUser user, UUID complaintId, Map<String, String> values,
			Map<String, String> errors) {
		ComplaintQueries.ComplaintView complaint = complaints.complaint(user, complaintId)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		List<ProviderDirectory.Provider> serving = providers.serving(user, complaint.villageCode(), null);
		// what the assessments suggest comes first in the list, marked, and named above it
		List<Assessments.Suggestion> suggested = assessments.suggestedProgrammes(user, complaintId);
		Predicate<ProviderDirectory.Provider> isSuggested = p -> suggested.stream()
			.anyMatch(s -> s.matches(p.programmeCode()));
		List<ProviderDirectory.Provider> ordered = new ArrayList<>(serving.stream().filter(isSuggested).toList());
		serving.stream().filter(isSuggested.negate()).forEach(ordered::add);
		model.addAttribute("complaint", complaint);
		model.addAttribute("providers", ordered);
		model.addAttribute("suggested", suggested);
		model.addAttribute("suggestedProviders", serving.stream().filter(isSuggested).map(ProviderDirectory.Provider::id)
			.toList());
		model.addAttribute("earlier", referralQueries.ofComplaint(user, complaintId));
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("today", time.today(null));
		model.addAttribute("decides", Referrals.mayDecide(user));
		return "referral/new";
	}

	/** Shows "Rujukan" in the navigation to those who send, receive or follow referrals. */
	@ControllerAdvice(annotations = Controller.class)
	static class Navigation {

		private final AccessControl access;

		private final ReferralQueries referralQueries;

		Navigation(AccessControl access, ReferralQueries referralQueries) {
			this.access = access;
			this.referralQueries = referralQueries;
		}

		@ModelAttribute
		void navigation(HttpServletRequest request, Model model) {
			if (ApiRequests.isApi(request)) {
				return;
			}
			access.currentUser().ifPresent(user -> {
				model.addAttribute("maySendReferrals", Referrals.maySend(user));
				model.addAttribute("mayDecideReferrals", Referrals.mayDecide(user));
				// the overdue scan's escalations, told to the supervisor or manager on every page until answered
				model.addAttribute("escalatedReferrals", referralQueries.escalatedToCount(user));
			});
		}
	}

	/** The referrals' link, for those who send, decide, read or receive them. */
	@Configuration(proxyBeanMethods = false)
	static class NavigationEntries {

		@Bean
		NavigationEntry referralsEntry() {
			return new NavigationEntry(20, "/rujukan", "nav.referrals", Referrals::mayRead);
		}
	}
}
