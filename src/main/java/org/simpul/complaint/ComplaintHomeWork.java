package org.simpul.complaint;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.simpul.access.CurrentUser;
import org.simpul.access.HomeWork;
import org.simpul.access.Territory;
import org.simpul.shared.RegionTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The service desk's work on the home page: today's complaints and those waiting for an assessment. */
@Component
class ComplaintHomeWork implements HomeWork {

	private final JdbcClient jdbc;

	private final RegionTime time;

	ComplaintHomeWork(JdbcClient jdbc, RegionTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	@Override
	public List<Item> itemsFor(CurrentUser user) {
		if (!ComplaintIntake.mayTakeComplaints(user.role())) {
			return List.of();
		}
		// today as the desk's zone has it; restricted persons' complaints are not counted, as the queue hides them
		Timestamp today = Timestamp.from(time.today(user.territory().value()).atStartOfDay(RegionTime.zoneOf(
				user.territory().value())).toInstant());
		record Counts(long today, long waiting) {
		}
		Counts counts = user.territory().sql(jdbc, """
				select count(*) filter (where c.created_at >= :today) as today,
				       count(*) filter (where c.status = 'RECEIVED') as waiting
				from complaint c where in_territory(c.village_code)
				 and not exists (select 1 from person_placement rp where rp.id = c.subject_person_id
				                 and rp.restricted_since is not null)""")
			.param("today", today)
			.query(Counts.class)
			.single();
		List<Item> items = new ArrayList<>();
		items.add(new Item("home.work.receivedToday", counts.today(), "/pengaduan"));
		items.add(new Item("home.work.awaitingAssessment", counts.waiting(), "/pengaduan?status=RECEIVED"));
		return items;
	}
}
