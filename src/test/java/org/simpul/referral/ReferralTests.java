package org.simpul.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.simpul.referral.Referral.Status;
import org.simpul.shared.ConflictException;
import org.simpul.shared.events.ReferralEvent;
import org.simpul.shared.events.ReferralEvent.ReferralAccepted;
import org.simpul.shared.events.ReferralEvent.ReferralCancelled;
import org.simpul.shared.events.ReferralEvent.ReferralCompleted;
import org.simpul.shared.events.ReferralEvent.ReferralDeclined;
import org.simpul.shared.events.ReferralEvent.ReferralDueDateChanged;
import org.simpul.shared.events.ReferralEvent.ReferralRecommended;
import org.simpul.shared.events.ReferralEvent.ReferralRejected;
import org.simpul.shared.events.ReferralEvent.ReferralSent;

/**
 * The referral aggregate without Spring or a database: each of its methods from each status, the status it
 * reaches, the event it registers, the step it notes; and the 409 code of each refused move.
 */
class ReferralTests {

	private static final UUID BY = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-12-05T03:00:00Z");

	private static final LocalDate DUE = LocalDate.of(2026, 12, 19);

	/** Each action: the status it moves to, the event it registers, and the code it answers when refused. */
	private record Action(String name, Consumer<Referral> call, Status to, Class<?> event, String refusal) {
	}

	private static final List<Action> ACTIONS = List.of(
			new Action("send", r -> r.send(BY, AT, DUE, "ABCDEFGHJK"), Status.SENT, ReferralSent.class,
					"REFERRAL_NOT_RECOMMENDED"),
			new Action("decline", r -> r.decline(BY, AT, "tidak perlu"), Status.DECLINED, ReferralDeclined.class,
					"REFERRAL_NOT_RECOMMENDED"),
			new Action("accept", r -> r.accept(BY, AT), Status.ACCEPTED, ReferralAccepted.class, "REFERRAL_NOT_SENT"),
			new Action("reject", r -> r.reject(BY, AT, "bukan layanan kami"), Status.REJECTED, ReferralRejected.class,
					"REFERRAL_NOT_SENT"),
			new Action("complete", r -> r.complete(BY, AT, "sudah dibantu"), Status.COMPLETED,
					ReferralCompleted.class, "REFERRAL_NOT_ACCEPTED"),
			new Action("cancel", r -> r.cancel(BY, AT, "salah kirim"), Status.CANCELLED, ReferralCancelled.class,
					"REFERRAL_NOT_OPEN"));

	private static Referral standing(Status status) {
		return new Referral(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "3323012001",
				status, "butuh kursi roda", LocalDate.of(2026, 12, 12), null, null, null,
				status == Status.RECOMMENDED || status == Status.DECLINED ? null : "ABCDEFGHJK", 3);
	}

	@Test
	void eachActionFromEachStatusMovesAsTheTableSaysOrIsRefusedWithItsCode() {
		int allowed = 0;
		for (Status from : Status.values()) {
			for (Action action : ACTIONS) {
				Referral referral = standing(from);
				if (from.mayMoveTo(action.to())) {
					action.call().accept(referral);
					allowed++;
					assertThat(referral.status()).as(action.name() + " from " + from).isEqualTo(action.to());
					List<Object> events = referral.takeEvents();
					assertThat(events).as(action.name() + " from " + from).singleElement().isInstanceOf(action.event());
					ReferralEvent event = (ReferralEvent) events.getFirst();
					assertThat(event.referralId()).isEqualTo(referral.id());
					assertThat(event.complaintId()).isEqualTo(referral.complaintId());
					assertThat(event.at()).isEqualTo(AT);
					assertThat(referral.takeSteps()).singleElement()
						.satisfies(step -> assertThat(step.status()).isEqualTo(action.to()));
				}
				else {
					assertThatThrownBy(() -> action.call().accept(referral)).as(action.name() + " from " + from)
						.isInstanceOf(ConflictException.class)
						.hasMessage(action.refusal());
					assertThat(referral.status()).isEqualTo(from);
					assertThat(referral.takeEvents()).isEmpty();
					assertThat(referral.changed()).isFalse();
				}
			}
		}
		// the eight moves of the table, each reached by exactly one action
		assertThat(allowed).isEqualTo(8);
	}

	@Test
	void theMovesWrittenOutAreTheTable() {
		Map<Status, EnumSet<Status>> expected = Map.of(Status.RECOMMENDED,
				EnumSet.of(Status.SENT, Status.DECLINED, Status.CANCELLED), Status.SENT,
				EnumSet.of(Status.ACCEPTED, Status.REJECTED, Status.CANCELLED), Status.ACCEPTED,
				EnumSet.of(Status.COMPLETED, Status.CANCELLED));
		for (Status status : Status.values()) {
			assertThat(status.next()).as(status.name()).isEqualTo(expected.getOrDefault(status, EnumSet.noneOf(Status.class)));
		}
	}

	@Test
	void whatEachDecisionKeeps() {
		Referral sent = standing(Status.RECOMMENDED);
		sent.send(BY, AT, DUE, "QRSTVWXYZ0");
		assertThat(sent.dueDate()).isEqualTo(DUE);
		assertThat(sent.verificationCode()).isEqualTo("QRSTVWXYZ0");
		assertThat(sent.sentBy()).isEqualTo(BY);
		assertThat(sent.sentAt()).isEqualTo(AT);
		assertThat(sent.takeEvents()).singleElement()
			.isEqualTo(new ReferralSent(sent.id(), sent.complaintId(), sent.agencyId(), DUE, BY, AT));

		Referral declined = standing(Status.RECOMMENDED);
		declined.decline(BY, AT, "keluarga sudah dibantu");
		assertThat(declined.declineReason()).isEqualTo("keluarga sudah dibantu");

		Referral rejected = standing(Status.SENT);
		rejected.reject(BY, AT, "di luar layanan");
		assertThat(rejected.rejectionReason()).isEqualTo("di luar layanan");
		assertThat(rejected.takeSteps()).singleElement().satisfies(s -> assertThat(s.note()).isEqualTo("di luar layanan"));

		Referral completed = standing(Status.ACCEPTED);
		completed.complete(BY, AT, "kursi roda diserahkan");
		assertThat(completed.outcome()).isEqualTo("kursi roda diserahkan");
		assertThat(completed.takeEvents()).singleElement().isEqualTo(
				new ReferralCompleted(completed.id(), completed.complaintId(), "kursi roda diserahkan", BY, AT));

		Referral cancelled = standing(Status.ACCEPTED);
		cancelled.cancel(BY, AT, "salah kirim");
		assertThat(cancelled.outcome()).as("withdrawing keeps the outcome as it was").isNull();
		assertThat(cancelled.takeSteps()).singleElement().satisfies(s -> assertThat(s.note()).isEqualTo("salah kirim"));
	}

	@Test
	void aNewReferralIsRecommendedAndShowsTheStepOnlyWhenItWaitsForADecision() {
		UUID complaint = UUID.randomUUID();
		Referral referral = Referral.recommend(UUID.randomUUID(), complaint, UUID.randomUUID(), UUID.randomUUID(),
				"3323012001", "butuh kursi roda", null, BY, AT);
		assertThat(referral.status()).isEqualTo(Status.RECOMMENDED);
		assertThat(referral.takeEvents()).singleElement().isInstanceOf(ReferralRecommended.class);
		assertThat(referral.takeSteps()).isEmpty();
		referral.noteRecommended();
		assertThat(referral.takeSteps()).singleElement().satisfies(s -> {
			assertThat(s.status()).isEqualTo(Status.RECOMMENDED);
			assertThat(s.by()).isEqualTo(BY);
		});
	}

	@Test
	void theDueDateMovesOnlyWhileOpenAndOnlyWhenItChanges() {
		for (Status status : Status.values()) {
			Referral referral = standing(status);
			if (status.open()) {
				referral.moveDueDate(BY, AT, referral.dueDate());
				assertThat(referral.changed()).as("the same date again changes nothing").isFalse();
				assertThat(referral.takeEvents()).isEmpty();
				referral.moveDueDate(BY, AT, DUE);
				assertThat(referral.dueDate()).isEqualTo(DUE);
				assertThat(referral.status()).isEqualTo(status);
				assertThat(referral.takeEvents()).singleElement().isEqualTo(new ReferralDueDateChanged(referral.id(),
						referral.complaintId(), LocalDate.of(2026, 12, 12), DUE, BY, AT));
				assertThat(referral.takeSteps()).singleElement()
					.satisfies(s -> assertThat(s.note()).isEqualTo("dueDate 2026-12-12 → 2026-12-19"));
			}
			else {
				assertThatThrownBy(() -> referral.moveDueDate(BY, AT, DUE)).as(status.name())
					.isInstanceOf(ConflictException.class)
					.hasMessage("REFERRAL_NOT_OPEN");
			}
		}
	}
}
