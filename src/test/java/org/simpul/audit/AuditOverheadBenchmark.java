package org.simpul.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.bench.BenchmarkReport;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.PersonSearch;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the audit trail costs the registry's reads: NIK look-ups, name searches and household reads by a
 * district manager over the demo registry of Kabupaten Tegal, each measured with the trail recording and,
 * interleaved in the same run, without it ({@link AuditTrail#withoutRecording}); p50 and p95 of each. Goal:
 * p95 with the trail at most 10% above p95 without. {@code ./mvnw -Pbench test -Dtest=AuditOverheadBenchmark}.
 */
@Tag("benchmark")
class AuditOverheadBenchmark {

	private static final int ROUNDS = 6;

	private static final int PER_ROUND = Integer.getInteger("bench.auditReads", 300);

	@Test
	void readsWithAndWithoutTheTrail() throws Exception {
		Path dir = Path.of("target/bench-data/audit-overhead").toAbsolutePath();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dir, "--simpul.demo.persons=20000",
				"--logging.level.org.simpul=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			PersonSearch search = app.getBean(PersonSearch.class);
			HouseholdQueries households = app.getBean(HouseholdQueries.class);
			AuditTrail trail = app.getBean(AuditTrail.class);
			UUID managerId = jdbc.sql("select id from app_user where username = 'manajer.tegal'").query(UUID.class).single();
			CurrentUser manager = new CurrentUser(managerId, "manajer.tegal", "Manajer", Role.MANAGER, Territory.of("33.28"));
			record Person(String nik, UUID householdId) {
			}
			FieldCipher cipher = app.getBean(FieldCipher.class);
			List<Person> persons = jdbc.sql("""
					select nik_cipher as nik, household_id from person where village_code like '33.28.%' and left_on is null
					order by nik_index limit :n""").param("n", PER_ROUND).query(Person.class).list().stream()
				.map(p -> new Person(cipher.decrypt(p.nik()), p.householdId())).toList();
			String[] names = { "Siti", "Muhammad", "Sri", "Budi", "Ahmad", "Dewi", "Slamet", "Nur" };
			List<Long> nikWith = new ArrayList<>(), nikWithout = new ArrayList<>();
			List<Long> nameWith = new ArrayList<>(), nameWithout = new ArrayList<>();
			List<Long> houseWith = new ArrayList<>(), houseWithout = new ArrayList<>();
			List<Long> httpWith = new ArrayList<>(), httpWithout = new ArrayList<>();
			List<Long> httpNameWith = new ArrayList<>(), httpNameWithout = new ArrayList<>();
			String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
			HttpClient http = HttpClient.newHttpClient();
			String token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"username\": \"manajer.tegal\", \"password\": \"Simpul-Demo-2026\"}"))
				.build(), HttpResponse.BodyHandlers.ofString()).body()
				.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
			// every read done twice in a row, once recorded and once not, in a random order: the machine's drift
			// (2 shared cores) falls on both sides alike
			Random coin = new Random(42);
			for (int round = 0; round < ROUNDS + 1; round++) {
				boolean warmUp = round == 0;
				for (int i = 0; i < persons.size(); i++) {
					Person p = persons.get(i);
					String n = names[(i / 3) % names.length];
					boolean first = coin.nextBoolean();
					for (boolean recording : new boolean[] { first, !first }) {
						List<Long> nik = warmUp ? new ArrayList<>() : recording ? nikWith : nikWithout;
						List<Long> name = warmUp ? new ArrayList<>() : recording ? nameWith : nameWithout;
						List<Long> house = warmUp ? new ArrayList<>() : recording ? houseWith : houseWithout;
						List<Long> overHttp = warmUp ? new ArrayList<>() : recording ? httpWith : httpWithout;
						List<Long> nameOverHttp = warmUp ? new ArrayList<>() : recording ? httpNameWith : httpNameWithout;
						int index = i;
						Runnable reads = () -> {
							nik.add(timed(() -> search.search(manager,
									new PersonSearch.Query(p.nik(), null, null, null, null, null), new PageRequest(0, 20))));
							house.add(timed(() -> households.household(manager, p.householdId())));
							overHttp.add(timed(() -> searchOverHttp(http, base, token, "{\"nik\": \"" + p.nik() + "\"}")));
							if (index % 3 == 0) {
								name.add(timed(() -> search.search(manager,
										new PersonSearch.Query(null, n, null, null, null, null), new PageRequest(0, 20))));
								nameOverHttp.add(timed(() -> searchOverHttp(http, base, token, "{\"name\": \"" + n + "\"}")));
							}
						};
						if (recording) {
							reads.run();
						}
						else {
							trail.withoutRecording(reads);
						}
					}
				}
			}
			long events = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
			long pendingBefore = jdbc.sql("select count(*) from audit_event where chain_seq is null").query(Long.class)
				.single();
			long verifyStart = System.nanoTime();
			AuditVerification.Result verified = app.getBean(AuditVerification.class).verify();
			double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
			String table = """
					| read (%d persons × %d rounds, each read once recorded and once not) | p50 without / with | p95 without / with | p95 overhead |
					|---|---|---|---|
					| NIK look-up | %.2f / %.2f ms | %.2f / %.2f ms | **%+.1f%%** |
					| name search | %.2f / %.2f ms | %.2f / %.2f ms | **%+.1f%%** |
					| household read | %.2f / %.2f ms | %.2f / %.2f ms | **%+.1f%%** |
					| NIK look-up over HTTP (`POST /api/v1/persons/search`) | %.2f / %.2f ms | %.2f / %.2f ms | **%+.1f%%** |
					| name search over HTTP | %.2f / %.2f ms | %.2f / %.2f ms | **%+.1f%%** |

					audit events in the database after the run: %,d; sealing the %,d not sealed yet and checking the
					whole chain took %.2f s (%s)
					""".formatted(persons.size(), ROUNDS, ms(p(nikWithout, 50)), ms(p(nikWith, 50)),
					ms(p(nikWithout, 95)), ms(p(nikWith, 95)), overhead(nikWithout, nikWith), ms(p(nameWithout, 50)),
					ms(p(nameWith, 50)), ms(p(nameWithout, 95)), ms(p(nameWith, 95)), overhead(nameWithout, nameWith),
					ms(p(houseWithout, 50)), ms(p(houseWith, 50)), ms(p(houseWithout, 95)), ms(p(houseWith, 95)),
					overhead(houseWithout, houseWith), ms(p(httpWithout, 50)), ms(p(httpWith, 50)), ms(p(httpWithout, 95)),
					ms(p(httpWith, 95)), overhead(httpWithout, httpWith), ms(p(httpNameWithout, 50)),
					ms(p(httpNameWith, 50)), ms(p(httpNameWithout, 95)), ms(p(httpNameWith, 95)),
					overhead(httpNameWithout, httpNameWith), events, pendingBefore, verifySeconds,
					verified.intact() ? "intact, " + verified.sealed() + " rows" : "BROKEN at " + verified.brokenAt());
			BenchmarkReport.write("audit-overhead", table);
		}
	}

	private static void searchOverHttp(HttpClient http, String base, String token, String body) {
		try {
			HttpResponse<String> found = http.send(HttpRequest
				.newBuilder(URI.create(base + "/api/v1/persons/search"))
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (found.statusCode() != 200) {
				throw new IllegalStateException("The search answered " + found.statusCode());
			}
		}
		catch (IOException | InterruptedException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long timed(Runnable read) {
		long start = System.nanoTime();
		read.run();
		return System.nanoTime() - start;
	}

	private static long p(List<Long> samples, int percentile) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
	}

	private static double ms(long nanos) {
		return nanos / 1e6;
	}

	private static double overhead(List<Long> without, List<Long> with) {
		return 100.0 * (p(with, 95) - p(without, 95)) / p(without, 95);
	}
}
