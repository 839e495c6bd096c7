package org.simpul.casework;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.casework.AssessmentForm.Kind;
import org.simpul.complaint.ComplaintQueries;
import org.simpul.complaint.ComplaintQueries.ComplaintView;
import org.simpul.complaint.ComplaintQueries.QueueItem;
import org.simpul.complaint.ComplaintStatus;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.PersonSearch;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A volunteer's work ("Tugas saya"): the open cases given to them, each with what is due next and the
 * household the registry knows (address, members, house conditions), and the open cases of their territory
 * that nobody has taken yet. Everything through the complaint's and the registry's own reads, so inside the
 * user's territory and on the audit trail like any other read of the family's data.
 */
@Service
public class Caseload {

	/** How many of each list a page holds: a volunteer's caseload is tens, not thousands. */
	static final int LIMIT = 50;

	private static final Set<ComplaintStatus> DONE = EnumSet.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED);

	/** What is due next on a case: the quick assessment, then the deep one (the home visit), then follow-up. */
	public enum Due {
		QUICK_ASSESSMENT, DEEP_ASSESSMENT, FOLLOW_UP
	}

	public record Task(ComplaintView complaint, Due due, HouseholdView household) {
	}

	private final JdbcClient jdbc;

	private final ComplaintQueries complaints;

	private final PersonSearch persons;

	private final HouseholdQueries households;

	Caseload(JdbcClient jdbc, ComplaintQueries complaints, PersonSearch persons, HouseholdQueries households) {
		this.jdbc = jdbc;
		this.complaints = complaints;
		this.persons = persons;
		this.households = households;
	}

	/** The open cases given to {@code user}, oldest first. */
	public List<Task> mine(CurrentUser user) {
		user.require(Action.CASE_TAKE);
		List<UUID> ids = jdbc.sql("""
				select complaint_id from case_file where assignee_id = :me and closed_at is null
				order by opened_at, complaint_id limit :limit""")
			.param("me", user.id())
			// some of these may be resolved meanwhile (the case still open): read more than a page holds
			.param("limit", LIMIT * 4)
			.query(UUID.class)
			.list();
		List<Task> tasks = new ArrayList<>();
		for (UUID id : ids) {
			Optional<ComplaintView> complaint = complaints.complaint(user, id).filter(c -> !DONE.contains(c.status()));
			complaint.ifPresent(c -> tasks.add(new Task(c, due(id), household(user, c))));
			if (tasks.size() == LIMIT) {
				break;
			}
		}
		return tasks;
	}

	/** The open complaints of {@code user}'s territory whose case nobody has taken, newest first. */
	public List<QueueItem> untaken(CurrentUser user) {
		user.require(Action.CASE_TAKE);
		List<QueueItem> open = complaints.queue(user, null, null, null, null, new PageRequest(0, LIMIT * 2)).content()
			.stream()
			.filter(item -> !DONE.contains(item.status()))
			.toList();
		if (open.isEmpty()) {
			return List.of();
		}
		Set<UUID> taken = new HashSet<>(jdbc.sql("""
				select complaint_id from case_file where complaint_id in (:ids) and assignee_id is not null""")
			.param("ids", open.stream().map(QueueItem::id).toList())
			.query(UUID.class)
			.list());
		return open.stream().filter(item -> !taken.contains(item.id())).limit(LIMIT).toList();
	}

	private Due due(UUID complaintId) {
		Set<Kind> done = EnumSet.noneOf(Kind.class);
		jdbc.sql("""
				select distinct f.kind from assessment a join assessment_form f on f.id = a.form_id
				where a.complaint_id = :id""")
			.param("id", complaintId)
			.query(Kind.class)
			.list()
			.forEach(done::add);
		return !done.contains(Kind.QUICK) ? Due.QUICK_ASSESSMENT
				: !done.contains(Kind.DEEP) ? Due.DEEP_ASSESSMENT : Due.FOLLOW_UP;
	}

	/** The household of the complaint's subject, when the registry knows the person in the user's territory. */
	HouseholdView household(CurrentUser user, ComplaintView complaint) {
		UUID personId = complaint.subject().personId();
		if (personId == null || !complaint.subject().inRegistry()) {
			return null;
		}
		return persons.byId(user, personId)
			.flatMap(person -> households.household(user, person.householdId()))
			.orElse(null);
	}
}
