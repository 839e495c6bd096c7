package org.simpul.registry;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Restriction of processing (UU PDP Pasal 41): the data protection officer restricts a person, and until the
 * officer lifts it nobody else finds them, sees their record or takes them into a complaint, assessment or
 * referral ({@link #isRestricted} for the modules that act on a person). Both are idempotent and on the
 * audit trail.
 */
@Service
public class RegistryRestrictions {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final StoredIdentifiers stored;

	RegistryRestrictions(JdbcClient jdbc, Clock clock, AuditTrail audit, StoredIdentifiers stored) {
		this.stored = stored;
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
	}

	/** Since when the person's processing is restricted; empty when it is not (or the person is not the DPO's). */
	@Transactional
	public Optional<Instant> restrict(CurrentUser dpo, UUID personId) {
		requireOfficer(dpo, personId);
		int changed = jdbc.sql("update person set restricted_since = :now where id = :id and restricted_since is null")
			.param("now", Timestamp.from(clock.instant())).param("id", personId).update();
		if (changed > 0) {
			audit.record(dpo, AuditTrail.Action.UPDATE, "PROCESSING_RESTRICTION", personId, List.of(personId));
		}
		return since(personId);
	}

	@Transactional
	public void lift(CurrentUser dpo, UUID personId) {
		requireOfficer(dpo, personId);
		int changed = jdbc.sql("update person set restricted_since = null where id = :id and restricted_since is not null")
			.param("id", personId).update();
		if (changed > 0) {
			audit.record(dpo, AuditTrail.Action.UPDATE, "PROCESSING_RESTRICTION", personId, List.of(personId));
		}
	}

	public Optional<Instant> since(UUID personId) {
		return jdbc.sql("select restricted_since from person_placement where id = :id and restricted_since is not null")
			.param("id", personId).query(Instant.class).optional();
	}

	/**
	 * Whether a person of {@code user}'s territory with this NIK is under a restriction: the searches and the
	 * intake say so ("hubungi petugas pelindungan data") instead of looking as if nobody had the NIK, which
	 * would invite a second registration of the person. Never the person; nothing outside the territory.
	 */
	public boolean isRestrictedNik(CurrentUser user, String nik) {
		if (nik == null || nik.isBlank()) {
			return false;
		}
		return user.territory().sql(jdbc, "select exists (select 1 from person_placement where nik_index = :nik"
				+ " and restricted_since is not null and in_territory(village_code))")
			.param("nik", stored.nikIndex(nik))
			.query(Boolean.class)
			.single();
	}

	/** Whether the person, if in {@code user}'s territory, is under a restriction (see {@link #isRestrictedNik}). */
	public boolean isRestrictedWithin(CurrentUser user, UUID personId) {
		return personId != null && user.territory().sql(jdbc, "select exists (select 1 from person_placement where id = :id"
				+ " and restricted_since is not null and in_territory(village_code))")
			.param("id", personId)
			.query(Boolean.class)
			.single();
	}

	/** Whether the person's processing is restricted: a complaint, assessment or referral must not take them. */
	public boolean isRestricted(UUID personId) {
		return personId != null && since(personId).isPresent();
	}

	private void requireOfficer(CurrentUser dpo, UUID personId) {
		dpo.requireDataProtectionOfficer();
		long found = dpo.territory().sql(jdbc, "select count(*) from person where id = :id and"
				+ " in_territory(village_code)")
			.param("id", personId).query(Long.class).single();
		if (found == 0) {
			throw new NotFoundException("Person");
		}
	}
}
