package org.simpul.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.simpul.registry.PersonAttributes.Disability;
import org.simpul.registry.PersonAttributes.Education;
import org.simpul.registry.PersonAttributes.LeaveReason;
import org.simpul.registry.PersonAttributes.MaritalStatus;
import org.simpul.registry.PersonAttributes.MembershipStatus;
import org.simpul.shared.FieldProblem;

/** What the registry API and pages show. NIK and KK numbers arrive already masked for roles that need it. */
public final class Views {

	private Views() {
	}

	public record HouseholdView(UUID id, String kkNumber, String villageCode, String villageName, String rt,
			String rw, String address, Integer welfareDecile, Conditions conditions, List<PersonView> members,
			List<MembershipView> programmes, List<FieldProblem> warnings, int version) {
	}

	public record PersonView(UUID id, UUID householdId, String nik, String kkNumber, String name, String birthPlace,
			LocalDate birthDate, Sex sex, Relationship relationship, Disability disability, Education education,
			String occupation, MaritalStatus maritalStatus, String villageCode, List<MembershipView> programmes,
			LocalDate leftOn, LeaveReason leftReason, boolean sensitiveWithheld) {

		/** Still a member of the household (has not died, moved away or left for another reason). */
		public boolean current() {
			return leftOn == null;
		}
	}

	public record MembershipView(String code, String name, MembershipStatus status, LocalDate since, LocalDate until,
			String source) {
	}

	/** A search hit: enough to recognise the person and open the household. */
	public record PersonSummary(UUID id, UUID householdId, String nik, String name, LocalDate birthDate, Sex sex,
			Relationship relationship, String villageCode, String villageName, Integer welfareDecile,
			LeaveReason leftReason) {
	}
}
