package org.simpul.pbi;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.events.UsulanEvent.UsulanProposed;
import org.simpul.shared.events.UsulanEvent.UsulanWithdrawn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a reactivation (active again as PBI-JK, or in another segment) the family's data must be updated within two
 * DTSEN periods ({@code simpul.pbi.follow-up-months}, 6 by default: the rule is reported, not seen in the regulation
 * text). Each such answer opens a follow-up for the village, due that many months later; the first usulan proposed
 * for the household afterwards (the village's "Buat usulan" from the follow-up, or any other) closes it, and its
 * withdrawal opens it again.
 */
@Service
public class FollowUps {

	/** An open follow-up: whose household, in which village, by when. */
	public record FollowUp(UUID reactivationId, UUID personId, String name, UUID householdId, String villageCode,
			LocalDate dueOn) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int months;

	FollowUps(JdbcClient jdbc, Clock clock, @Value("${simpul.pbi.follow-up-months:6}") int months) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.months = months;
	}

	/** Opens the follow-ups of the requests among {@code ids} answered active (once per request). */
	void open(Collection<UUID> ids, LocalDate answeredOn) {
		if (ids.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into pbi_follow_up (reactivation_id, person_id, person_name, household_id, village_code, due_on,
				    created_at)
				select id, person_id, person_name, household_id, village_code, :due, :now from pbi_reactivation
				where id = any(:ids) and status in ('ACTIVE', 'MOVED_SEGMENT')
				on conflict (reactivation_id) do nothing""")
			.param("ids", ids.toArray(UUID[]::new)).param("due", Date.valueOf(answeredOn.plusMonths(months)))
			.param("now", Timestamp.from(clock.instant()))
			.update();
	}

	/** An usulan proposed for a household closes its open follow-ups. */
	@EventListener
	void proposed(UsulanProposed proposed) {
		if (proposed.householdId() == null) {
			return;
		}
		jdbc.sql("""
				update pbi_follow_up set usulan_id = :usulan, done_at = :now
				where household_id = :household and done_at is null""")
			.param("usulan", proposed.usulanId()).param("household", proposed.householdId())
			.param("now", Timestamp.from(proposed.at()))
			.update();
	}

	/** An usulan withdrawn before it went anywhere leaves the follow-up it closed open again. */
	@EventListener
	void withdrawn(UsulanWithdrawn withdrawn) {
		jdbc.sql("update pbi_follow_up set usulan_id = null, done_at = null where usulan_id = :usulan")
			.param("usulan", withdrawn.usulanId())
			.update();
	}

	/** The open follow-ups of the user's territory (of one village of it, if named), the soonest due first. */
	@Transactional(readOnly = true)
	public PageResponse<FollowUp> open(CurrentUser actor, String villageCode, PageRequest page) {
		actor.require(Action.PBI_READ);
		String village = villageCode == null || villageCode.isBlank() ? null : villageCode.strip();
		String where = " r where r.done_at is null and in_territory(r.village_code)"
				+ " and (cast(:village as text) is null or r.village_code = :village)" + ReactivationQueries.restricted(actor);
		long total = actor.territory().sql(jdbc, "select count(*) from pbi_follow_up" + where)
			.param("village", village).query(Long.class).single();
		List<FollowUp> items = actor.territory().sql(jdbc, """
				select r.reactivation_id, r.person_id, r.person_name, r.household_id, r.village_code, r.due_on
				from pbi_follow_up""" + where + " order by r.due_on, r.person_name limit :limit offset :offset")
			.param("village", village).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> new FollowUp(rs.getObject("reactivation_id", UUID.class),
					rs.getObject("person_id", UUID.class), rs.getString("person_name"),
					rs.getObject("household_id", UUID.class), rs.getString("village_code"),
					rs.getObject("due_on", LocalDate.class)))
			.list();
		return PageResponse.of(items, page, total);
	}
}
