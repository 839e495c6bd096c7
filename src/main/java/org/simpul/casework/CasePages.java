package org.simpul.casework;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.access.AccessControl;
import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.NavigationEntry;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.fieldsync.FieldPhotos;
import org.simpul.fieldsync.OfflinePages;
import org.simpul.complaint.ComplaintStatus;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.RegionTime;
import org.simpul.shared.web.ApiRequests;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case pages: a complaint's case ({@code /pengaduan/{id}/kasus}: plan, assessments, timeline, a note),
 * an assessment form filled on a phone ({@code /pengaduan/{id}/asesmen/baru?jenis=QUICK|DEEP}) and a stored
 * assessment's answers. Show-if conditions hide questions in the browser; the server checks every rule again.
 */
@Controller
class CasePages {

	static final ZoneId WIB = RegionTime.WIB;

	private final Cases cases;

	private final Assessments assessments;

	private final AssessmentForms forms;

	private final ComplaintQueries complaints;

	private final AccessControl access;

	private final Caseload caseload;

	private final FieldPhotos photos;

	CasePages(Cases cases, Assessments assessments, AssessmentForms forms, ComplaintQueries complaints,
			AccessControl access, Caseload caseload, FieldPhotos photos) {
		this.caseload = caseload;
		this.photos = photos;
		this.cases = cases;
		this.assessments = assessments;
		this.forms = forms;
		this.complaints = complaints;
		this.access = access;
	}

	@GetMapping("/pengaduan/{id}/kasus")
	String caseFile(@PathVariable UUID id, Model model, HttpServletRequest request) {
		CurrentUser user = access.requireUser();
		ComplaintQueries.ComplaintView complaint = complaint(user, id);
		Cases.CaseView file = cases.view(user, id);
		keepIfMine(file, user, request);
		model.addAttribute("complaint", complaint);
		model.addAttribute("file", file);
		model.addAttribute("timeline", timeline(file, complaint));
		List<Assessments.AssessmentView> done = assessments.ofComplaint(user, id);
		model.addAttribute("assessments", done);
		model.addAttribute("assessmentPhotos", photos.of(done.stream().map(Assessments.AssessmentView::id).toList()));
		// a resolved or closed complaint takes no new assessment (reopen the case first)
		model.addAttribute("mayAssess", Assessments.mayAssess(user) && open(complaint));
		model.addAttribute("mayPlan", user.may(Action.CASE_PLAN));
		model.addAttribute("zone", WIB);
		return "casework/case";
	}

	@PostMapping("/pengaduan/{id}/kasus/rencana")
	String plan(@PathVariable UUID id, @RequestParam(required = false) String plan,
			@RequestParam(defaultValue = "") String version, RedirectAttributes redirect) {
		try {
			cases.plan(access.requireUser(), id, version, plan);
			redirect.addFlashAttribute("notice", "case.planSaved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		catch (PreconditionFailedException ex) {
			redirect.addFlashAttribute("warning", "case.planStale");
		}
		return "redirect:/pengaduan/" + id + "/kasus";
	}

	@PostMapping("/pengaduan/{id}/kasus/catatan")
	String note(@PathVariable UUID id, @RequestParam(required = false) String text, RedirectAttributes redirect) {
		try {
			cases.note(access.requireUser(), id, null, text);
			redirect.addFlashAttribute("notice", "case.noteSaved");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("warning", ex.problems().getFirst().message());
		}
		return "redirect:/pengaduan/" + id + "/kasus";
	}

	/** One line of the case's history: its own events and the complaint's steps (referred, resolved…), by time. */
	record TimelineEntry(String messageKey, Instant at, String by, String detail, Instant recordedInFieldAt) {
	}

	private static List<TimelineEntry> timeline(Cases.CaseView file, ComplaintQueries.ComplaintView complaint) {
		List<TimelineEntry> entries = new ArrayList<>();
		file.events().forEach(e -> entries.add(new TimelineEntry("case.event." + e.kind(), e.at(),
				e.by() == null ? null : e.by().displayName(), "ASSESSED".equals(e.kind()) ? null : e.detail(),
				e.recordedInFieldAt())));
		complaint.steps().stream()
			.filter(step -> step.status() != ComplaintStatus.RECEIVED)
			.forEach(step -> entries.add(new TimelineEntry("complaint.status." + step.status(), step.at(), null, null,
					null)));
		entries.sort(Comparator.comparing(TimelineEntry::at));
		return entries;
	}

	private static boolean open(ComplaintQueries.ComplaintView complaint) {
		return complaint.status() != ComplaintStatus.RESOLVED
				&& complaint.status() != ComplaintStatus.CLOSED;
	}

	/**
	 * A new assessment, its questions about the house filled with what the registry knows of the family's home:
	 * the volunteer confirms or corrects them at the door (a corrected one becomes a registry proposal).
	 */
	@GetMapping("/pengaduan/{id}/asesmen/baru")
	String newAssessment(@PathVariable UUID id, @RequestParam("jenis") Kind kind, Model model,
			HttpServletRequest request) {
		CurrentUser user = assessor();
		ComplaintQueries.ComplaintView complaint = complaint(user, id);
		keepIfMine(cases.view(user, id), user, request);
		FormView form = forms.inForce(kind, RegionCode.of(complaint.villageCode()));
		Map<String, Object> known = new LinkedHashMap<>();
		boolean asksAboutTheHouse = form.form().questions().values().stream().anyMatch(q -> q.registryField() != null);
		HouseholdView household = asksAboutTheHouse ? caseload.household(user, complaint) : null;
		if (household != null) {
			Map<String, String> conditions = household.conditions().byField();
			form.form().questions().values().stream()
				.filter(q -> q.registryField() != null && conditions.containsKey(q.registryField()))
				.forEach(q -> known.put(q.id(), conditions.get(q.registryField())));
		}
		model.addAttribute("prefilled", !known.isEmpty());
		return form(model, complaint, form, UUID.randomUUID(), known, Map.of());
	}

	@PostMapping("/pengaduan/{id}/asesmen/baru")
	String submit(@PathVariable UUID id, @RequestParam UUID formId, @RequestParam UUID submission,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		CurrentUser user = assessor();
		ComplaintQueries.ComplaintView complaint = complaint(user, id);
		FormView form = forms.find(formId).orElseThrow(() -> new NotFoundException("Assessment form"));
		AssessmentAnswers.Read read = AssessmentAnswers.read(form, name -> {
			String[] values = request.getParameterValues(name);
			return values == null ? null : List.of(values);
		});
		Map<String, Object> answers = read.answers();
		List<FieldProblem> typing = read.problems();
		Map<String, Object> shown = form.form().withoutHidden(answers);
		Map<String, String> errors = new LinkedHashMap<>();
		typing.forEach(p -> errors.putIfAbsent(p.field(), p.message()));
		if (errors.isEmpty()) {
			try {
				Assessments.AssessmentView stored = assessments.submit(user, id, submission, formId, shown);
				redirect.addFlashAttribute("notice", stored.proposals().isEmpty() ? "assessment.saved"
						: "assessment.savedWithProposals");
				return "redirect:/pengaduan/" + id + "/kasus";
			}
			catch (InvalidInputException ex) {
				ex.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
			}
		}
		Map<String, Object> typed = new LinkedHashMap<>(answers);
		return form(model, complaint, form, submission, typed, errors);
	}

	@GetMapping("/pengaduan/{id}/asesmen/{assessmentId}")
	String assessment(@PathVariable UUID id, @PathVariable UUID assessmentId, Model model) {
		CurrentUser user = access.requireUser();
		ComplaintQueries.ComplaintView complaint = complaint(user, id);
		Assessments.AssessmentView assessment = assessments.ofComplaint(user, id).stream()
			.filter(a -> a.id().equals(assessmentId))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Assessment"));
		model.addAttribute("complaint", complaint);
		model.addAttribute("assessment", assessment);
		model.addAttribute("form", forms.find(assessment.formId()).orElseThrow());
		model.addAttribute("zone", WIB);
		return "casework/assessment";
	}

	private String form(Model model, ComplaintQueries.ComplaintView complaint, FormView form, UUID submission,
			Map<String, Object> answers, Map<String, String> errors) {
		model.addAttribute("complaint", complaint);
		model.addAttribute("form", form);
		model.addAttribute("submission", submission);
		model.addAttribute("answers", answers);
		model.addAttribute("errors", errors);
		return "casework/assessment-form";
	}

	/** A case given to the user is their work for a day without signal: its pages stay on their phone. */
	private static void keepIfMine(Cases.CaseView file, CurrentUser user, HttpServletRequest request) {
		if (file.assignee() != null && file.assignee().id().equals(user.id())) {
			OfflinePages.keep(request);
		}
	}

	private CurrentUser assessor() {
		CurrentUser user = access.requireUser();
		if (!Assessments.mayAssess(user)) {
			throw new AccessDeniedException("Assessments are not made by " + user.role());
		}
		return user;
	}

	private ComplaintQueries.ComplaintView complaint(CurrentUser user, UUID id) {
		return complaints.complaint(user, id).orElseThrow(() -> new NotFoundException("Complaint"));
	}

	/** Shows the case link on the complaint page to those who work on cases. */
	@ControllerAdvice(annotations = Controller.class)
	static class CaseLinks {

		private final AccessControl access;

		CaseLinks(AccessControl access) {
			this.access = access;
		}

		@ModelAttribute
		void caseLinks(HttpServletRequest request, Model model) {
			if (ApiRequests.isApi(request)) {
				return;
			}
			access.currentUser().ifPresent(user -> {
				model.addAttribute("mayWorkCases", Assessments.mayAssess(user));
			});
		}
	}

	/** The assessment forms' link, for those who publish them. */
	@Configuration(proxyBeanMethods = false)
	static class NavigationEntries {

		@Bean
		NavigationEntry assessmentFormsEntry() {
			return NavigationEntry.forAction(50, "/asesmen/formulir", "nav.forms", Action.ASSESSMENT_FORM_PUBLISH);
		}
	}
}
