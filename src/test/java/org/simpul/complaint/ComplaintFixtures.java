package org.simpul.complaint;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The complaint module's fixtures for other modules' tests and benchmarks. */
public final class ComplaintFixtures {

	private ComplaintFixtures() {
	}

	/**
	 * {@code count} complaints at status REFERRED, spread over the villages whose codes start with
	 * {@code regencyPrefix} (e.g. {@code 33.28.}), their tickets {@code ticketPrefix-1…}: set-based, for
	 * benchmarks whose worlds are too big to build one request at a time.
	 */
	public static void referredInBulk(JdbcClient jdbc, int count, String regencyPrefix, String ticketPrefix) {
		jdbc.sql("""
				insert into complaint (id, version, ticket_number, tracking_code_hash, status, channel, category,
				                       village_code, description, ppks_taxonomy_id, subject_name, created_by, created_at,
				                       updated_at)
				select uuidv7(), 0, :ticket || '-' || g, md5(g::text), 'REFERRED', 'WALK_IN', 'SOCIAL', v.code, 'Benchmark',
				       '00000000-0000-7000-8000-000000000026', 'Benchmark', gen_random_uuid(), now(), now()
				from generate_series(1, :n) g
				join (select code, row_number() over (order by code) - 1 as i, count(*) over () as c
				      from region where code like :regency || '%' and length(code) = 13) v on v.i = g % v.c""")
			.param("n", count)
			.param("ticket", ticketPrefix)
			.param("regency", regencyPrefix)
			.update();
	}
}
