package org.simpul.region;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.simpul.bench.BenchmarkReport;
import org.springframework.core.io.ClassPathResource;

/**
 * Region load (the real migration: table, COPY of the four files, parent key, index, analyze) beside a bare
 * COPY of the same four files into four equivalent tables with primary keys, alternating in one
 * PostgreSQL, five rounds each. Run with {@code ./mvnw -Pbench test}; figures go to docs/benchmarks.md.
 */
@Tag("benchmark")
class RegionLoadBenchmark {

	private static final int ROUNDS = 5;

	@Test
	void regionLoadBesideBareCopy() throws Exception {
		List<Long> bare = new ArrayList<>();
		List<Long> simpul = new ArrayList<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(Path.of("target/bench-data/region-load").toFile())
			.setCleanDataDirectory(true)
			.setServerConfig("synchronous_commit", "on")
			.start(); Connection connection = postgres.getPostgresDatabase().getConnection()) {
			connection.setAutoCommit(false);
			String schema = new String(new ClassPathResource("db/migration/region/V202611221901__region.sql")
				.getInputStream()
				.readAllBytes(), StandardCharsets.UTF_8);
			for (int round = 0; round < ROUNDS + 1; round++) {
				long b = bareCopy(connection);
				long s = simpulLoad(connection, schema);
				if (round > 0) { // the first round warms caches and the JIT
					bare.add(b);
					simpul.add(s);
				}
			}
		}
		long bareMedian = BenchmarkReport.median(bare);
		long simpulMedian = BenchmarkReport.median(simpul);
		BenchmarkReport.write("region-load", """
				| measure (median of %d, ms) | value |
				|---|---|
				| bare COPY of the 4 files into 4 tables with primary keys | %d |
				| Simpul region load (COPY + parent key + index + analyze) | %d |
				| ratio | %.2f |
				""".formatted(ROUNDS, bareMedian, simpulMedian, (double) simpulMedian / bareMedian), bare, simpul);
	}

	private static long bareCopy(Connection connection) throws Exception {
		long started = System.nanoTime();
		try (Statement sql = connection.createStatement()) {
			sql.execute("create table bare_province (code text primary key, name text not null)");
			sql.execute("create table bare_regency (code text primary key, province_code text not null, name text not null)");
			sql.execute("create table bare_district (code text primary key, regency_code text not null, name text not null)");
			sql.execute("create table bare_village (code text primary key, district_code text not null, name text not null)");
		}
		PGConnection pg = connection.unwrap(PGConnection.class);
		copy(pg, "provinces.csv", "bare_province");
		copy(pg, "regencies.csv", "bare_regency");
		copy(pg, "districts.csv", "bare_district");
		copy(pg, "villages.csv", "bare_village");
		connection.commit();
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		try (Statement sql = connection.createStatement()) {
			sql.execute("drop table bare_province, bare_regency, bare_district, bare_village");
		}
		connection.commit();
		return elapsed;
	}

	private static long simpulLoad(Connection connection, String schema) throws Exception {
		long started = System.nanoTime();
		try (Statement sql = connection.createStatement()) {
			sql.execute(schema);
		}
		new V202611221902__Load_regions().migrate(new Context() {
			@Override
			public Configuration getConfiguration() {
				return null;
			}

			@Override
			public Connection getConnection() {
				return connection;
			}
		});
		connection.commit();
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		try (Statement sql = connection.createStatement()) {
			sql.execute("drop table region");
		}
		connection.commit();
		return elapsed;
	}

	private static void copy(PGConnection pg, String file, String table) throws Exception {
		try (InputStream in = new ClassPathResource("region/" + file).getInputStream();
				Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			pg.getCopyAPI().copyIn("copy " + table + " from stdin (format csv, header true)", reader);
		}
	}
}
