package org.simpul.pbi;

import java.util.Set;
import java.util.UUID;

import org.simpul.registry.HouseholdEvent.HouseholdChanged;
import org.simpul.registry.HouseholdEvent.HouseholdRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps a listed person where the registry has them, in the transaction of the registry's change: a person on a
 * district's list registered later (or added to a family) is linked to the list by the NIK's blind index, and
 * one who moves takes their deactivation, their requests and the requests' documents to their new village, so
 * that the new village sees them and the old one no longer does.
 */
@Component
class DeactivationPlaces {

	private static final Set<String> PLACING = Set.of("MEMBER_ADDED", "MEMBER_MOVED_IN", "CHANGED");

	private final JdbcClient jdbc;

	DeactivationPlaces(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void registered(HouseholdRegistered registered) {
		place(registered.householdId());
	}

	@EventListener
	void changed(HouseholdChanged changed) {
		if (PLACING.contains(changed.change())) {
			place(changed.householdId());
		}
	}

	private void place(UUID household) {
		jdbc.sql("""
				update pbi_deactivation_any d set person_id = p.id, household_id = p.household_id, village_code = p.village_code
				from person_placement p
				where p.household_id = :household and p.nik_index = d.nik_index
				  and p.village_code like d.regency_code || '.%'
				  and (d.person_id is null or d.person_id = p.id)
				  and (d.person_id is null or d.village_code is distinct from p.village_code
				       or d.household_id is distinct from p.household_id)""")
			.param("household", household)
			.update();
		jdbc.sql("""
				update pbi_reactivation r set village_code = p.village_code, household_id = p.household_id
				from person_placement p
				where p.household_id = :household and p.id = r.person_id
				  and (r.village_code <> p.village_code or r.household_id <> p.household_id)""")
			.param("household", household)
			.update();
		jdbc.sql("""
				update pbi_document c set village_code = r.village_code
				from pbi_reactivation r
				where r.household_id = :household and r.id = c.reactivation_id and c.village_code <> r.village_code""")
			.param("household", household)
			.update();
	}
}
