package org.simpul.shared.database;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the embedded PostgreSQL server's process and, when it dies (a {@code kill -9}, a crash, the
 * out-of-memory killer), opens the database circuit at once (requests answer 503 in milliseconds) and starts
 * the server again, the same recovery as a start after a crash, until it runs; then the circuit's probe finds
 * it answering and requests go through again. No restart of the JVM, nobody on call.
 *
 * <p>Stops after the web server (a lower phase): requests still finishing during a graceful shutdown are
 * served by a restarted server too.
 */
final class EmbeddedDatabaseWatch implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseWatch.class);

	private final EmbeddedDatabase database;

	private final DatabaseCircuit circuit;

	private final Duration every;

	private volatile Thread watcher;

	EmbeddedDatabaseWatch(EmbeddedDatabase database, DatabaseCircuit circuit, Duration every) {
		this.database = database;
		this.circuit = circuit;
		this.every = every;
	}

	@Override
	public void start() {
		watcher = Thread.ofPlatform().daemon().name("simpul-database-watch").start(this::watch);
	}

	private void watch() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				Thread.sleep(every);
				if (database.serverAlive()) {
					continue;
				}
				circuit.opened("the embedded PostgreSQL server stopped");
				long started = System.nanoTime();
				try {
					if (database.restartIfDead()) {
						log.warn("Embedded PostgreSQL restarted after it stopped ({} ms)",
								(System.nanoTime() - started) / 1_000_000);
					}
					circuit.check();
				}
				catch (RuntimeException ex) {
					// the dead server's last backends may still hold its shared memory for a moment
					log.warn("Could not restart the embedded PostgreSQL yet ({}); trying again",
							ex.getClass().getSimpleName());
					Thread.sleep(Duration.ofSeconds(1));
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void stop() {
		Thread running = watcher;
		watcher = null;
		if (running != null) {
			running.interrupt();
			try {
				running.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return watcher != null;
	}

	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}
}
