package org.simpul.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.registry.HouseholdQueries;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's requests about their data (access, correction, restriction; UU PDP Pasal 30, 32, 41), received
 * by the data protection officer of their territory with the law's clock: answered within 3 × 24 hours. The
 * list shows what is open and what is past due.
 */
@Service
public class DataSubjectRequests {

	/** The law's clock for every kind of request. */
	static final Duration DUE_WITHIN = Duration.ofHours(72);

	public enum Kind {
		ACCESS, CORRECTION, RESTRICTION
	}

	public enum Status {
		OPEN, DONE, REFUSED
	}

	public record Request(UUID id, UUID personId, Kind kind, String details, Status status, Instant receivedAt,
			Instant dueAt, boolean overdue, String outcome, Instant closedAt) {
	}

	private record Row(UUID id, UUID personId, Kind kind, String details, Status status, Instant receivedAt,
			Instant dueAt, String outcome, Instant closedAt) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final HouseholdQueries households;

	private final AuditTrail audit;

	DataSubjectRequests(JdbcClient jdbc, Clock clock, HouseholdQueries households, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.households = households;
		this.audit = audit;
	}

	@Transactional
	public Request receive(CurrentUser dpo, UUID chosenId, UUID personId, String kind, String details) {
		requireOfficer(dpo);
		Kind parsed;
		try {
			parsed = Kind.valueOf(kind == null ? "" : kind.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("kind", kind == null ? "REQUIRED" : "INVALID_VALUE"));
		}
		String text = details == null || details.isBlank() ? null : Texts.required("details", details, 4000);
		String village = households.person(dpo, personId).map(p -> p.villageCode())
			.orElseThrow(() -> new NotFoundException("Person"));
		UUID id = ClientIds.orNew(chosenId);
		Instant now = clock.instant();
		jdbc.sql("""
				insert into data_subject_request (id, person_id, village_code, kind, details, status, received_at, due_at,
				                                  received_by)
				values (:id, :person, :village, :kind, :details, 'OPEN', :now, :due, :by)""")
			.param("id", id).param("person", personId).param("village", village).param("kind", parsed.name())
			.param("details", text).param("now", Timestamp.from(now)).param("due", Timestamp.from(now.plus(DUE_WITHIN)))
			.param("by", dpo.id())
			.update();
		audit.record(dpo, AuditTrail.Action.CREATE, "DATA_SUBJECT_REQUEST", id, List.of(personId));
		return find(dpo, id);
	}

	/** The requests of the officer's territory, the open ones first by due time; only the open ones if asked. */
	public List<Request> list(CurrentUser dpo, boolean openOnly) {
		requireOfficer(dpo);
		return dpo.territory().sql(jdbc, SELECT + " where in_territory(village_code)"
				+ (openOnly ? " and status = 'OPEN'" : "") + " order by status <> 'OPEN', due_at, id limit 500")
			.query(Row.class)
			.list()
			.stream()
			.map(this::view)
			.toList();
	}

	/** Closes an open request as done or refused, with what was done or why not; a closed one answers 409. */
	@Transactional
	public Request close(CurrentUser dpo, UUID id, String status, String outcome) {
		Request request = find(dpo, id);
		Status closing;
		try {
			closing = Status.valueOf(status == null ? "" : status.strip());
		}
		catch (IllegalArgumentException ex) {
			closing = null;
		}
		if (closing == null || closing == Status.OPEN) {
			throw new InvalidInputException(FieldProblem.of("status", status == null ? "REQUIRED" : "INVALID_VALUE"));
		}
		String text = Texts.required("outcome", outcome, 4000);
		int closed = jdbc.sql("""
				update data_subject_request set status = :status, outcome = :outcome, closed_at = :now, closed_by = :by
				where id = :id and status = 'OPEN'""")
			.param("status", closing.name()).param("outcome", text).param("now", Timestamp.from(clock.instant()))
			.param("by", dpo.id()).param("id", id)
			.update();
		if (closed == 0) {
			throw new ConflictException(FieldProblem.of("status", "REQUEST_CLOSED"));
		}
		audit.record(dpo, AuditTrail.Action.UPDATE, "DATA_SUBJECT_REQUEST", id, List.of(request.personId()));
		return find(dpo, id);
	}

	private static final String SELECT = "select id, person_id, kind, details, status, received_at, due_at, outcome,"
			+ " closed_at from data_subject_request";

	private Request find(CurrentUser dpo, UUID id) {
		requireOfficer(dpo);
		return dpo.territory().sql(jdbc, SELECT + " where id = :id and in_territory(village_code)")
			.param("id", id)
			.query(Row.class)
			.optional()
			.map(this::view)
			.orElseThrow(() -> new NotFoundException("Request"));
	}

	private Request view(Row r) {
		return new Request(r.id(), r.personId(), r.kind(), r.details(), r.status(), r.receivedAt(), r.dueAt(),
				r.status() == Status.OPEN && clock.instant().isAfter(r.dueAt()), r.outcome(), r.closedAt());
	}

	private static void requireOfficer(CurrentUser user) {
		user.requireDataProtectionOfficer();
	}
}
