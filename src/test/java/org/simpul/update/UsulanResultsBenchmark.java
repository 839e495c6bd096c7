package org.simpul.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
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
import org.simpul.registry.RegistryBenchImports;
import org.simpul.registry.RegistryFileGenerator;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.shared.database.WorkScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ministry's result list of a district, 1,000,000 rows, imported into a registry of 2,000,000 persons
 * (Kabupaten Tegal and Kabupaten Temanggung, 1,000,000 each, from the registry file generator): 999,000 rows
 * rank registered persons of Tegal (each with their household's desil, one household in eleven not included), 1,000 decide new families sent to
 * the ministry as usulan (each then registered with its desil). Beside it, in the same run, the bare COPY of
 * the same file into a table with an index on the NIK; then the same file again (answered from the earlier
 * import) and the same rows in another file (nothing to change). Run with
 * {@code ./mvnw -Pbench test -Dtest=UsulanResultsBenchmark} (about 10 minutes).
 */
@Tag("benchmark")
class UsulanResultsBenchmark {

	private static final int PERSONS = Integer.getInteger("bench.persons", 1_000_000);

	private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

	private static final int FAMILIES = 1_000;

	@Test
	void importsAMillionResultsBesideABareCopy() throws Exception {
		Path dir = Path.of("target/bench-data/usulan-results").toAbsolutePath();
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		Files.createDirectories(dir);
		Path tegal = dir.resolve("tegal.csv");
		Path temanggung = dir.resolve("temanggung.csv");
		RegistryFileGenerator.write(tegal, "33.28", PERSONS, 1, List.of());
		RegistryFileGenerator.write(temanggung, "33.23", PERSONS, 2, List.of());
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dir.resolve("db"), "--simpul.demo.enabled=false",
				"--simpul.import-poll=3600000", "--logging.level.org.simpul=WARN")) {
			RegistryBenchImports.run(app, tegal);
			RegistryBenchImports.run(app, temanggung);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			FieldCipher cipher = app.getBean(FieldCipher.class);
			BlindIndex index = app.getBean(BlindIndex.class);
			long persons = jdbc.sql("select count(*) from person").query(Long.class).single();

			// 1,000 new families of Tegal sent to the ministry
			List<String> villages = jdbc.sql("select code from region where code like '33.28.%' and length(code) = 13"
					+ " order by code").query(String.class).list();
			jdbc.sql("""
					insert into update_cycle (id, regency_code, period, entry_until, musdes_until, cut_off, ranking, created_at)
					values (gen_random_uuid(), '33.28', '2027-03', date '2027-03-11', date '2027-03-14', date '2027-03-17',
					        true, now()) on conflict (regency_code, period) do nothing""").update();
			UUID cycle = jdbc.sql("select id from update_cycle where regency_code = '33.28' and period = '2027-03'")
				.query(UUID.class).single();
			Random random = new Random(23);
			List<String> newHeads = new ArrayList<>();
			List<Object[]> usulan = new ArrayList<>();
			Set<String> used = new HashSet<>();
			for (int i = 0; i < FAMILIES; i++) {
				LocalDate born = LocalDate.of(1960 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28));
				String nik;
				do {
					// serials from 9000: the generator's persons of one birth day do not reach them
					nik = "332810%02d%02d%02d%04d".formatted(born.getDayOfMonth() + 40, born.getMonthValue(),
							born.getYear() % 100, 9000 + random.nextInt(999));
				}
				while (!used.add(nik));
				String kk = "332810311299%04d".formatted(i + 1);
				newHeads.add(nik);
				String changes = """
						{"changes": {"household": {"kkNumber": "%s", "address": "Dk. Baru %d", "rt": "001", "rw": "002"},
						 "members": [{"nik": "%s", "name": "Ibu Baru %d", "birthDate": "%s", "sex": "F", "relationship": "HEAD"}]},
						 "before": {}, "subjectName": "Ibu Baru %d"}""".formatted(kk, i, nik, i, born, i);
				usulan.add(new Object[] { UUID.randomUUID(), villages.get(random.nextInt(villages.size())), cycle,
						cipher.encrypt(changes), index.of(BlindIndex.Kind.NIK, nik), index.of(BlindIndex.Kind.KK, kk) });
			}
			app.getBean(JdbcTemplate.class).batchUpdate("""
					insert into usulan (id, version, kind, status, village_code, cycle_id, reason, changes_cipher, source,
					                    created_by, created_at, updated_at, nik_index, kk_index)
					values (?, 0, 'ENTER', 'SENT', ?, ?, 'Musdes', ?, 'MUSDES', gen_random_uuid(), now(), now(), ?, ?)""",
					usulan);

			// the result file: registered persons of Tegal ranked, the new families included
			Path results = dir.resolve("hasil.csv");
			record Registered(String nikCipher, UUID householdId) {
			}
			List<Registered> registered = new ArrayList<>();
			registered.addAll(jdbc.sql("select nik_cipher, household_id from person where village_code like '33.28.%'"
					+ " and left_on is null order by id limit :n").param("n", ROWS - FAMILIES).query(Registered.class).list());
			try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
				out.write("NIK;Hasil;Desil;Kode_Exclude;Alasan\n");
				for (Registered person : registered) {
					// the desil ranks a household: every member's row carries the household's
					int rank = Math.floorMod(person.householdId().hashCode(), 11);
					out.write(cipher.decrypt(person.nikCipher()) + (rank > 0 ? ";MASUK;" + rank + ";;\n" : ";TIDAK MASUK;;;\n"));
				}
				for (String nik : newHeads) {
					out.write(nik + ";MASUK;" + (1 + random.nextInt(4)) + ";;\n");
				}
			}
			long rows = registered.size() + FAMILIES;
			int registeredRows = registered.size();
			registered.clear(); // the test's own copy of the NIKs is not the import's heap
			long bareMs = bareCopy(app.getBean("ownerDataSource", DataSource.class), results);

			UsulanResults importer = app.getBean(UsulanResults.class);
			CurrentUser dinsos = new CurrentUser(UUID.randomUUID(), "bench", "Bench", Role.MANAGER, Territory.of("33.28"));
			BenchmarkReport.resetPeakHeap();
			long started = System.nanoTime();
			UsulanResults.ImportView first = importOnce(importer, dinsos, results);
			long importMs = (System.nanoTime() - started) / 1_000_000;
			long peakHeapMb = BenchmarkReport.peakHeapMb();
			started = System.nanoTime();
			UsulanResults.ImportView repeated = importOnce(importer, dinsos, results);
			long repeatedMs = (System.nanoTime() - started) / 1_000_000;
			Path copy = dir.resolve("hasil-salinan.csv");
			Files.copy(results, copy);
			Files.writeString(copy, "\n", java.nio.file.StandardOpenOption.APPEND);
			started = System.nanoTime();
			UsulanResults.ImportView again = importOnce(importer, dinsos, copy);
			long againMs = (System.nanoTime() - started) / 1_000_000;

			double importRate = rows * 1000.0 / importMs;
			double bareRate = rows * 1000.0 / bareMs;
			BenchmarkReport.write("usulan-results", """
					| measure | value |
					|---|---|
					| registry | %,d persons |
					| result file | %,d rows (%,d registered persons, %,d new families sent as usulan) |
					| bare COPY of the file into a table with a NIK index | %,d ms (**%,.0f rows/s**) |
					| import: staged, usulan decided, families registered, desil set with history | %,d ms (**%,.0f rows/s**) |
					| import rate / bare COPY rate | **%.2f** |
					| usulan decided / families registered / households whose desil changed / rows rejected | %,d / %,d / %,d / %,d |
					| peak heap during the import | %,d MB |
					| the same file again (answered from the earlier import) | %,d ms |
					| the same rows in another file (nothing to decide or change) | %,d ms, %,d households changed |
					""".formatted(persons, rows, registeredRows, FAMILIES, bareMs, bareRate, importMs, importRate,
					importRate / bareRate, first.usulanDecided(), first.familiesEntered(), first.householdsChanged(),
					first.rowsRejected(), peakHeapMb, repeatedMs, againMs, again.householdsChanged()));
			assertThat(first.rowsRead()).isEqualTo(rows);
			assertThat(first.usulanDecided()).isGreaterThan(FAMILIES * 9 / 10);
			assertThat(repeated.repeated()).isTrue();
			assertThat(again.householdsChanged()).isZero();
			assertThat(again.usulanDecided()).isZero();
		}
	}

	private static UsulanResults.ImportView importOnce(UsulanResults importer, CurrentUser dinsos, Path file) {
		return WorkScope.within("33.28", () -> {
			try (InputStream in = Files.newInputStream(file)) {
				return importer.importFile(dinsos, null, file.getFileName().toString(), in);
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private static long bareCopy(DataSource dataSource, Path file) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("drop table if exists bare_result");
			sql.execute("create table bare_result (nik text, hasil text, desil text, kode text, alasan text)");
			sql.execute("create index on bare_result (nik)");
			long started = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy bare_result from stdin (format csv, delimiter ';', header true)", reader);
			}
			return (System.nanoTime() - started) / 1_000_000;
		}
	}
}
