package org.simpul.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A stop (SIGTERM) ends in bounded time whatever state the database is in: the graceful shutdown lets running
 * requests finish (each phase at most {@code spring.lifecycle.timeout-per-shutdown-phase}), and if the whole
 * close has not finished within {@code simpul.shutdown-limit} (default 30 s) the JVM is halted. Nothing
 * committed is lost by that: the database's write-ahead log holds it, and a request cut off was not
 * acknowledged. Installed by the application's {@code main} only, never in tests that close contexts
 * themselves.
 */
public final class ShutdownLimit {

	private static final Logger log = LoggerFactory.getLogger(ShutdownLimit.class);

	private ShutdownLimit() {
	}

	public static void install(ConfigurableApplicationContext context) {
		Duration limit = context.getEnvironment().getProperty("simpul.shutdown-limit", Duration.class,
				Duration.ofSeconds(30));
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("simpul-shutdown-limit").unstarted(() -> {
			long deadline = System.nanoTime() + limit.toNanos();
			try {
				while (context.isActive() && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (context.isActive()) {
				log.error("The shutdown did not finish within {} s; stopping the JVM now", limit.toSeconds());
				Runtime.getRuntime().halt(1);
			}
		}));
	}
}
