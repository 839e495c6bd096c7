package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.simpul.referral.Referral.Status;

/** Every move of the referral workflow, allowed or refused, without Spring: the status table is the rule. */
class ReferralStatusTests {

	/** The workflow as users know it, written out move by move. */
	private static final Set<String> ALLOWED = Set.of("RECOMMENDED>SENT", "RECOMMENDED>DECLINED",
			"RECOMMENDED>CANCELLED", "SENT>ACCEPTED", "SENT>REJECTED", "SENT>CANCELLED", "ACCEPTED>COMPLETED",
			"ACCEPTED>CANCELLED");

	@Test
	void eachMoveIsAllowedOrRefusedAsTheWorkflowSays() {
		for (Status from : Status.values()) {
			for (Status to : Status.values()) {
				assertThat(from.mayMoveTo(to)).as(from + " > " + to).isEqualTo(ALLOWED.contains(from + ">" + to));
			}
		}
	}

	@Test
	void onlyRecommendedSentAndAcceptedReferralsAreOpen() {
		for (Status status : Status.values()) {
			assertThat(status.open()).as(status.name())
				.isEqualTo(Set.of(Status.RECOMMENDED, Status.SENT, Status.ACCEPTED).contains(status));
		}
	}
}
