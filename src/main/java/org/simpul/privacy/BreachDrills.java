package org.simpul.privacy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.Assessments;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.referral.ReferralQueries;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * A breach drill (UU PDP Pasal 46): given the records a breach reached (households, persons, complaints),
 * who is affected and which of their data, with the deadline for telling them and the authority (3 × 24
 * hours from now). Records outside the officer's territory or unknown are listed apart, not guessed at.
 */
@Service
public class BreachDrills {

	static final Duration NOTIFY_WITHIN = Duration.ofHours(72);

	static final int MAX_RECORDS = 1_000;

	public record Records(List<UUID> households, List<UUID> persons, List<UUID> complaints) {
	}

	/** A person affected and the kinds of their data the records hold. */
	public record Affected(UUID personId, String name, String nik, String villageCode, Set<String> data) {
	}

	public record Report(Instant generatedAt, Instant notifyBy, int records, List<Affected> people,
			int peopleOutsideRegistry, List<UUID> notFound) {
	}

	private final HouseholdQueries households;

	private final ComplaintQueries complaints;

	private final Assessments assessments;

	private final ReferralQueries referralQueries;

	private final AuditTrail audit;

	private final Clock clock;

	BreachDrills(HouseholdQueries households, ComplaintQueries complaints, Assessments assessments, ReferralQueries referralQueries,
			AuditTrail audit, Clock clock) {
		this.households = households;
		this.complaints = complaints;
		this.assessments = assessments;
		this.referralQueries = referralQueries;
		this.audit = audit;
		this.clock = clock;
	}

	public Report drill(CurrentUser dpo, Records records) {
		dpo.requireDataProtectionOfficer();
		List<UUID> hh = records == null || records.households() == null ? List.of() : records.households();
		List<UUID> ps = records == null || records.persons() == null ? List.of() : records.persons();
		List<UUID> cs = records == null || records.complaints() == null ? List.of() : records.complaints();
		int count = hh.size() + ps.size() + cs.size();
		if (count == 0) {
			throw new InvalidInputException(FieldProblem.of("households", "REQUIRED"));
		}
		if (count > MAX_RECORDS) {
			throw new InvalidInputException(FieldProblem.of("households", "TOO_MANY_RECORDS"));
		}
		Map<UUID, Affected> people = new LinkedHashMap<>();
		List<UUID> notFound = new ArrayList<>();
		int outside = 0;
		for (UUID id : hh) {
			households.household(dpo, id).ifPresentOrElse(h -> h.members().forEach(m -> add(people, m,
					"IDENTITY", "FAMILY_CARD", "HOUSEHOLD_CONDITIONS", "WELFARE_DECILE", "PROGRAMMES")),
					() -> notFound.add(id));
		}
		for (UUID id : ps) {
			households.person(dpo, id).ifPresentOrElse(p -> add(people, p, "IDENTITY", "FAMILY_CARD", "PROGRAMMES"),
					() -> notFound.add(id));
		}
		for (UUID id : cs) {
			var complaint = complaints.forOfficer(dpo, id);
			if (complaint.isEmpty()) {
				notFound.add(id);
				continue;
			}
			ComplaintQueries.ComplaintView c = complaint.get();
			List<String> kinds = new ArrayList<>(List.of("COMPLAINT", "PPKS_CATEGORY"));
			if (!assessments.forDataSubject(dpo, id).isEmpty()) {
				kinds.add("ASSESSMENT_HEALTH_SAFETY");
			}
			if (!referralQueries.forDataSubject(dpo, id).isEmpty()) {
				kinds.add("REFERRAL");
			}
			if (c.subject().personId() != null) {
				households.person(dpo, c.subject().personId())
					.ifPresent(p -> add(people, p, kinds.toArray(String[]::new)));
			}
			else {
				outside++; // a person the complaint names who is not in the registry
			}
			if (c.reporter() != null && c.reporter().phone() != null) {
				outside++; // the reporter's name and phone number
			}
		}
		List<UUID> affected = List.copyOf(people.keySet());
		if (!affected.isEmpty()) {
			audit.record(dpo, AuditTrail.Action.READ, "BREACH_DRILL", null, affected);
		}
		Instant now = clock.instant();
		return new Report(now, now.plus(NOTIFY_WITHIN), count, List.copyOf(people.values()), outside, notFound);
	}

	private static void add(Map<UUID, Affected> people, Views.PersonView person, String... kinds) {
		people.computeIfAbsent(person.id(), id -> new Affected(id, person.name(), person.nik(), person.villageCode(),
				new LinkedHashSet<>())).data().addAll(List.of(kinds));
	}
}
