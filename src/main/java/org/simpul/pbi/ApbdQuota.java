package org.simpul.pbi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.RegionTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A district's places for people it pays PBI-JK for itself (PBI-APBD), per month (DOMAIN.md §10): the manager sets
 * how many the budget holds; each request answered "moved to PBI-APBD" in that month takes one, and an answer
 * beyond the places left is refused (409 {@code QUOTA_EXHAUSTED}) for the district to decide. A month without a
 * quota set has no places.
 */
@Service
public class ApbdQuota {

	/** A month's places, used and left. */
	public record Quota(String regionCode, String month, int places, long used, long left) {
	}

	/** What a manager sets. */
	public record Places(Integer places) {
	}

	private final JdbcClient jdbc;

	private final RegionTime time;

	private final AuditTrail audit;

	private final Clock clock;

	ApbdQuota(JdbcClient jdbc, RegionTime time, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.time = time;
		this.audit = audit;
		this.clock = clock;
	}

	/** The month a text names ({@code yyyy-MM}), or this month in the district when none. */
	YearMonth month(String regency, String text) {
		if (text == null || text.isBlank()) {
			return YearMonth.from(time.today(regency));
		}
		YearMonth month;
		try {
			month = YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(FieldProblem.of("month", "INVALID_VALUE"));
		}
		if (month.getYear() < 2014 || month.getYear() > 2100) {
			throw new InvalidInputException(FieldProblem.of("month", "INVALID_VALUE"));
		}
		return month;
	}

	/** A month's quota of the user's district (or the one a province or national user names). */
	@Transactional(readOnly = true)
	public Quota get(CurrentUser actor, String regionCode, String monthText) {
		actor.require(Action.PBI_READ);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The quota is the district's");
		}
		String regency = actor.district(regionCode);
		return quota(regency, month(regency, monthText));
	}

	/** The manager sets the month's places (again: the latest figure holds). */
	@Transactional
	public Quota set(CurrentUser actor, String regionCode, String monthText, Places body) {
		actor.require(Action.PBI_QUOTA);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The quota is the district's");
		}
		String regency = actor.district(regionCode);
		YearMonth month = month(regency, monthText);
		Integer places = body == null ? null : body.places();
		if (places == null) {
			throw new InvalidInputException(FieldProblem.of("places", "REQUIRED"));
		}
		if (places < 0 || places > 1_000_000) {
			throw new InvalidInputException(FieldProblem.of("places", "INVALID_VALUE"));
		}
		jdbc.sql("""
				insert into pbi_apbd_quota (regency_code, month, places, set_by, set_at)
				values (:regency, :month, :places, :by, :now)
				on conflict (regency_code, month) do update set places = excluded.places, set_by = excluded.set_by,
				    set_at = excluded.set_at""")
			.param("regency", regency).param("month", Date.valueOf(month.atDay(1))).param("places", places)
			.param("by", actor.id()).param("now", Timestamp.from(clock.instant()))
			.update();
		audit.record(actor, AuditTrail.Action.UPDATE, "PBI_APBD_QUOTA", null, List.of());
		return quota(regency, month);
	}

	Quota quota(String regency, YearMonth month) {
		int places = jdbc.sql("select places from pbi_apbd_quota where regency_code = :regency and month = :month")
			.param("regency", regency).param("month", Date.valueOf(month.atDay(1)))
			.query(Integer.class).optional().orElse(0);
		long used = used(regency, month);
		return new Quota(regency, month.toString(), places, used, Math.max(0, places - used));
	}

	private long used(String regency, YearMonth month) {
		return jdbc.sql("""
				select count(*) from pbi_reactivation where segment = 'PBI_APBD' and substr(village_code, 1, 5) = :regency
				and decided_on >= :from and decided_on < :to""")
			.param("regency", regency).param("from", Date.valueOf(month.atDay(1)))
			.param("to", Date.valueOf(month.plusMonths(1).atDay(1)))
			.query(Long.class).single();
	}

	/**
	 * Takes {@code count} places of the month of {@code on} for answers being recorded, under the month's lock (two
	 * answers at once cannot both take the last place); 409 {@code QUOTA_EXHAUSTED} when fewer are left. Call before
	 * the answers are written. Answers the places left before the taking.
	 */
	long take(String regency, LocalDate on, long count) {
		long left = leftLocked(regency, on);
		if (left < count) {
			throw new ConflictException(FieldProblem.of("segment", "QUOTA_EXHAUSTED"));
		}
		return left;
	}

	/** How many places of the month of {@code on} are left, under the month's lock (for an import that takes some). */
	long leftLocked(String regency, LocalDate on) {
		YearMonth month = YearMonth.from(on);
		jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended('pbi_apbd:' || :key, 0))) l")
			.param("key", regency + ":" + month).query(Long.class).single();
		return quota(regency, month).left();
	}
}
