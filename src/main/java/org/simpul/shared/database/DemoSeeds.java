package org.simpul.shared.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger that makes each module's demo data appear once: a module claims its seed name in the same
 * transaction that writes its rows, so a crash half-way leaves neither, and a restart does not seed again
 * (even after a demo user was edited or deleted).
 */
@Component
@OnDemoWorld
public class DemoSeeds {

	private final JdbcClient jdbc;

	DemoSeeds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Runs {@code seed} in one transaction unless a seed of this name ran before. */
	@Transactional
	public boolean once(String name, Runnable seed) {
		int claimed = jdbc.sql("insert into demo_seed (name) values (:name) on conflict do nothing")
			.param("name", name)
			.update();
		if (claimed == 0) {
			return false;
		}
		seed.run();
		return true;
	}
}
