package org.simpul.referral;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.shared.RegionTime;
import org.simpul.shared.events.ReferralEvent.ReferralEscalated;
import org.simpul.shared.workflow.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalates open referrals past their due date: to the supervisor (TKSK) of the case's sub-district the day
 * after the due date, to the district manager {@code simpul.referrals.manager-after} days later. Each
 * escalation is a row on the referral, written once: the scan is two set-based statements over the open
 * referrals by due date, run under a PostgreSQL advisory lock so that of several application instances one
 * scans at a time, and {@code on conflict do nothing} makes a repeated scan change nothing.
 */
@Service
class ReferralEscalation {

	private static final Logger log = LoggerFactory.getLogger(ReferralEscalation.class);

	/** The advisory lock key of the scan (any instance holding it scans; the others skip this round). */
	private static final long LOCK = 0x5e_5ca1a7e_0001L;

	record Scan(boolean ran, int toSupervisor, int toManager) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int managerAfterDays;

	private final RegionTime time;

	private final DomainEvents events;

	ReferralEscalation(JdbcClient jdbc, Clock clock, RegionTime time, DomainEvents events,
			@Value("${simpul.referrals.manager-after-days:7}") int managerAfterDays) {
		this.events = events;
		this.jdbc = jdbc;
		this.clock = clock;
		this.time = time;
		this.managerAfterDays = managerAfterDays;
	}

	@Scheduled(initialDelayString = "${simpul.referrals.escalation-first:PT1M}",
			fixedDelayString = "${simpul.referrals.escalation-every:PT15M}")
	void scheduled() {
		Scan scan = scan();
		if (scan.toSupervisor() + scan.toManager() > 0) {
			log.info("Escalated overdue referrals: {} to supervisors, {} to managers", scan.toSupervisor(),
					scan.toManager());
		}
	}

	/** One scan; {@code ran} is false when another instance holds the lock. */
	@Transactional
	Scan scan() {
		boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK)
			.query(Boolean.class).single();
		if (!locked) {
			return new Scan(false, 0, 0);
		}
		Instant now = clock.instant();
		int supervisor = escalate("SUPERVISOR", 0, now);
		int manager = escalate("MANAGER", managerAfterDays, now);
		return new Scan(true, supervisor, manager);
	}

	/**
	 * Escalates to {@code level} every open referral overdue by more than {@code daysLate} days, not escalated
	 * to it yet; "today" is the village's (WIB, WITA or WIT).
	 */
	private int escalate(String level, int daysLate, Instant now) {
		// EXCEPT, not NOT EXISTS: with the escalation table (nearly) empty the planner picks a nested-loop anti
		// join that scans the table once per overdue referral while this very statement fills it, 67 s for
		// 100,000 referrals; EXCEPT reads it once, before the first insert (docs/benchmarks.md)
		record Escalated(UUID referralId, UUID complaintId) {
		}
		List<Escalated> escalated = jdbc.sql("""
				with inserted as (
				insert into referral_escalation (referral_id, level, escalated_at)
				select due.id, :level, :now from (
				  select r.id from referral r where r.status in ('SENT', 'ACCEPTED') and r.due_date < :dueBeforeAnywhere
				    and r.due_date + :daysLate < """ + RegionTime.sqlToday("r.village_code") + """
				  except
				  select e.referral_id from referral_escalation e where e.level = :level) due
				on conflict (referral_id, level) do nothing
				returning referral_id)
				select i.referral_id, r.complaint_id from inserted i join referral r on r.id = i.referral_id""")
			.param("level", level)
			.param("now", Timestamp.from(now))
			.param("daysLate", daysLate)
			// the bound in the easternmost zone, a constant an index can use; the exact one is the village's
			.param("dueBeforeAnywhere", Date.valueOf(time.latestToday().minusDays(daysLate)))
			.params(time.sqlTodayParameters())
			.query(Escalated.class)
			.list();
		// one event per referral escalated, in the scan's transaction (the set-based statement stays one)
		escalated.forEach(e -> events.publish(new ReferralEscalated(e.referralId(), e.complaintId(), level, now)));
		return escalated.size();
	}
}
