package org.simpul.shared.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, known without waiting for it: while it is away (the circuit is open) the
 * application's data source refuses a connection at once, so that every request answers 503 in milliseconds
 * instead of waiting for the pool's timeout, and health says DOWN within a second.
 *
 * <p>A probe (a fresh connection of its own with a one-second timeout, outside the pool) runs every
 * {@code every} while the database answers and every second while it does not, and at once when a request
 * failed to get a connection or the embedded server's watch saw the server die. When the database answers
 * again the circuit closes, the pool's old connections are evicted (they belonged to the dead server), and
 * requests go through.
 */
public final class DatabaseCircuit implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(DatabaseCircuit.class);

	private final BooleanSupplier probe;

	private final Runnable onRecovery;

	private final Duration every;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition wake = lock.newCondition();

	private volatile boolean open;

	private volatile Instant openedAt;

	private volatile boolean closed;

	private boolean suspected;

	/** Probes that failed in a row: one slow login on a busy machine does not send everyone a 503. */
	private int failuresInARow;

	/** Bumped when the server is known to have died: a probe begun before that cannot close the circuit. */
	private volatile long generation;

	static final int FAILURES_TO_OPEN = 2;

	private final Thread prober;

	/**
	 * @param probe answers whether the database takes a connection and a query within about a second
	 * @param onRecovery runs when the database answers again after it was away
	 */
	public DatabaseCircuit(BooleanSupplier probe, Runnable onRecovery, Duration every) {
		this.probe = probe;
		this.onRecovery = onRecovery;
		this.every = every;
		this.prober = Thread.ofPlatform().daemon().name("simpul-database-probe").unstarted(this::probeForever);
		this.prober.start();
	}

	/** Whether the database answered the last probe. */
	public boolean available() {
		return !open;
	}

	/** Whether the last probe found no answer (the circuit opens after a second one). */
	public synchronized boolean lastProbeFailed() {
		return failuresInARow > 0;
	}

	/** Since when the database has been away, while it is. */
	public Instant downSince() {
		return open ? openedAt : null;
	}

	/** Refuses at once while the database is away: the caller answers 503 without waiting for the pool. */
	public void requireAvailable() throws SQLTransientConnectionException {
		if (open) {
			throw new SQLTransientConnectionException("The database is unavailable", "08001");
		}
	}

	/** The database is known to be away (its server died): open now, and probe until it answers. */
	public void opened(String why) {
		generation++;
		if (!open) {
			openedAt = Instant.now();
			open = true;
			log.warn("Database unavailable ({}); answering 503 until it is back", why);
		}
		suspect();
	}

	/** Something failed on the database (a connection could not be had): probe now rather than later. */
	public void suspect() {
		lock.lock();
		try {
			suspected = true;
			wake.signalAll();
		}
		finally {
			lock.unlock();
		}
	}

	/**
	 * Probes now and answers whether the database answered. The circuit closes on an answer (unless the
	 * server was known to die while the probe ran) and opens after {@link #FAILURES_TO_OPEN} probes in a row
	 * found no answer.
	 */
	public synchronized boolean check() {
		long before = generation;
		boolean answers;
		try {
			answers = probe.getAsBoolean();
		}
		catch (RuntimeException ex) {
			answers = false;
		}
		failuresInARow = answers ? 0 : failuresInARow + 1;
		if (answers && open && before == generation) {
			open = false;
			log.warn("Database available again after {} ms", Duration.between(openedAt, Instant.now()).toMillis());
			try {
				onRecovery.run();
			}
			catch (RuntimeException ex) {
				log.warn("After the database came back: {}", ex.getClass().getSimpleName());
			}
		}
		else if (!answers && !open && failuresInARow >= FAILURES_TO_OPEN) {
			opened("no answer to " + failuresInARow + " probes in a row");
		}
		return answers;
	}

	private void probeForever() {
		while (!closed) {
			lock.lock();
			try {
				if (!suspected) {
					wake.await((open ? Duration.ofSeconds(1) : every).toMillis(), TimeUnit.MILLISECONDS);
				}
				suspected = false;
			}
			catch (InterruptedException ex) {
				return;
			}
			finally {
				lock.unlock();
			}
			if (!closed) {
				try {
					check();
				}
				catch (RuntimeException | Error ex) {
					// the probe thread must outlive anything (an OutOfMemoryError elsewhere): it is what closes
					// the circuit again
					log.warn("Database probe failed: {}", ex.getClass().getSimpleName());
				}
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		prober.interrupt();
	}

	/**
	 * A probe that logs in on a connection of its own (not from the pool, which may be waiting for a server
	 * that is gone) with one-second timeouts and asks the server for a trivial answer.
	 */
	public static BooleanSupplier connecting(String jdbcUrl, String username, String password) {
		org.postgresql.Driver driver = new org.postgresql.Driver();
		return () -> {
			Properties properties = new Properties();
			properties.setProperty("user", username);
			if (password != null) {
				properties.setProperty("password", password);
			}
			properties.setProperty("connectTimeout", "1");
			properties.setProperty("loginTimeout", "2");
			properties.setProperty("socketTimeout", "2");
			properties.setProperty("ApplicationName", "simpul-probe");
			try (Connection connection = driver.connect(jdbcUrl, properties)) {
				return connection != null && connection.isValid(1);
			}
			catch (SQLException ex) {
				// the server answered, only not to this login (too many connections, a password refused): it is up
				String state = ex.getSQLState();
				return state != null && (state.equals("53300") || state.startsWith("28"));
			}
		};
	}
}
