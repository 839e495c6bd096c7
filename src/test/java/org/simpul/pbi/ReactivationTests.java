package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.pbi.Reactivation.Category;
import org.simpul.pbi.Reactivation.Status;
import org.simpul.shared.ConflictException;
import org.simpul.shared.events.ReactivationEvent;
import org.simpul.shared.events.ReactivationEvent.ReactivationDecided;

/** The request's status table: every move allowed from where it stands, refused (409) from anywhere else. */
class ReactivationTests {

	static final UUID BY = UUID.randomUUID();

	static final Instant AT = Instant.parse("2026-12-06T03:00:00Z");

	Reactivation at(Status status) {
		return new Reactivation(UUID.randomUUID(), UUID.randomUUID(), "33.28.10.1008", null, status,
				status.ordinal() >= Status.LETTER_ISSUED.ordinal() ? "0001/PBI-JK/3328/2026" : null, null, null, 0);
	}

	@Test
	void aRequestGoesItsWayAndEachMoveIsAnEvent() {
		Reactivation request = Reactivation.request(UUID.randomUUID(), UUID.randomUUID(), "33.28.10.1008", null,
				Category.CHRONIC, BY, AT);
		request.submit(BY, AT);
		request.returnForCompletion("Surat tidak terbaca", BY, AT);
		assertThat(request.reason()).isEqualTo("Surat tidak terbaca");
		request.submit(BY, AT);
		request.verify(BY, AT);
		request.issueLetter("0001/PBI-JK/3328/2026", BY, AT);
		request.enter(BY, AT);
		request.approve(BY, AT);
		request.decide(Status.MOVED_SEGMENT, "PBI_APBD", null, BY, AT);
		assertThat(request.status()).isEqualTo(Status.MOVED_SEGMENT);
		assertThat(request.segment()).isEqualTo("PBI_APBD");
		assertThat(request.takeEvents()).extracting(e -> ((ReactivationEvent) e).status()).containsExactly("DRAFT",
				"SUBMITTED", "RETURNED", "SUBMITTED", "VERIFIED", "LETTER_ISSUED", "ENTERED", "APPROVED", "MOVED_SEGMENT");
		assertThat(request.takeSteps()).hasSize(9);
		assertThat(request.status().closed()).isTrue();
	}

	@Test
	void everyMoveFromAStatusThatDoesNotAllowItIsRefused() {
		for (Status from : Status.values()) {
			if (!from.mayMoveTo(Status.SUBMITTED)) {
				assertThatThrownBy(() -> at(from).submit(BY, AT)).isInstanceOf(ConflictException.class);
			}
			if (!from.mayMoveTo(Status.VERIFIED)) {
				assertThatThrownBy(() -> at(from).verify(BY, AT)).isInstanceOf(ConflictException.class);
			}
			if (!from.mayMoveTo(Status.LETTER_ISSUED)) {
				assertThatThrownBy(() -> at(from).issueLetter("x", BY, AT)).isInstanceOf(ConflictException.class);
			}
			if (!from.mayMoveTo(Status.ACTIVE)) {
				assertThatThrownBy(() -> at(from).decide(Status.ACTIVE, null, null, BY, AT))
					.isInstanceOf(ConflictException.class);
			}
			if (!from.mayMoveTo(Status.WITHDRAWN)) {
				assertThatThrownBy(() -> at(from).withdraw("x", BY, AT)).isInstanceOf(ConflictException.class);
			}
		}
		// an answer closes it: nothing moves any more
		for (Status closed : new Status[] { Status.ACTIVE, Status.MOVED_SEGMENT, Status.REJECTED, Status.WITHDRAWN }) {
			assertThat(closed.closed()).isTrue();
			for (Status next : Status.values()) {
				assertThat(closed.mayMoveTo(next)).isFalse();
			}
		}
		// Dinsos may reject what it cannot verify; the answer records why
		Reactivation submitted = at(Status.SUBMITTED);
		submitted.decide(Status.REJECTED, null, "Bukan warga miskin", BY, AT);
		assertThat(submitted.takeEvents()).singleElement().isInstanceOfSatisfying(ReactivationDecided.class,
				e -> assertThat(e.reason()).isEqualTo("Bukan warga miskin"));
	}
}
