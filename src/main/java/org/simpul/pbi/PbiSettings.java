package org.simpul.pbi;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a district asks of a reactivation request (DOMAIN.md §10): whether the village's SKTM (surat keterangan
 * tidak mampu) must be attached before it is submitted, a per-district switch the manager sets; off until set.
 */
@Service
public class PbiSettings {

	/** A district's settings. */
	public record Settings(String regionCode, Boolean sktmRequired) {
	}

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	PbiSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the district of {@code villageCode} asks for the village's SKTM. */
	boolean sktmRequired(String villageCode) {
		return jdbc.sql("select sktm_required from pbi_district_setting where regency_code = :regency")
			.param("regency", villageCode.substring(0, 5)).query(Boolean.class).optional().orElse(false);
	}

	/** The settings of the user's district (or the one a province or national user names). */
	@Transactional(readOnly = true)
	public Settings get(CurrentUser actor, String regionCode) {
		actor.require(Action.PBI_READ);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The settings are the district's");
		}
		String regency = actor.district(regionCode);
		return new Settings(regency, sktmRequired(regency + ".00"));
	}

	/** The manager sets them. */
	@Transactional
	public Settings set(CurrentUser actor, String regionCode, Settings wanted) {
		actor.require(Action.PBI_QUOTA);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The settings are the district's");
		}
		String regency = actor.district(regionCode);
		if (wanted == null || wanted.sktmRequired() == null) {
			throw new InvalidInputException(FieldProblem.of("sktmRequired", "REQUIRED"));
		}
		jdbc.sql("""
				insert into pbi_district_setting (regency_code, sktm_required, set_by, set_at)
				values (:regency, :sktm, :by, :now)
				on conflict (regency_code) do update set sktm_required = excluded.sktm_required, set_by = excluded.set_by,
				    set_at = excluded.set_at""")
			.param("regency", regency).param("sktm", wanted.sktmRequired()).param("by", actor.id())
			.param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record(actor, AuditTrail.Action.UPDATE, "PBI_SETTINGS", null, List.of());
		return new Settings(regency, wanted.sktmRequired());
	}
}
