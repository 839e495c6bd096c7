package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Every move of the complaint workflow, allowed or refused, without Spring. */
class ComplaintStatusTests {

	/** The order the citizen sees a complaint go through. */
	private static final List<ComplaintStatus> ORDER = List.of(ComplaintStatus.RECEIVED, ComplaintStatus.ASSESSED,
			ComplaintStatus.REFERRED, ComplaintStatus.IN_PROGRESS, ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

	@Test
	void aComplaintMovesOnlyForwardAndMaySkipSteps() {
		for (ComplaintStatus from : ComplaintStatus.values()) {
			for (ComplaintStatus to : ComplaintStatus.values()) {
				assertThat(from.advancesTo(to)).as(from + " > " + to).isEqualTo(ORDER.indexOf(to) > ORDER.indexOf(from));
			}
		}
	}

	@Test
	void onlyAClosedComplaintIsTakenBackIntoWork() {
		for (ComplaintStatus status : ComplaintStatus.values()) {
			assertThat(status.reopens()).as(status.name()).isEqualTo(status == ComplaintStatus.CLOSED);
		}
	}
}
