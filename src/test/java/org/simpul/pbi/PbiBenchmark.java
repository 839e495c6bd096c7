package org.simpul.pbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.simpul.pbi.DeactivationBatches.BatchRequest;
import org.simpul.pbi.DeactivationBatches.BatchView;
import org.simpul.registry.RegistryBenchImports;
import org.simpul.registry.RegistryFileGenerator;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.shared.database.WorkScope;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PBI-JK deactivations against a registry of 2,000,000 persons (Kabupaten Tegal and Kabupaten Temanggung,
 * 1,000,000 each, from the registry file generator):
 * <ol>
 * <li>a decree's list of 1,000,000 rows for Tegal (950,000 registered persons, 50,000 the registry does not hold)
 * imported and matched, beside the bare COPY of the same file into a table with an index on the NIK, in the same
 * run; then the same file again (the same batch) and the same rows in another file (all known);</li>
 * <li>Temanggung's batch of 41,700 with 5,000 reactivation requests in every state: the district's overview
 * ({@code GET /api/v1/pbi/overview}) and the first page of its list ({@code GET /api/v1/pbi/deactivations}) over
 * HTTP, and the head of Dinsos' dashboard ({@code GET /api/v1/pbi/dashboard}), p50 and p95 of 200 calls each after
 * 20 to warm up.</li>
 * </ol>
 * Run with {@code ./mvnw -Pbench test -Dtest=PbiBenchmark} (about 12 minutes).
 */
@Tag("benchmark")
class PbiBenchmark {

	private static final int PERSONS = Integer.getInteger("bench.persons", 1_000_000);

	private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);

	private static final int STRANGERS = ROWS / 20;

	private static final int TEMANGGUNG = 41_700;

	private static final int REQUESTS = 5_000;

	private static final int CALLS = 200;

	@Test
	void importsAMillionDeactivationsAndAnswersTheDashboard() throws Exception {
		Path dir = Path.of("target/bench-data/pbi").toAbsolutePath();
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
				"--server.port=0", "--simpul.data-dir=" + dir.resolve("db"), "--simpul.demo.persons=200", "--simpul.demo.pbi-temanggung=0", "--simpul.demo.pbi-tegal=0",
				"--simpul.import-poll=3600000", "--logging.level.org.simpul=WARN")) {
			RegistryBenchImports.run(app, tegal);
			RegistryBenchImports.run(app, temanggung);
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			FieldCipher cipher = app.getBean(FieldCipher.class);
			long persons = jdbc.sql("select count(*) from person").query(Long.class).single();
			LocalDate today = LocalDate.now();

			// Tegal's list: registered persons and people the registry does not hold
			Path list = dir.resolve("sk-tegal.csv");
			record Registered(String nikCipher, String name) {
			}
			List<Registered> registered = jdbc.sql("select nik_cipher, name from person where village_code like '33.28.%'"
					+ " and left_on is null order by id limit :n").param("n", ROWS - STRANGERS).query(Registered.class).list();
			Random random = new Random(31);
			try (BufferedWriter out = Files.newBufferedWriter(list, StandardCharsets.UTF_8)) {
				out.write("NIK;Nama;Tanggal_Nonaktif\n");
				for (Registered person : registered) {
					out.write(cipher.decrypt(person.nikCipher()) + ";" + person.name() + ";"
							+ today.minusDays(random.nextInt(150)) + "\n");
				}
				for (int i = 0; i < STRANGERS; i++) {
					LocalDate born = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
					// a district of Tegal and serials from 9000 that the generator's persons do not reach
					out.write("332811%02d%02d%02d%04d;Warga Luar %d;%s\n".formatted(born.getDayOfMonth(),
							born.getMonthValue(), born.getYear() % 100, 9000 + i % 999, i, today.minusDays(random.nextInt(150))));
				}
			}
			long rows = registered.size() + STRANGERS;
			registered = null; // the test's own copy of the NIKs is not the import's heap
			long bareMs = bareCopy(app.getBean("ownerDataSource", DataSource.class), list);

			DeactivationBatches batches = app.getBean(DeactivationBatches.class);
			CurrentUser tegalDinsos = new CurrentUser(UUID.randomUUID(), "bench", "Bench", Role.MANAGER, Territory.of("33.28"));
			BenchmarkReport.resetPeakHeap();
			long started = System.nanoTime();
			BatchView first = importOnce(batches, tegalDinsos, "33.28", list, "SK 3/HUK/2026");
			long importMs = (System.nanoTime() - started) / 1_000_000;
			long peakHeapMb = BenchmarkReport.peakHeapMb();
			started = System.nanoTime();
			BatchView repeated = importOnce(batches, tegalDinsos, "33.28", list, "SK 3/HUK/2026");
			long repeatedMs = (System.nanoTime() - started) / 1_000_000;
			Path copy = dir.resolve("sk-tegal-salinan.csv");
			Files.copy(list, copy);
			Files.writeString(copy, "\n", StandardOpenOption.APPEND);
			started = System.nanoTime();
			BatchView again = importOnce(batches, tegalDinsos, "33.28", copy, "SK 3/HUK/2026");
			long againMs = (System.nanoTime() - started) / 1_000_000;

			// Temanggung: 41,700 removed, 5,000 requests in every state
			Path small = dir.resolve("sk-temanggung.csv");
			List<String> niks = jdbc.sql("select nik_cipher from person where village_code like '33.23.%' and left_on is null"
					+ " order by id limit :n").param("n", TEMANGGUNG).query(String.class).list();
			try (BufferedWriter out = Files.newBufferedWriter(small, StandardCharsets.UTF_8)) {
				out.write("NIK;Nama;Tanggal_Nonaktif\n");
				for (String nik : niks) {
					out.write(cipher.decrypt(nik) + ";Warga;" + today.minusDays(random.nextInt(200)) + "\n");
				}
			}
			CurrentUser temanggungDinsos = new CurrentUser(UUID.randomUUID(), "bench", "Bench", Role.MANAGER,
					Territory.of("33.23"));
			BatchView temanggungBatch = importOnce(batches, temanggungDinsos, "33.23", small, "SK 3/HUK/2026");
			String[] states = { "DRAFT", "SUBMITTED", "RETURNED", "VERIFIED", "LETTER_ISSUED", "ENTERED", "APPROVED",
					"ACTIVE", "MOVED_SEGMENT", "REJECTED" };
			jdbc.sql("""
					insert into pbi_reactivation (id, person_id, person_name, household_id, village_code, deactivation_id,
					    category, status, letter_number, letter_issued_on, verification_code, segment, reason, created_by,
					    created_at, updated_at, version)
					select gen_random_uuid(), d.person_id, d.name, d.household_id, d.village_code, d.id,
					       (array['CHRONIC','CATASTROPHIC','EMERGENCY','MATERNITY','OTHER'])[1 + n %% 5],
					       (cast(:states as text[]))[1 + n %% 10],
					       case when n %% 10 between 4 and 8 then 'B/' || n end,
					       case when n %% 10 between 4 and 8 then current_date - 10 end,
					       case when n %% 10 between 4 and 8 then 'B' || lpad(cast(n as text), 9, '0') end,
					       case when n %% 10 = 8 then 'PBI_APBD' end,
					       case when n %% 10 in (2, 9) then 'Bench' end,
					       gen_random_uuid(), now(), now(), 0
					from (select d.*, row_number() over (order by d.id) as n from pbi_deactivation d
					      where d.regency_code = '33.23' and d.person_id is not null) d
					where n <= :requests""".replace("%%", "%"))
				.param("states", states).param("requests", REQUESTS)
				.update();
			// their steps so far: the dashboard's days per step read them
			jdbc.sql("""
					insert into pbi_reactivation_step (reactivation_id, status, at, by_user, note)
					select r.id, s.status, now() - make_interval(days => s.ago), r.created_by, null
					from pbi_reactivation r
					cross join (values ('SUBMITTED', 20), ('VERIFIED', 15), ('LETTER_ISSUED', 10), ('ENTERED', 5)) s(status, ago)
					where r.village_code like '33.23.%'""").update();
			jdbc.sql("analyze pbi_reactivation").update();
			jdbc.sql("analyze pbi_deactivation").update();

			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\": \"manajer.temanggung\", \"password\": \"Simpul-Demo-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body()
				.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
			String overviewBody = get(http, base + "/api/v1/pbi/overview?regionCode=33.23", token);
			List<Long> overview = timedCalls(http, base + "/api/v1/pbi/overview?regionCode=33.23", token);
			List<Long> firstPage = timedCalls(http, base + "/api/v1/pbi/deactivations?size=50", token);
			List<Long> dashboard = timedCalls(http, base + "/api/v1/pbi/dashboard?regionCode=33.23", token);

			double importRate = rows * 1000.0 / importMs;
			double bareRate = rows * 1000.0 / bareMs;
			BenchmarkReport.write("pbi", """
					| measure | value |
					|---|---|
					| registry | %,d persons |
					| Tegal's deactivation list | %,d rows (%,d registered persons, %,d not in the registry) |
					| bare COPY of the file into a table with a NIK index | %,d ms (**%,.0f rows/s**) |
					| import: checked, staged, matched by blind index, recorded with the window's end | %,d ms (**%,.0f rows/s**) |
					| import rate / bare COPY rate | **%.2f** |
					| rows matched / rejected | %,d / %,d |
					| peak heap during the import | %,d MB |
					| the same file again (answered from the earlier batch) | %,d ms |
					| the same rows in another file (all known, nothing added) | %,d ms, %,d known |
					| Temanggung: removed / requests | %,d / %,d |
					| `GET /api/v1/pbi/overview?regionCode=33.23` over HTTP, p50 / p95 (%d calls) | %.1f / **%.1f ms** |
					| `GET /api/v1/pbi/deactivations?size=50` (first page of the district) over HTTP, p50 / p95 | %.1f / **%.1f ms** |
					| `GET /api/v1/pbi/dashboard?regionCode=33.23` (per sub-district, days per step, in care, closing) over HTTP, p50 / p95 | %.1f / **%.1f ms** |
					""".formatted(persons, rows, rows - STRANGERS, STRANGERS, bareMs, bareRate, importMs, importRate,
					importRate / bareRate, first.rowsMatched(), first.rowsRejected(), peakHeapMb, repeatedMs, againMs,
					again.rowsKnown(), temanggungBatch.rowsMatched(), REQUESTS, CALLS, ms(BenchmarkReport.median(overview)),
					ms(p95(overview)), ms(BenchmarkReport.median(firstPage)), ms(p95(firstPage)),
					ms(BenchmarkReport.median(dashboard)), ms(p95(dashboard))));
			System.out.println(overviewBody);
			assertThat(first.rowsRead()).isEqualTo(rows);
			assertThat(first.rowsMatched()).isEqualTo(rows - STRANGERS);
			assertThat(repeated.repeated()).isTrue();
			assertThat(again.rowsKnown()).isEqualTo(rows - first.rowsRejected());
			assertThat(temanggungBatch.rowsMatched()).isEqualTo(TEMANGGUNG);
			assertThat(overviewBody).contains("\"deactivated\":" + TEMANGGUNG);
		}
	}

	private static double ms(long nanos) {
		return nanos / 1_000_000.0;
	}

	private static long p95(List<Long> samples) {
		List<Long> sorted = new ArrayList<>(samples);
		sorted.sort(null);
		return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
	}

	private static List<Long> timedCalls(HttpClient http, String uri, String token) throws Exception {
		List<Long> samples = new ArrayList<>();
		for (int i = 0; i < CALLS + 20; i++) {
			long started = System.nanoTime();
			get(http, uri, token);
			if (i >= 20) {
				samples.add(System.nanoTime() - started);
			}
		}
		return samples;
	}

	private static String get(HttpClient http, String uri, String token) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static BatchView importOnce(DeactivationBatches batches, CurrentUser dinsos, String regency, Path file,
			String decree) {
		return WorkScope.within(regency, () -> {
			try (InputStream in = Files.newInputStream(file)) {
				return batches.importBatch(dinsos, new BatchRequest(null, decree, "2026-02-01", "6"),
						file.getFileName().toString(), in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static long bareCopy(DataSource dataSource, Path file) throws Exception {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("drop table if exists bare_deactivation");
			sql.execute("create table bare_deactivation (nik text, nama text, tanggal text)");
			sql.execute("create index on bare_deactivation (nik)");
			long started = System.nanoTime();
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class).getCopyAPI()
					.copyIn("copy bare_deactivation from stdin (format csv, delimiter ';', header true)", reader);
			}
			return (System.nanoTime() - started) / 1_000_000;
		}
	}
}
