package org.simpul.registry;

import java.time.LocalDate;
import java.util.UUID;
import java.util.List;

import org.simpul.registry.PersonAttributes.Disability;
import org.simpul.registry.PersonAttributes.Education;
import org.simpul.registry.PersonAttributes.MaritalStatus;
import org.simpul.registry.PersonAttributes.MembershipStatus;

/**
 * A household to register with its members: the body of {@code POST /api/v1/households}; {@code id} is the
 * client's choice, or null for a new one.
 */
public record NewHousehold(UUID id, String kkNumber, String villageCode, String rt, String rw, String address,
		Integer welfareDecile, Conditions conditions, List<Member> members, List<Membership> programmes) {

	/**
	 * One member; {@code kkNumber} defaults to the household's card; {@code id}, the person's, is the client's
	 * choice or null for a new one.
	 */
	public record Member(UUID id, String nik, String kkNumber, String name, String birthPlace, LocalDate birthDate, Sex sex,
			Relationship relationship, Disability disability, Education education, String occupation,
			MaritalStatus maritalStatus, List<Membership> programmes) {
	}

	/** A programme the person or household takes part in (or took part in). */
	public record Membership(String code, MembershipStatus status, LocalDate since, LocalDate until) {
	}
}
