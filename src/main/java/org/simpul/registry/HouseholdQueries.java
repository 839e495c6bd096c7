package org.simpul.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import org.simpul.access.Action;
import org.simpul.audit.AuditTrail;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.registry.Conditions.DrinkingWater;
import org.simpul.registry.Conditions.Electricity;
import org.simpul.registry.Conditions.Floor;
import org.simpul.registry.Conditions.Latrine;
import org.simpul.registry.Conditions.Roof;
import org.simpul.registry.Conditions.Wall;
import org.simpul.registry.PersonAttributes.Disability;
import org.simpul.registry.PersonAttributes.Education;
import org.simpul.registry.PersonAttributes.LeaveReason;
import org.simpul.registry.PersonAttributes.MaritalStatus;
import org.simpul.registry.PersonAttributes.MembershipStatus;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.MembershipView;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads households and persons, always through the caller's territory: a household outside it is not
 * found. Identifiers come back masked unless the caller's role needs them whole.
 */
@Service
public class HouseholdQueries {

	private final JdbcClient jdbc;

	private final RegionCatalog regions;

	private final AuditTrail audit;

	private final StoredIdentifiers identifiers;

	HouseholdQueries(JdbcClient jdbc, RegionCatalog regions, AuditTrail audit, StoredIdentifiers identifiers) {
		this.identifiers = identifiers;
		this.audit = audit;
		this.jdbc = jdbc;
		this.regions = regions;
	}

	private record HouseholdRow(UUID id, String kkNumber, String villageCode, String rt, String rw, String address,
			Integer welfareDecile, Roof roof, Wall wall, Floor floor, BigDecimal floorAreaM2, Electricity electricity,
			Latrine latrine, DrinkingWater drinkingWater, int version) {
	}

	private record PersonRow(UUID id, UUID householdId, String nik, String kkNumber, String name, String birthPlace,
			LocalDate birthDate, Sex sex, Relationship relationship, Disability disability, Education education,
			String occupation, MaritalStatus maritalStatus, LocalDate leftOn, LeaveReason leftReason) {
	}

	private record MembershipRow(UUID personId, UUID householdId, String code, String name, MembershipStatus status,
			LocalDate since, LocalDate until, String source) {
	}

	/** A household of the user's territory, as the user's role may see it; the read is on the audit trail. */
	public Optional<HouseholdView> household(CurrentUser user, UUID id) {
		Optional<HouseholdView> found = household(user, id, List.of());
		found.ifPresent(h -> audit.record(user, AuditTrail.Action.READ, "HOUSEHOLD", h.id(), memberIds(h)));
		return found;
	}

	/** The household as it stands after a write, the write recorded on the audit trail. */
	HouseholdView written(CurrentUser user, AuditTrail.Action action, UUID id, List<FieldProblem> warnings) {
		HouseholdView household = household(user, id, warnings).orElseThrow();
		audit.record(user, action, "HOUSEHOLD", id, memberIds(household));
		return household;
	}

	private static List<UUID> memberIds(HouseholdView household) {
		return household.members().stream().map(PersonView::id).toList();
	}

	Optional<HouseholdView> household(CurrentUser user, UUID id, List<FieldProblem> warnings) {
		RegistryAccess.requireReader(user);
		Optional<HouseholdRow> found = user.territory().sql(jdbc, """
				select id, kk_cipher as kk_number, village_code, rt, rw, address, welfare_decile, roof, wall, floor, floor_area_m2,
				       electricity, latrine, drinking_water, version
				from household where id = :id and in_territory(village_code)""")
			.param("id", id)
			.query(HouseholdRow.class)
			.optional();
		return found.map(row -> {
			List<PersonRow> people = jdbc.sql("""
					select id, household_id, nik_cipher as nik, kk_cipher as kk_number, name, birth_place, birth_date, sex, relationship, disability,
					       education, occupation, marital_status, left_on, left_reason
					from person p where p.household_id = :id""" + RegistryAccess.unrestricted(user, "p")
					+ " order by p.left_on is not null, p.position")
				.param("id", id)
				.query(PersonRow.class)
				.list();
			// two indexed halves, not one OR: with an OR PostgreSQL scans every membership (660 ms at 1,000,000
			// persons; found by the case-flow load test, docs/benchmarks.md)
			List<MembershipRow> memberships = jdbc.sql("""
					select m.person_id, m.household_id, m.programme_code as code, p.name, m.status, m.since, m.until,
					       m.source
					from programme_membership m join programme p on p.code = m.programme_code
					where m.household_id = :id
					union all
					select m.person_id, m.household_id, m.programme_code as code, p.name, m.status, m.since, m.until,
					       m.source
					from programme_membership m join programme p on p.code = m.programme_code
					where m.person_id in (select id from person where household_id = :id)
					order by status, code""")
				.param("id", id)
				.query(MembershipRow.class)
				.list();
			Map<UUID, List<MembershipView>> byPerson = new HashMap<>();
			List<MembershipView> ofHousehold = new ArrayList<>();
			for (MembershipRow m : memberships) {
				MembershipView view = new MembershipView(m.code(), m.name(), m.status(), m.since(), m.until(), m.source());
				if (m.personId() != null) {
					byPerson.computeIfAbsent(m.personId(), key -> new ArrayList<>()).add(view);
				}
				else {
					ofHousehold.add(view);
				}
			}
			boolean sensitive = RegistryAccess.seesSensitive(user);
			List<PersonView> members = people.stream()
				.map(p -> new PersonView(p.id(), p.householdId(), RegistryAccess.show(user, identifiers.open(p.nik())),
						RegistryAccess.show(user, identifiers.open(p.kkNumber())), p.name(), p.birthPlace(), p.birthDate(), p.sex(),
						p.relationship(), sensitive ? p.disability() : null, p.education(),
						p.occupation(), p.maritalStatus(), row.villageCode(), byPerson.getOrDefault(p.id(), List.of()),
						p.leftOn(), p.leftReason(), !sensitive))
				.toList();
			String villageName = regions.names(List.of(row.villageCode())).get(row.villageCode());
			return new HouseholdView(row.id(), RegistryAccess.show(user, identifiers.open(row.kkNumber())), row.villageCode(), villageName,
					row.rt(), row.rw(), row.address(), row.welfareDecile(),
					new Conditions(row.roof(), row.wall(), row.floor(), row.floorAreaM2(), row.electricity(),
							row.latrine(), row.drinkingWater()),
					members, ofHousehold, warnings, row.version());
		});
	}

	/** The household with family card {@code kkNumber}, if it lies in the caller's territory. */
	public Optional<UUID> householdIdByKk(CurrentUser user, String kkNumber) {
		RegistryAccess.requireReader(user);
		return user.territory().sql(jdbc, "select id from household where kk_index = :kk and"
				+ " in_territory(village_code)")
			.param("kk", identifiers.kkIndex(kkNumber))
			.query(UUID.class)
			.optional();
	}

	/** A person and their household's context, if the household lies in the caller's territory. */
	public Optional<PersonView> person(CurrentUser user, UUID id) {
		RegistryAccess.requireReader(user);
		return user.territory().sql(jdbc, "select p.household_id from person p where p.id = :id and"
				+ " in_territory(p.village_code)" + RegistryAccess.unrestricted(user, "p"))
			.param("id", id)
			.query(UUID.class)
			.optional()
			.flatMap(householdId -> household(user, householdId, List.of()))
			.flatMap(household -> household.members().stream().filter(m -> m.id().equals(id)).findFirst())
			.map(person -> {
				audit.record(user, AuditTrail.Action.READ, "PERSON", person.id(), List.of(person.id()));
				return person;
			});
	}

	/** The person a referral is about, as the agency it was sent to needs them to act. */
	public record ReferredPerson(UUID id, String nik, String name, LocalDate birthDate, Sex sex, String address,
			String rt, String rw, String villageCode, String villageName) {
	}

	/**
	 * The person of a referral, for the programme manager of the agency the referral was sent to (the referral
	 * module finds the referral for that manager first, and calls this for nobody else): the whole NIK, name,
	 * birth date and the household's address with its village, so that the agency knows whom it is asked to
	 * help. Never a person under a restriction of processing. The read is on the audit trail.
	 */
	public Optional<ReferredPerson> referredPerson(CurrentUser receiver, UUID personId) {
		if (!receiver.may(Action.REFERRAL_RECEIVE)) {
			throw new org.springframework.security.access.AccessDeniedException("Only a referral's receiving agency");
		}
		record Row(UUID id, String nik, String name, LocalDate birthDate, Sex sex, String address, String rt, String rw,
				String villageCode) {
		}
		return jdbc.sql("""
				select p.id, p.nik_cipher as nik, p.name, p.birth_date, p.sex, h.address, h.rt, h.rw, p.village_code
				from person p join household h on h.id = p.household_id
				where p.id = :id and p.restricted_since is null""")
			.param("id", personId)
			.query(Row.class)
			.optional()
			.map(row -> {
				audit.record(receiver, AuditTrail.Action.READ, "PERSON", row.id(), List.of(row.id()));
				return new ReferredPerson(row.id(), identifiers.open(row.nik()), row.name(), row.birthDate(), row.sex(),
						row.address(), row.rt(), row.rw(), row.villageCode(),
						regions.names(List.of(row.villageCode())).get(row.villageCode()));
			});
	}
}
