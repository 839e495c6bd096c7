package org.simpul.update;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.shared.RegionTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly cut-off (DOMAIN.md §9): an usulan still with its village (draft, agreed, returned) when its cycle's
 * cut-off day has passed moves to its district's current cycle, with a note on its history naming both; what was
 * submitted in time stays in its cycle. Scanned every hour (and at start) under an advisory lock, so that of
 * several application instances one moves at a time; a repeated scan finds nothing more to move. "Today" is the
 * district's (WIB, WITA or WIT).
 */
@Service
class LateUsulan {

	private static final Logger log = LoggerFactory.getLogger(LateUsulan.class);

	private static final long LOCK = 0x5e_0a5a1_0001L;

	private final JdbcClient jdbc;

	private final UpdateCycles cycles;

	private final RegionTime time;

	private final Clock clock;

	private final TransactionTemplate transaction;

	LateUsulan(JdbcClient jdbc, UpdateCycles cycles, RegionTime time, Clock clock, PlatformTransactionManager transactions) {
		this.transaction = new TransactionTemplate(transactions);
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.time = time;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${simpul.usulan.late-first:PT1M}", fixedDelayString = "${simpul.usulan.late-every:PT1H}")
	void scheduled() {
		// through a template: a call from inside the class would pass by moveLate's own @Transactional, and the
		// advisory lock and the moves must share one transaction
		Integer moved = transaction.execute(status -> moveLate());
		if (moved != null && moved > 0) {
			log.info("Moved {} late usulan to their districts' current cycles", moved);
		}
	}

	/** One scan: how many usulan moved (0 when another instance holds the lock). */
	@Transactional
	int moveLate() {
		if (!jdbc.sql("select pg_try_advisory_xact_lock(:lock)").param("lock", LOCK).query(Boolean.class).single()) {
			return 0;
		}
		record Late(UUID id, String regencyCode, String period, java.sql.Date cutOff) {
		}
		List<Late> late = jdbc.sql("""
				select c.id, c.regency_code, c.period, c.cut_off from update_cycle c
				where c.cut_off < current_date + 1 and exists (
				  select 1 from usulan u where u.cycle_id = c.id and u.status in ('DRAFT', 'AGREED', 'RETURNED'))
				order by c.cut_off""")
			.query(Late.class)
			.list();
		int moved = 0;
		Instant now = clock.instant();
		for (Late cycle : late) {
			if (!time.today(cycle.regencyCode()).isAfter(cycle.cutOff().toLocalDate())) {
				continue;
			}
			UpdateCycles.Cycle next = cycles.current(cycle.regencyCode());
			if (next.id().equals(cycle.id())) {
				continue;
			}
			moved += jdbc.sql("""
					with moved as (
					  update usulan set cycle_id = :next, moved_from = :late, version = version + 1, updated_at = :now
					  where cycle_id = :late and status in ('DRAFT', 'AGREED', 'RETURNED')
					  returning id, status)
					insert into usulan_step (usulan_id, status, at, by_user, note)
					select id, status, :now, null, :note from moved""")
				.param("next", next.id())
				.param("late", cycle.id())
				.param("now", Timestamp.from(now))
				.param("note", "Lewat batas siklus " + cycle.period() + "; pindah ke siklus " + next.period())
				.update();
		}
		return moved;
	}
}
