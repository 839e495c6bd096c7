package org.simpul.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.Assessments;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.referral.ReferralQueries;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views;
import org.simpul.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * A person's access request (UU PDP Pasal 32), answered by the data protection officer of their territory:
 * the registry record and household, every complaint about them with its assessments and referrals (and who
 * at a receiving agency saw each), and the processing history from the audit trail. The export itself is
 * recorded on the trail.
 */
@Service
public class DataSubjects {

	/** How much of the processing history one export carries. */
	static final int HISTORY_LIMIT = 10_000;

	public record ComplaintRecord(ComplaintQueries.ComplaintView complaint, List<Assessments.AssessmentView> assessments,
			List<ReferralQueries.ReferralView> referrals, List<ReferralQueries.AgencyRead> agencyReads) {
	}

	public record Export(Instant generatedAt, String legalBasis, Views.PersonView person, Views.HouseholdView household,
			List<ComplaintRecord> complaints, List<AuditTrail.Event> processingHistory, boolean historyComplete) {
	}

	private final HouseholdQueries households;

	private final ComplaintQueries complaints;

	private final Assessments assessments;

	private final ReferralQueries referralQueries;

	private final AuditTrail audit;

	private final Clock clock;

	DataSubjects(HouseholdQueries households, ComplaintQueries complaints, Assessments assessments, ReferralQueries referralQueries,
			AuditTrail audit, Clock clock) {
		this.households = households;
		this.complaints = complaints;
		this.assessments = assessments;
		this.referralQueries = referralQueries;
		this.audit = audit;
		this.clock = clock;
	}

	/** Everything about the person, for the DPO of their territory; a person outside it does not exist (404). */
	public Export export(CurrentUser dpo, UUID personId) {
		dpo.requireDataProtectionOfficer();
		// the history first: it should not list the reads this export is about to make
		List<AuditTrail.Event> history = audit.history(dpo, personId, HISTORY_LIMIT + 1);
		Views.PersonView person = households.person(dpo, personId).orElseThrow(() -> new NotFoundException("Person"));
		Views.HouseholdView household = households.household(dpo, person.householdId()).orElseThrow();
		List<ComplaintRecord> records = complaints.aboutPerson(dpo, personId).stream().map(c -> {
			List<ReferralQueries.ReferralView> sent = referralQueries.forDataSubject(dpo, c.id());
			return new ComplaintRecord(c, assessments.forDataSubject(dpo, c.id()), sent,
					sent.stream().flatMap(r -> referralQueries.agencyReads(dpo, r.id()).stream()).toList());
		}).toList();
		audit.record(dpo, AuditTrail.Action.EXPORT, "DATA_SUBJECT_EXPORT", personId, List.of(personId));
		boolean complete = history.size() <= HISTORY_LIMIT;
		return new Export(clock.instant(), "UU 27/2022 Pasal 32: akses subjek data", person, household, records,
				complete ? history : history.subList(0, HISTORY_LIMIT), complete);
	}
}
