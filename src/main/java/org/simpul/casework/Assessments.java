package org.simpul.casework;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.complaint.ComplaintStatus;
import org.simpul.registry.RegistryProposals;
import org.simpul.registry.RegistryRestrictions;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A complaint's assessments: answers to one version of a quick or deep form, checked against the form's rules
 * on the server, by the facilitator, the desks, the supervisor or the manager of the complaint's territory.
 * The first one moves the complaint (and the citizen's tracking) to ASSESSED. A deep assessment's answers on
 * house conditions that differ from the registry become registry proposals, never silent changes.
 */
@Service
public class Assessments {

	public record AssessmentView(UUID id, UUID complaintId, UUID formId, Kind kind, int formVersion, String title,
			Map<String, Object> answers, Cases.Person submittedBy, Instant submittedAt, Instant recordedInFieldAt,
			List<RegistryProposals.Proposal> proposals) {
	}

	private record Row(UUID id, UUID complaintId, UUID formId, String answers, UUID submittedBy, Instant submittedAt,
			Instant recordedInFieldAt) {
	}

	private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Clock clock;

	private final JsonMapper json;

	private final AssessmentForms forms;

	private final ComplaintQueries complaints;

	private final RegistryProposals proposals;

	private final Cases cases;

	private final AuditTrail audit;

	private final RegistryRestrictions restrictions;

	Assessments(JdbcClient jdbc, Clock clock, JsonMapper json, AssessmentForms forms, ComplaintQueries complaints,
			RegistryProposals proposals, Cases cases, AuditTrail audit,
			RegistryRestrictions restrictions) {
		this.restrictions = restrictions;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.forms = forms;
		this.complaints = complaints;
		this.proposals = proposals;
		this.cases = cases;
	}

	public static boolean mayAssess(CurrentUser user) {
		return user.may(Action.ASSESSMENT_SUBMIT);
	}

	/**
	 * Stores answers to a form for a complaint of the user's territory. {@code id} makes a retry harmless: a
	 * submission already stored under it is answered as it was.
	 */
	@Transactional
	public AssessmentView submit(CurrentUser actor, UUID complaintId, UUID id, UUID formId, Map<String, Object> answers) {
		return submit(actor, complaintId, id, formId, answers, null);
	}

	/** As {@link #submit(CurrentUser, UUID, UUID, UUID, Map)}, for answers a phone recorded without signal. */
	@Transactional
	public AssessmentView submit(CurrentUser actor, UUID complaintId, UUID id, UUID formId, Map<String, Object> answers,
			Instant recordedInField) {
		if (!mayAssess(actor)) {
			throw new AccessDeniedException("Assessments are not made by " + actor.role());
		}
		ComplaintQueries.ComplaintRef complaint = complaints.reference(actor, complaintId)
			.orElseThrow(() -> new NotFoundException("Complaint"));
		if (formId == null) {
			throw new InvalidInputException(FieldProblem.of("formId", "REQUIRED"));
		}
		if (restrictions.isRestricted(complaint.subjectPersonId())) {
			throw new ConflictException(FieldProblem.of("complaintId", "SUBJECT_RESTRICTED"));
		}
		FormView form = forms.find(formId)
			.filter(f -> f.regencyCode() == null || complaint.villageCode().startsWith(f.regencyCode() + "."))
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("formId", "FORM_NOT_APPLICABLE")));
		Map<String, Object> given = answers == null ? Map.of() : answers;
		if ((complaint.status() == ComplaintStatus.RESOLVED
				|| complaint.status() == ComplaintStatus.CLOSED) && find(id).isEmpty()) {
			// the case is done: a new assessment needs it reopened (a repeat of one stored before is answered below)
			throw new ConflictException(FieldProblem.of("complaintId", "COMPLAINT_CLOSED"));
		}
		List<FieldProblem> problems = form.form().answerProblems(given);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String storedAnswers = json.writeValueAsString(given);
		int stored = jdbc.sql("""
				insert into assessment (id, complaint_id, form_id, answers, submitted_by, submitted_at, recorded_in_field_at)
				values (:id, :complaint, :form, cast(:answers as jsonb), :by, :now, :recordedInField)
				on conflict (id) do nothing""")
			.param("id", id)
			.param("complaint", complaintId)
			.param("form", formId)
			.param("answers", storedAnswers)
			.param("by", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.param("recordedInField", recordedInField == null ? null : Timestamp.from(recordedInField))
			.update();
		if (stored == 0) {
			// the id is taken: a repeat of the same submission (same author, complaint, form and answers) is
			// answered with what was stored; anything else is another record's id
			boolean repeat = jdbc.sql("""
					select count(*) from assessment where id = :id and complaint_id = :complaint and form_id = :form
					and submitted_by = :by and answers = cast(:answers as jsonb)""")
				.param("id", id)
				.param("complaint", complaintId)
				.param("form", formId)
				.param("by", actor.id())
				.param("answers", storedAnswers)
				.query(Long.class)
				.single() > 0;
			if (!repeat) {
				throw ClientIds.conflict();
			}
			return find(id).orElseThrow();
		}
		cases.assessed(complaintId, actor, id, form.kind().name(), form.kind() + " v" + form.version());
		audit.record(actor, AuditTrail.Action.CREATE, "ASSESSMENT", id,
				complaint.subjectPersonId() == null ? List.of() : List.of(complaint.subjectPersonId()));
		if (form.kind() == Kind.DEEP && complaint.subjectPersonId() != null) {
			Map<String, String> found = new LinkedHashMap<>();
			form.form().questions().values().stream().filter(q -> q.registryField() != null)
				.filter(q -> given.get(q.id()) != null)
				.forEach(q -> found.put(q.registryField(), String.valueOf(given.get(q.id()))));
			proposals.propose(actor, complaint.subjectPersonId(), id, found);
		}
		return find(id).orElseThrow();
	}

	/**
	 * The village of an assessment whose complaint the user may see (or, when {@code made}, that the user made),
	 * else empty: a role that sees no complaints is told nothing either.
	 */
	public Optional<String> villageOf(CurrentUser user, UUID assessmentId, boolean made) {
		record Row(UUID complaintId, UUID submittedBy) {
		}
		if (!ComplaintQueries.maySee(user)) {
			return Optional.empty();
		}
		return jdbc.sql("select complaint_id, submitted_by from assessment where id = :id")
			.param("id", assessmentId)
			.query(Row.class)
			.optional()
			.filter(row -> !made || row.submittedBy().equals(user.id()))
			.flatMap(row -> complaints.reference(user, row.complaintId()))
			.map(ComplaintQueries.ComplaintRef::villageCode);
	}

	/** The assessments of a complaint of the user's territory, oldest first. */
	public List<AssessmentView> ofComplaint(CurrentUser actor, UUID complaintId) {
		complaints.reference(actor, complaintId).orElseThrow(() -> new NotFoundException("Complaint"));
		return of(complaintId);
	}

	/**
	 * For the data protection officer: the assessments of a complaint the officer found through
	 * {@code ComplaintQueries.aboutPerson} (territory checked there). Nobody else.
	 */
	public List<AssessmentView> forDataSubject(CurrentUser dpo, UUID complaintId) {
		dpo.requireDataProtectionOfficer();
		return of(complaintId);
	}

	/** The question of the national deep form (and districts' versions of it) that names the programmes to propose. */
	static final String SUGGESTED_PROGRAMMES = "programs";

	/** A programme an assessment suggests: the form's value ({@code PBI_JK}) and its label ({@code PBI-JK}). */
	public record Suggestion(String value, String label) {

		/** Whether a provider's programme code ({@code PBI-JK}) is this suggestion, spelt either way. */
		public boolean matches(String programmeCode) {
			return programmeCode != null
					&& programmeCode.replaceAll("[^A-Za-z0-9]", "").equalsIgnoreCase(value.replaceAll("[^A-Za-z0-9]", ""));
		}
	}

	/**
	 * The programmes the complaint's assessments suggest (the newest assessment first), for the referral form
	 * of a complaint of the user's territory.
	 */
	public List<Suggestion> suggestedProgrammes(CurrentUser actor, UUID complaintId) {
		complaints.reference(actor, complaintId).orElseThrow(() -> new NotFoundException("Complaint"));
		LinkedHashMap<String, Suggestion> found = new LinkedHashMap<>();
		List<AssessmentView> newestFirst = new ArrayList<>(of(complaintId));
		Collections.reverse(newestFirst);
		for (AssessmentView assessment : newestFirst) {
			if (!(assessment.answers().get(SUGGESTED_PROGRAMMES) instanceof Collection<?> chosen)) {
				continue;
			}
			forms.find(assessment.formId()).ifPresent(form -> form.sections().stream()
				.flatMap(section -> section.questions().stream())
				.filter(q -> q.id().equals(SUGGESTED_PROGRAMMES) && q.options() != null)
				.flatMap(q -> q.options().stream())
				.filter(option -> chosen.contains(option.value()))
				.forEach(option -> found.putIfAbsent(option.value(), new Suggestion(option.value(), option.label()))));
		}
		return List.copyOf(found.values());
	}

	/** An assessment with the form it answers, whose questions name the answers. */
	public record Answered(AssessmentView assessment, FormView form) {
	}

	/**
	 * For the programme manager of the agency a referral of this complaint was sent to (the referral module
	 * finds the referral for that manager first, and calls this for nobody else): the assessments the referral
	 * carries, so that the agency knows what was found. Nobody else.
	 */
	public List<Answered> forReferralReceiver(CurrentUser receiver, UUID complaintId) {
		if (!receiver.may(Action.REFERRAL_RECEIVE)) {
			throw new org.springframework.security.access.AccessDeniedException("Only a referral's receiving agency");
		}
		return of(complaintId).stream().map(a -> new Answered(a, forms.find(a.formId()).orElseThrow())).toList();
	}

	private List<AssessmentView> of(UUID complaintId) {
		return jdbc.sql("""
				select id, complaint_id, form_id, cast(answers as text) as answers, submitted_by, submitted_at,
				       recorded_in_field_at
				from assessment where complaint_id = :id order by submitted_at, id""")
			.param("id", complaintId)
			.query(Row.class)
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	private Optional<AssessmentView> find(UUID id) {
		return jdbc.sql("""
				select id, complaint_id, form_id, cast(answers as text) as answers, submitted_by, submitted_at,
				       recorded_in_field_at
				from assessment where id = :id""")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(this::view);
	}

	private AssessmentView view(Row row) {
		FormView form = forms.find(row.formId()).orElseThrow();
		return new AssessmentView(row.id(), row.complaintId(), form.id(), form.kind(), form.version(), form.title(),
				json.readValue(row.answers(), ANSWERS), cases.person(row.submittedBy()), row.submittedAt(),
				row.recordedInFieldAt(), proposals.ofSource(row.id()));
	}
}
