package org.simpul.registry;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.bench.BenchmarkReport;

/**
 * Duplicate scoring on one core: the candidate pairs that blocking on (phonetic key, birth year, regency)
 * gives in a generated regency of 200,000 persons, scored with {@link DuplicateDetection#score} (Jaro-Winkler
 * on the normalised names, birth date and sex), beside a bare loop that only compares the two names with
 * {@code equals} over the same pairs. Run with {@code ./mvnw -Pbench test -Dtest=DuplicateScoringBenchmark}.
 */
@Tag("benchmark")
class DuplicateScoringBenchmark {

	private record Person(String name, LocalDate born, String sex) {
	}

	@Test
	void scoresPairsOnOneCore() throws Exception {
		Path dir = Files.createDirectories(Path.of("target/bench-data"));
		Path file = dir.resolve("scoring.csv");
		RegistryFileGenerator.write(file, "33.28", 200_000, 5, List.of());
		Map<String, List<Person>> blocks = new HashMap<>();
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			CsvReader csv = new CsvReader(in);
			csv.header();
			for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
				List<String> f = r.fields();
				LocalDate born;
				try {
					born = LocalDate.parse(f.get(3));
				}
				catch (RuntimeException invalidRow) {
					continue;
				}
				String key = IndonesianNames.normalise(f.get(2));
				if (key.isEmpty()) {
					continue;
				}
				blocks.computeIfAbsent(IndonesianNames.phonetic(f.get(2)) + "|" + born.getYear(), k -> new ArrayList<>())
					.add(new Person(key, born, f.get(4)));
			}
		}
		List<Person> as = new ArrayList<>();
		List<Person> bs = new ArrayList<>();
		for (List<Person> block : blocks.values()) {
			for (int i = 0; i < block.size(); i++) {
				for (int j = i + 1; j < block.size(); j++) {
					as.add(block.get(i));
					bs.add(block.get(j));
				}
			}
		}
		double averageLength = as.stream().mapToInt(p -> p.name().length()).average().orElse(0);
		Rates all = measure(as, bs);
		// the pairs whose names differ: no short cut through equal strings
		List<Person> differentA = new ArrayList<>();
		List<Person> differentB = new ArrayList<>();
		for (int i = 0; i < as.size(); i++) {
			if (!as.get(i).name().equals(bs.get(i).name())) {
				differentA.add(as.get(i));
				differentB.add(bs.get(i));
			}
		}
		Rates different = measure(differentA, differentB);
		BenchmarkReport.write("duplicate-scoring", """
				| measure (median of 5, one thread) | value |
				|---|---|
				| candidate pairs from blocking (phonetic key + birth year) in 200,000 persons | %,d (names of %.1f letters on average) |
				| scoring all of them (Jaro-Winkler + birth date + sex) | **%,.0f pairs/s** (goal ≥ 1,000,000) |
				| bare loop over them: String.equals on the two names | %,.0f pairs/s |
				| the %,d pairs whose names differ: scoring | **%,.0f pairs/s** |
				| the same, bare String.equals | %,.0f pairs/s |
				(checksums %d, %d)
				""".formatted(as.size(), averageLength, all.scoring(), all.bare(), differentA.size(), different.scoring(),
				different.bare(), all.sink(), different.sink()));
	}

	private record Rates(double scoring, double bare, long sink) {
	}

	private static Rates measure(List<Person> as, List<Person> bs) {
		int pairs = as.size();
		Person[] a = as.toArray(Person[]::new);
		Person[] b = bs.toArray(Person[]::new);

		List<Long> scoring = new ArrayList<>();
		List<Long> bare = new ArrayList<>();
		long sink = 0;
		for (int round = -2; round < 5; round++) {
			long started = System.nanoTime();
			double total = 0;
			for (int i = 0; i < pairs; i++) {
				total += DuplicateDetection.score(a[i].name(), b[i].name(), a[i].born(), b[i].born(), a[i].sex(), b[i].sex());
			}
			long scored = System.nanoTime() - started;
			started = System.nanoTime();
			int equal = 0;
			for (int i = 0; i < pairs; i++) {
				if (a[i].name().equals(b[i].name())) {
					equal++;
				}
			}
			long compared = System.nanoTime() - started;
			sink += (long) total + equal;
			if (round >= 0) {
				scoring.add(scored);
				bare.add(compared);
			}
		}
		return new Rates(pairs * 1e9 / BenchmarkReport.median(scoring), pairs * 1e9 / BenchmarkReport.median(bare), sink);
	}
}
