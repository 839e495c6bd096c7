package org.simpul.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.bench.BenchmarkReport;
import org.simpul.registry.Sex;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The integrity checks over a district's 50,000 open usulan (new families of one to four, changes, removals,
 * programme proposals) with faults planted at random: a member already registered in another family, a NIK
 * whose birth date is another day or whose sex is the other, a NIK in two usulan, a missing KK number, two
 * programme proposals for one household. Measured: the time to read and decrypt them (the bare baseline of the
 * same run) and the time of the checks, median of 5; and whether every planted fault, and nothing else, is
 * found (precision and recall over the pairs usulan × code). Run with
 * {@code ./mvnw -Pbench test -Dtest=UsulanChecksBenchmark}.
 */
@Tag("benchmark")
@SimpulIntegrationTest
class UsulanChecksBenchmark {

	static final int USULAN = 50_000;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate template;

	@Autowired
	FieldCipher cipher;

	@Autowired
	UsulanChecks checks;

	record Planted(UUID usulan, String code) {
	}

	@Test
	void findsEveryPlantedFaultInADistrictsUsulan() {
		Random random = new Random(17);
		String regency = "33.29";
		List<String> villages = jdbc.sql("select code from region where code like '33.29.%' and length(code) = 13 order by code")
			.query(String.class).list();
		jdbc.sql("""
				insert into update_cycle (id, regency_code, period, entry_until, musdes_until, cut_off, ranking, created_at)
				values (gen_random_uuid(), :regency, '2027-03', date '2027-03-11', date '2027-03-14', date '2027-03-17', true, now())
				on conflict (regency_code, period) do nothing""").param("regency", regency).update();
		UUID cycle = jdbc.sql("select id from update_cycle where regency_code = :r and period = '2027-03'")
			.param("r", regency).query(UUID.class).single();
		// registered NIKs to plant "already in another family"; households to plant two proposals for one
		List<String> registered = jdbc.sql("select nik_cipher from person where nik_cipher is not null limit 500")
			.query(String.class).list().stream().map(cipher::decrypt).toList();
		assertThat(registered).isNotEmpty();
		// the households that programme proposals and removals name; one in a hundred is named a second time
		List<UUID> households = new ArrayList<>();
		Set<Planted> planted = new HashSet<>();
		List<Object[]> rows = new ArrayList<>();
		Set<String> used = new HashSet<>();
		int nextRegistered = 0;
		String reusedNik = null;
		UUID reusedBy = null;
		for (int i = 0; i < USULAN; i++) {
			UUID id = UUID.randomUUID();
			String village = villages.get(random.nextInt(villages.size()));
			double dice = random.nextDouble();
			String kind;
			UUID household = null;
			String changes;
			if (dice < 0.7) {
				kind = "ENTER";
				int size = 1 + random.nextInt(4);
				StringBuilder members = new StringBuilder();
				String kk = "3329%012d".formatted(i + 1);
				String fault = random.nextDouble() < 0.05 ? List.of("REGISTERED", "DATE", "SEX", "TWICE", "KK")
					.get(random.nextInt(5)) : null;
				int faulty = random.nextInt(size);
				for (int m = 0; m < size; m++) {
					LocalDate born = LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1 + random.nextInt(28));
					Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
					String nik = uniqueNik(born, sex, used, random);
					String bornText = born.toString();
					String sexText = sex.name();
					if (m == faulty && "REGISTERED".equals(fault) && nextRegistered < registered.size()) {
						// each registered person planted once: two usulan with one NIK would be another fault
						nik = registered.get(nextRegistered++);
						// a registered person's NIK with the birth date and sex it encodes, so that only this fault shows
						bornText = encodedDate(nik);
						sexText = Integer.parseInt(nik.substring(6, 8)) > 40 ? "F" : "M";
						planted.add(new Planted(id, "PERSON_IN_TWO_FAMILIES"));
					}
					else if (m == faulty && "DATE".equals(fault)) {
						bornText = born.plusDays(1).toString();
						planted.add(new Planted(id, "NIK_BIRTH_DATE_MISMATCH"));
					}
					else if (m == faulty && "SEX".equals(fault)) {
						sexText = sex == Sex.M ? "F" : "M";
						planted.add(new Planted(id, "NIK_SEX_MISMATCH"));
					}
					else if (m == faulty && "TWICE".equals(fault)) {
						if (reusedNik == null) {
							reusedNik = nik;
							reusedBy = id;
							fault = null;
						}
						else {
							nik = reusedNik;
							bornText = encodedDate(nik);
							sexText = Integer.parseInt(nik.substring(6, 8)) > 40 ? "F" : "M";
							planted.add(new Planted(id, "PERSON_IN_TWO_USULAN"));
							planted.add(new Planted(reusedBy, "PERSON_IN_TWO_USULAN"));
							reusedNik = null;
						}
					}
					members.append(m == 0 ? "" : ", ").append("""
							{"nik": "%s", "name": "Warga %d", "birthDate": "%s", "sex": "%s", "relationship": "%s"}"""
						.formatted(nik, i, bornText, sexText, m == 0 ? "HEAD" : "CHILD"));
				}
				if ("KK".equals(fault)) {
					planted.add(new Planted(id, "REQUIRED"));
				}
				changes = """
						{"household": {%s"address": "Dusun %d", "rt": "001", "rw": "002"}, "members": [%s]}"""
					.formatted("KK".equals(fault) ? "" : "\"kkNumber\": \"" + kk + "\", ", i, members);
			}
			else {
				kind = dice < 0.9 ? "PROGRAMME" : "REMOVE";
				household = !households.isEmpty() && random.nextDouble() < 0.01
						? households.get(random.nextInt(households.size())) : UUID.randomUUID();
				households.add(household);
				changes = dice < 0.9 ? "{\"programme\": \"PKH\"}" : "{\"removalReason\": \"MOVED\"}";
			}
			rows.add(new Object[] { id, kind, village, cycle, household,
					cipher.encrypt("{\"changes\": " + changes + ", \"before\": {}, \"subjectName\": \"Warga " + i + "\"}") });
		}
		template.batchUpdate("""
				insert into usulan (id, version, kind, status, village_code, cycle_id, household_id, reason, changes_cipher,
				                    source, created_by, created_at, updated_at)
				values (?, 0, ?, 'AGREED', ?, ?, ?, 'Benchmark', ?, 'MANUAL', gen_random_uuid(), now(), now())""", rows);
		// two programme proposals for one household, and two removals of one: planted by the draw above
		planted.addAll(jdbc.sql("""
				select u.id from usulan u where u.cycle_id = :cycle and u.kind in ('PROGRAMME', 'REMOVE') and exists (
				  select 1 from usulan o where o.cycle_id = u.cycle_id and o.kind = u.kind and o.household_id = u.household_id
				    and o.id <> u.id)""")
			.param("cycle", cycle).query(UUID.class).list().stream().map(id -> new Planted(id, "DUPLICATE_USULAN")).toList());

		List<Long> reads = new ArrayList<>();
		List<Long> runs = new ArrayList<>();
		List<UsulanChecks.Failure> failures = List.of();
		for (int round = 0; round < 5; round++) {
			long started = System.nanoTime();
			List<UsulanChecks.Candidate> open = checks.open(null, cycle);
			long read = System.nanoTime();
			failures = checks.check(open, open);
			long done = System.nanoTime();
			assertThat(open).hasSize(USULAN);
			reads.add((read - started) / 1_000_000);
			runs.add((done - read) / 1_000_000);
		}
		Set<Planted> found = new HashSet<>();
		failures.forEach(f -> found.add(new Planted(f.usulanId(), f.code())));
		Set<Planted> right = new HashSet<>(found);
		right.retainAll(planted);
		double precision = found.isEmpty() ? 1 : (double) right.size() / found.size();
		double recall = planted.isEmpty() ? 1 : (double) right.size() / planted.size();
		BenchmarkReport.write("usulan-checks", """
				| measure (median of 5) | value |
				|---|---|
				| open usulan of the district's cycle | %,d (%,d villages) |
				| faults planted (usulan × code) | %,d |
				| read and decrypt them (the baseline) | %,d ms |
				| the integrity checks over them | %,d ms |
				| faults found | %,d |
				| precision | %.4f |
				| recall | %.4f |
				""".formatted(USULAN, villages.size(), planted.size(), BenchmarkReport.median(reads),
				BenchmarkReport.median(runs), found.size(), precision, recall), reads, runs);
		assertThat(found).as("the faults found are exactly those planted").isEqualTo(planted);
	}

	/** A NIK of Kecamatan 33.29.01 for a birth date and sex that no other usulan of the run has. */
	static String uniqueNik(LocalDate born, Sex sex, Set<String> used, Random random) {
		int day = born.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
		while (true) {
			String nik = "332901%02d%02d%02d%04d".formatted(day, born.getMonthValue(), born.getYear() % 100,
					1 + random.nextInt(9999));
			if (used.add(nik)) {
				return nik;
			}
		}
	}

	/** The birth date a NIK encodes (within 1900–1999 for the planted adults, 2000+ below 26). */
	static String encodedDate(String nik) {
		int day = Integer.parseInt(nik.substring(6, 8));
		int month = Integer.parseInt(nik.substring(8, 10));
		int year = Integer.parseInt(nik.substring(10, 12));
		return LocalDate.of(year > 26 ? 1900 + year : 2000 + year, month, day > 40 ? day - 40 : day).toString();
	}
}
