package org.simpul.casework;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.fieldsync.FieldRecord;
import org.simpul.fieldsync.FieldRecordKind;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The case's records a volunteer makes at the family's door, through the field app's outbox: an assessment
 * (quick or deep, the answers as the assessment page's form names them, stored under the record's id) and a
 * note on the case's timeline. Each is checked as its page checks it, inside the user's territory, with the
 * phone's time beside the server's.
 */
@Configuration(proxyBeanMethods = false)
class CaseFieldRecords {

	@Bean
	FieldRecordKind assessmentFieldRecords(Assessments assessments, AssessmentForms forms) {
		return new FieldRecordKind() {
			@Override
			public String name() {
				return "assessment";
			}

			@Override
			public FieldRecord.Accepted accept(CurrentUser user, FieldRecord record) {
				UUID complaintId = record.requiredId("complaintId");
				UUID formId = record.requiredId("formId");
				FormView form = forms.find(formId)
					.orElseThrow(() -> new InvalidInputException(FieldProblem.of("formId", "FORM_NOT_APPLICABLE")));
				AssessmentAnswers.Read read = AssessmentAnswers.read(form, record.fields()::get);
				if (!read.problems().isEmpty()) {
					throw new InvalidInputException(read.problems());
				}
				Assessments.AssessmentView stored = assessments.submit(user, complaintId, record.id(), formId,
						form.form().withoutHidden(read.answers()), record.recordedAt());
				return new FieldRecord.Accepted(stored.id(), "/pengaduan/" + complaintId + "/kasus",
						Map.of("form", stored.title()),
						stored.proposals().isEmpty() ? "assessment.saved" : "assessment.savedWithProposals");
			}

			@Override
			public Optional<String> photoVillage(CurrentUser user, UUID recordId, boolean adding) {
				return assessments.villageOf(user, recordId, adding);
			}
		};
	}

	@Bean
	FieldRecordKind caseNoteFieldRecords(Cases cases) {
		return new FieldRecordKind() {
			@Override
			public String name() {
				return "case-note";
			}

			@Override
			public FieldRecord.Accepted accept(CurrentUser user, FieldRecord record) {
				UUID complaintId = record.requiredId("complaintId");
				cases.note(user, complaintId, record.id(), record.value("text"), record.recordedAt());
				return new FieldRecord.Accepted(record.id(), "/pengaduan/" + complaintId + "/kasus", Map.of(),
						"case.noteSaved");
			}
		};
	}
}
