package org.simpul.registry;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.simpul.SimpulApplication;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.bench.BenchmarkReport;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry import and look-ups at scale: a registry of Kabupaten Tegal with 1,000,000 generated persons,
 * then an import of 1,000,000 more (Kabupaten Temanggung), beside a bare COPY of the same file into a
 * table with the person table's indexes, in the same PostgreSQL and run. Then NIK look-ups and name
 * searches at 2,000,000 persons. Run with {@code ./mvnw -Pbench test -Dtest=RegistryImportBenchmark}.
 */
@Tag("benchmark")
class RegistryImportBenchmark {

	private static final int PERSONS = Integer.getInteger("bench.persons", 1_000_000);

	@Test
	void importBesideBareCopyAndLookups() throws Exception {
		Path dir = Path.of("target/bench-data/registry-import").toAbsolutePath();
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		Path base = dir.resolve("tegal.csv");
		Path addition = dir.resolve("temanggung.csv");
		long generated = System.nanoTime();
		RegistryFileGenerator.Summary baseSummary = RegistryFileGenerator.write(base, "33.28", PERSONS, 1, List.of());
		RegistryFileGenerator.Summary summary = RegistryFileGenerator.write(addition, "33.23", PERSONS, 2, List.of());
		long generationMs = (System.nanoTime() - generated) / 1_000_000;

		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dir.resolve("db"), "--simpul.demo.enabled=false",
				"--simpul.import-poll=3600000", "--logging.level.org.simpul=WARN", "--logging.level.org.simpul.registry.RegistryImportRun=DEBUG")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			DataSource dataSource = app.getBean(DataSource.class);

			long baseMs = RegistryBenchImports.run(app, base);
			BenchmarkReport.resetPeakHeap();
			long importMs = RegistryBenchImports.run(app, addition);
			long peakHeapMb = BenchmarkReport.peakHeapMb();
			long bareMs = bareCopy(app.getBean("ownerDataSource", DataSource.class), addition);
			long persons = jdbc.sql("select count(*) from person").query(Long.class).single();

			// look-ups at the full registry size, as a national user who sees everything
			CurrentUser reader = new CurrentUser(UUID.randomUUID(), "bench", "Bench", Role.DPO, Territory.NATIONAL);
			PersonSearch search = app.getBean(PersonSearch.class);
			FieldCipher cipher = app.getBean(FieldCipher.class);
			List<String> niks = jdbc.sql("select nik_cipher from person tablesample system (1) limit 1000").query(String.class)
				.list().stream().map(cipher::decrypt).toList();
			List<Long> nikTimes = new ArrayList<>();
			for (String nik : niks) {
				long t = System.nanoTime();
				search.search(reader, new PersonSearch.Query(nik, null, null, null, null, null), new PageRequest(0, 20));
				nikTimes.add(System.nanoTime() - t);
			}
			List<String> names = jdbc.sql("select name from person tablesample system (1) limit 100").query(String.class).list();
			Random random = new Random(3);
			List<Long> nameTimes = new ArrayList<>();
			for (String name : names) {
				String query = random.nextBoolean() ? RegistryFileGenerator.oldSpelling(name) : name;
				long t = System.nanoTime();
				search.search(reader, new PersonSearch.Query(null, query, null, "33.23", null, null), new PageRequest(0, 20));
				nameTimes.add(System.nanoTime() - t);
			}
			double importRate = summary.rows() * 1000.0 / importMs;
			double bareRate = summary.rows() * 1000.0 / bareMs;
			BenchmarkReport.write("registry-import", """
					| measure | value |
					|---|---|
					| generated files (2 × %,d persons, %,d + %,d rows) | %,d ms |
					| first import into an empty registry (%,d rows) | %,d ms (%,.0f rows/s) |
					| import of %,d rows into a registry of %,d persons | %,d ms (**%,.0f rows/s**) |
					| bare COPY of the same file into a table with the person indexes | %,d ms (**%,.0f rows/s**) |
					| import rate / bare COPY rate | **%.2f** (goal ≥ 0.50) |
					| peak heap during the second import | %,d MB |
					| persons after both imports | %,d |
					| NIK look-up p50 / p99 (%d look-ups) | %.2f / %.2f ms |
					| name search p50 / p95 (%d searches, half in old spelling, within a regency) | %.1f / %.1f ms |
					""".formatted(PERSONS, baseSummary.rows(), summary.rows(), generationMs, baseSummary.rows(), baseMs,
					baseSummary.rows() * 1000.0 / baseMs, summary.rows(), persons - (summary.rows() - summary.expectedRejections().size() + 1), importMs,
					importRate, bareMs, bareRate, importRate / bareRate, peakHeapMb, persons, nikTimes.size(),
					percentile(nikTimes, 50), percentile(nikTimes, 99), nameTimes.size(), percentile(nameTimes, 50),
					percentile(nameTimes, 95)));
		}
	}


	private static long bareCopy(DataSource dataSource, Path file) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("drop table if exists bare_person");
			sql.execute("""
					create table bare_person (no_kk text, nik text, nama text, tanggal_lahir text, jenis_kelamin text,
					    hubungan_keluarga text, kode_desa text, tempat_lahir text, alamat text, rt text, rw text, desil text,
					    disabilitas text, pekerjaan text, pendidikan text, atap text, dinding text, lantai text,
					    luas_lantai text, sumber_listrik text, jamban text, sumber_air_minum text, program text)""");
			// not unique: the planted invalid rows may repeat a truncated NIK, which the import refuses row by row
			sql.execute("create index on bare_person (nik)");
			sql.execute("create index on bare_person (no_kk)");
			// the person table's name index holds the name's words and the codes of its place (ADR 0005)
			sql.execute("create index on bare_person using gin ((string_to_array(lower(nama), ' ') || array[left(kode_desa, 2),"
					+ " left(kode_desa, 5), left(kode_desa, 8), kode_desa]))");
			sql.execute("create index on bare_person (tanggal_lahir)");
			sql.execute("create index on bare_person (kode_desa)");
			// the same number of rows as the person table already holds, so the indexes are as deep
			sql.execute("insert into bare_person (nik, no_kk, nama, tanggal_lahir, kode_desa) select nik_index || 'x', kk_index,"
					+ " name_key, birth_date::text, village_code from person");
			long started = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy bare_person from stdin (format csv, header true, on_error ignore)", reader);
			}
			return (System.nanoTime() - started) / 1_000_000;
		}
	}

	private static double percentile(List<Long> nanos, int p) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1_000_000.0;
	}
}
