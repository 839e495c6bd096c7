package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.casework.CaseFile.Status;
import org.simpul.shared.ConflictException;
import org.simpul.shared.events.CaseEvent.AssessmentRecorded;
import org.simpul.shared.events.CaseEvent.CaseAssigned;
import org.simpul.shared.events.CaseEvent.CaseClosed;
import org.simpul.shared.events.CaseEvent.CaseNoteAdded;
import org.simpul.shared.events.CaseEvent.CasePlanned;
import org.simpul.shared.events.CaseEvent.CaseReopened;

/** The case aggregate without Spring or a database: its status table, each method's event, entry and refusal. */
class CaseFileTests {

	private static final UUID BY = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

	private static CaseFile open() {
		return new CaseFile(UUID.randomUUID(), null, null, null, null, 0);
	}

	private static CaseFile closed() {
		return new CaseFile(UUID.randomUUID(), null, AT.minusSeconds(3600), "sudah dibantu", null, 2);
	}

	@Test
	void anOpenCaseClosesAndAClosedOneReopensNothingElse() {
		assertThat(Status.OPEN.mayMoveTo(Status.CLOSED)).isTrue();
		assertThat(Status.CLOSED.mayMoveTo(Status.OPEN)).isTrue();
		assertThat(Status.OPEN.mayMoveTo(Status.OPEN)).isFalse();
		assertThat(Status.CLOSED.mayMoveTo(Status.CLOSED)).isFalse();
	}

	@Test
	void closingAnOpenCaseKeepsItsOutcomeAndSaysSo() {
		CaseFile file = open();
		file.close("kursi roda diserahkan", BY, AT);
		assertThat(file.status()).isEqualTo(Status.CLOSED);
		assertThat(file.outcome()).isEqualTo("kursi roda diserahkan");
		assertThat(file.closedAt()).isEqualTo(AT);
		assertThat(file.takeEvents()).containsExactly(new CaseClosed(file.complaintId(), "kursi roda diserahkan", BY, AT));
		assertThat(file.stateChanged()).isTrue();
		assertThat(file.takeEntries()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("CLOSED"));
	}

	@Test
	void aClosedCaseIsNotClosedAgainAndAnOpenOneNotReopened() {
		CaseFile closed = closed();
		assertThatThrownBy(() -> closed.close("lagi", BY, AT)).isInstanceOf(ConflictException.class)
			.hasMessage("CASE_CLOSED");
		assertThat(closed.outcome()).isEqualTo("sudah dibantu");
		assertThat(closed.takeEvents()).isEmpty();
		CaseFile open = open();
		assertThatThrownBy(() -> open.reopen("kenapa", BY, AT)).isInstanceOf(ConflictException.class)
			.hasMessage("CASE_NOT_CLOSED");
		assertThat(open.takeEvents()).isEmpty();
		assertThat(open.takeEntries()).isEmpty();
	}

	@Test
	void reopeningClearsTheOutcome() {
		CaseFile file = closed();
		file.reopen("keluarga datang lagi", BY, AT);
		assertThat(file.status()).isEqualTo(Status.OPEN);
		assertThat(file.outcome()).isNull();
		assertThat(file.takeEvents()).containsExactly(new CaseReopened(file.complaintId(), BY, AT));
		assertThat(file.takeEntries()).singleElement()
			.satisfies(e -> assertThat(e.detail()).isEqualTo("keluarga datang lagi"));
	}

	@Test
	void aFacilitatorTakesAnUnassignedOpenCaseButNotAnotherOnesOrAClosedOne() {
		CaseFile free = open();
		free.take(BY, "psm.procot", AT);
		assertThat(free.assigneeId()).isEqualTo(BY);
		assertThat(free.takeEntries()).extracting(CaseFile.Entry::kind).containsExactly("ASSIGNED");
		free.take(BY, "psm.procot", AT);
		assertThat(free.takeEntries()).isEmpty();
		assertThatThrownBy(() -> free.take(UUID.randomUUID(), "psm.lain", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("CASE_TAKEN");
		assertThat(free.assigneeId()).isEqualTo(BY);
		assertThatThrownBy(() -> closed().take(BY, "psm.procot", AT)).isInstanceOf(ConflictException.class)
			.hasMessage("CASE_CLOSED");
	}

	@Test
	void assigningOrPlanningTheSameAgainChangesNothing() {
		CaseFile file = open();
		UUID facilitator = UUID.randomUUID();
		file.assign(facilitator, "psm.procot", BY, AT);
		file.plan("kunjungan rumah", BY, AT);
		assertThat(file.takeEvents()).containsExactly(new CaseAssigned(file.complaintId(), facilitator, BY, AT),
				new CasePlanned(file.complaintId(), BY, AT));
		assertThat(file.takeEntries()).extracting(CaseFile.Entry::kind).containsExactly("ASSIGNED", "PLANNED");
		file.assign(facilitator, "psm.procot", BY, AT);
		file.plan("kunjungan rumah", BY, AT);
		assertThat(file.takeEvents()).isEmpty();
		assertThat(file.stateChanged()).isFalse();
		assertThat(file.takeEntries()).isEmpty();
	}

	@Test
	void notesAndAssessmentsGoOnTheTimelineWithoutChangingTheCase() {
		CaseFile file = open();
		UUID assessment = UUID.randomUUID();
		file.note("ibu tidak di rumah", null, BY, AT);
		file.assessed(assessment, "QUICK", "QUICK v1", BY, AT);
		assertThat(file.stateChanged()).as("the version stays: notes are not edits").isFalse();
		assertThat(file.takeEvents()).containsExactly(new CaseNoteAdded(file.complaintId(), BY, AT),
				new AssessmentRecorded(assessment, file.complaintId(), "QUICK", BY, AT));
		assertThat(file.takeEntries()).extracting(CaseFile.Entry::kind).containsExactly("NOTE", "ASSESSED");
	}
}
