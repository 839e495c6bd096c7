package org.simpul.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;

import org.simpul.access.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records who did what to whose data. A read is recorded as it happens, in its own statement; a write in the
 * write's transaction, so that a write rolled back leaves no record and a committed one always has one.
 * Identifiers (NIK, KK) are never recorded, only ids.
 *
 * <p>The purpose is the request's {@code X-Purpose} header when a client names one (up to 200 characters),
 * else the service every SLRT user works for ({@link #SLRT_SERVICE}).
 */
@Service
public class AuditTrail {

	/** The lawful basis of SLRT's processing: a public service (UU PDP Pasal 20 ayat 2 huruf e: a task in the public interest). */
	public static final String SLRT_SERVICE = "SLRT_SERVICE";

	public enum Action {
		READ, SEARCH, PRINT, EXPORT, CREATE, UPDATE
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	/** Only {@link #withoutRecording} sets it, for a benchmark; no configuration turns the trail off. */
	private final AtomicBoolean suspended = new AtomicBoolean();

	AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records one action on one object (a household, a complaint, a referral…) concerning {@code subjects},
	 * the persons whose data it is (none known: an empty collection).
	 */
	public void record(CurrentUser actor, Action action, String objectType, UUID objectId, Collection<UUID> subjects) {
		if (suspended.get()) {
			return;
		}
		boolean inWrite = TransactionSynchronizationManager.isActualTransactionActive();
		if (inWrite && objectId != null && actor != null && TransactionSynchronizationManager.isSynchronizationActive()) {
			// a read, by the one who wrote it, of what this transaction has written tells nobody anything new (a
			// registration's listener drafting an usulan from the household just registered): not recorded twice
			Set<String> written = writtenInTransaction();
			String key = objectType + ":" + objectId + ":" + actor.id() + ":"
					+ subjects.stream().distinct().sorted().toList();
			if (action == Action.READ && written.contains(key)) {
				return;
			}
			if (action == Action.CREATE || action == Action.UPDATE) {
				written.add(key);
			}
		}
		// a write's record is committed (and flushed to disk) with the write. A read's record is its own
		// statement, committed without waiting for the disk flush (set_config local to that statement's
		// transaction), which is what made recording cost a millisecond per read (docs/benchmarks.md):
		// PostgreSQL still writes it out within a fraction of a second, and only a database server losing
		// power in that moment loses it
		jdbc.sql("""
				insert into audit_event (at, user_id, username, role, action, object_type, object_id, subject_ids, purpose)
				select :at, :user, :username, :role, :action, :type, :object, :subjects, :purpose
				from (select case when :read then set_config('synchronous_commit', 'off', true) end) as read_record""")
			.param("read", !inWrite)
			.param("at", Timestamp.from(clock.instant()))
			.param("user", actor == null ? null : actor.id())
			.param("username", actor == null ? null : actor.username())
			.param("role", actor == null ? null : actor.role().name())
			.param("action", action.name())
			.param("type", objectType)
			.param("object", objectId)
			.param("subjects", subjects.stream().distinct().sorted().toArray(UUID[]::new))
			.param("purpose", purpose())
			.update();
	}

	/** The objects this transaction has recorded writes of (by object, id and actor), forgotten when it ends. */
	@SuppressWarnings("unchecked")
	private static Set<String> writtenInTransaction() {
		Set<String> written = (Set<String>) TransactionSynchronizationManager.getResource(WRITTEN);
		if (written == null) {
			Set<String> fresh = new HashSet<>();
			TransactionSynchronizationManager.bindResource(WRITTEN, fresh);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WRITTEN);
				}
			});
			written = fresh;
		}
		return written;
	}

	/** The key of {@link #writtenInTransaction()} among the transaction's resources. */
	private static final Object WRITTEN = new Object();

	/** One record of the trail, as the data protection officer reads it. */
	public record Event(Instant at, String username, String role, Action action, String objectType, UUID objectId,
			String purpose) {
	}

	/**
	 * Everything the trail holds about a person (who read or changed their data, when, why), oldest first, at
	 * most {@code limit} records: for the data protection officer only.
	 */
	public List<Event> history(CurrentUser dpo, UUID personId, int limit) {
		dpo.requireDataProtectionOfficer();
		return jdbc.sql("""
				select at, username, role, action, object_type, object_id, purpose from audit_event
				where subject_ids @> array[cast(:person as uuid)] order by id limit :limit""")
			.param("person", personId)
			.param("limit", limit)
			.query(Event.class)
			.list();
	}

	/**
	 * Runs {@code work} with nothing recorded by anyone meanwhile: only for measuring what recording costs
	 * (AuditOverheadBenchmark, which runs alone); package-private, and no setting reaches it.
	 */
	void withoutRecording(Runnable work) {
		suspended.set(true);
		try {
			work.run();
		}
		finally {
			suspended.set(false);
		}
	}

	private static String purpose() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			String named = request.getHeader("X-Purpose");
			if (named != null && !named.isBlank()) {
				String purpose = named.strip();
				return purpose.length() > 200 ? purpose.substring(0, 200) : purpose;
			}
		}
		return SLRT_SERVICE;
	}
}
