package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The complaint as an aggregate, without Spring: each move notes its step and its event, and only then. */
class ComplaintTests {

	private static final UUID BY = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-12-05T02:00:00Z");

	private static Complaint at(ComplaintStatus status) {
		return new Complaint(UUID.randomUUID(), "3328101008-0001", status, null);
	}

	@Test
	void aMoveNotesItsStepAndTellsTheCitizen() {
		Complaint complaint = at(ComplaintStatus.RECEIVED);
		assertThat(complaint.referred(BY, AT)).isTrue();
		assertThat(complaint.status()).isEqualTo(ComplaintStatus.REFERRED);
		assertThat(complaint.takeSteps()).containsExactly(new Complaint.Step(ComplaintStatus.REFERRED, AT, BY));
		assertThat(complaint.takeEvents()).singleElement().isInstanceOfSatisfying(ComplaintStatusChanged.class, e -> {
			assertThat(e.complaintId()).isEqualTo(complaint.id());
			assertThat(e.ticketNumber()).isEqualTo("3328101008-0001");
			assertThat(e.status()).isEqualTo(ComplaintStatus.REFERRED);
			assertThat(e.at()).isEqualTo(AT);
		});
	}

	@Test
	void aComplaintFurtherAlongStaysWhereItIsAndNothingIsNoted() {
		Complaint complaint = at(ComplaintStatus.IN_PROGRESS);
		assertThat(complaint.assessed(BY, AT)).isFalse();
		assertThat(complaint.referred(BY, AT)).isFalse();
		assertThat(complaint.taken(BY, AT)).isFalse();
		assertThat(complaint.status()).isEqualTo(ComplaintStatus.IN_PROGRESS);
		assertThat(complaint.takeSteps()).isEmpty();
		assertThat(complaint.takeEvents()).isEmpty();
	}

	@Test
	void theOutcomeIsToldEvenWhenTheStatusStays() {
		// a case closed after its referral was completed: the complaint is CLOSED with the case's words
		Complaint resolved = at(ComplaintStatus.RESOLVED);
		resolved.close("Bantuan sudah diterima", BY, AT);
		assertThat(resolved.status()).isEqualTo(ComplaintStatus.CLOSED);
		assertThat(resolved.outcome()).isEqualTo("Bantuan sudah diterima");
		assertThat(resolved.outcomeChanged()).isTrue();
		// closed already: no second step, but the latest outcome counts
		Complaint closed = at(ComplaintStatus.CLOSED);
		closed.close("Ditutup ulang", BY, AT);
		assertThat(closed.takeEvents()).isEmpty();
		assertThat(closed.outcome()).isEqualTo("Ditutup ulang");
		assertThat(closed.outcomeChanged()).isTrue();
		assertThat(closed.takeSteps()).isEmpty();
		assertThat(closed.outcomeChanged()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(ComplaintStatus.class)
	void onlyAClosedComplaintGoesBackIntoWork(ComplaintStatus status) {
		Complaint complaint = at(status);
		boolean reopened = complaint.reopen(BY, AT);
		assertThat(reopened).isEqualTo(status == ComplaintStatus.CLOSED);
		assertThat(complaint.status()).isEqualTo(reopened ? ComplaintStatus.IN_PROGRESS : status);
		assertThat(complaint.takeEvents()).hasSize(reopened ? 1 : 0);
	}
}
