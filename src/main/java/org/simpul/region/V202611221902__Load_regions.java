package org.simpul.region;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the four region files shipped in {@code classpath:region/} with PostgreSQL {@code COPY}, inside
 * Flyway's transaction: it runs once, and a crash half-way leaves nothing (the next start loads again).
 * The key, the code check, the parent reference and its index are added after the rows: PostgreSQL then
 * builds and checks each in one pass instead of row by row.
 */
@Component
class V202611221902__Load_regions extends BaseJavaMigration {

	private static final Logger log = LoggerFactory.getLogger(V202611221902__Load_regions.class);

	@Override
	public void migrate(Context context) throws Exception {
		long started = System.nanoTime();
		Connection connection = context.getConnection();
		PGConnection pg = connection.unwrap(PGConnection.class);
		long rows = copy(pg, "provinces.csv", "code, name")
				+ copy(pg, "regencies.csv", "code, parent_code, name")
				+ copy(pg, "districts.csv", "code, parent_code, name")
				+ copy(pg, "villages.csv", "code, parent_code, name");
		try (Statement statement = connection.createStatement()) {
			// One ALTER: the key's index is built and the shape check runs in a single pass over the rows.
			statement.execute("""
					alter table region
					    add constraint pk_region primary key (code),
					    add constraint ck_region_code check (length(code) in (2, 5, 8, 13)),
					    add constraint fk_region_parent foreign key (parent_code) references region (code)""");
			statement.execute("create index ix_region_parent on region (parent_code)");
			statement.execute("analyze region");
		}
		log.info("Loaded {} regions in {} ms", rows, (System.nanoTime() - started) / 1_000_000);
	}

	private static long copy(PGConnection pg, String file, String columns) throws Exception {
		try (InputStream in = new ClassPathResource("region/" + file).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return pg.getCopyAPI()
				.copyIn("copy region (" + columns + ") from stdin (format csv, header true)", reader);
		}
	}
}
