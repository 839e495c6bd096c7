package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * After every other test of {@code ./mvnw verify} (failsafe runs after surefire): everything the run logged,
 * the test classes' output ({@code target/surefire-reports/*-output.txt}) and the logs of the applications
 * the tests started in their own JVMs ({@code target/test-data/**.log}), holds no unmasked NIK. A NIK is 16
 * digits standing alone: a province code, 4 more region digits, a birth day (women +40), month and year, a
 * serial. KK numbers share that shape and are caught too; masked ones ({@code 3328••••••••0001}) are not.
 */
class LogScanIT {

	static final Pattern NIK = Pattern.compile(
			"(?<![0-9])(1[1-9]|[2-9][0-9])[0-9]{4}(0[1-9]|[12][0-9]|3[01]|4[1-9]|[56][0-9]|7[01])(0[1-9]|1[0-2])[0-9]{2}[0-9]{4}(?![0-9])");

	@Test
	void theTestRunLoggedNoUnmaskedNik() throws IOException {
		List<Path> files = new ArrayList<>();
		for (String dir : new String[] { "target/surefire-reports",
				System.getProperty("simpul.test.data-root", "target/test-data") }) {
			Path root = Path.of(dir);
			if (Files.isDirectory(root)) {
				try (Stream<Path> walk = Files.walk(root)) {
					walk.filter(Files::isRegularFile)
						.filter(p -> p.toString().endsWith("-output.txt") || p.toString().endsWith(".log"))
						.forEach(files::add);
				}
			}
		}
		assertThat(files).as("the test run's output files (did the tests run before this scan?)").isNotEmpty();
		List<String> found = new ArrayList<>();
		long lines = 0;
		for (Path file : files) {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				lines++;
				Matcher nik = NIK.matcher(line);
				if (nik.find() && found.size() < 20) {
					// the report names the place, not the number: this scan must not leak what it finds
					found.add(file + ": …" + line.substring(Math.max(0, nik.start() - 60), nik.start())
							+ nik.group().substring(0, 4) + "••••••••" + nik.group().substring(12));
				}
			}
		}
		System.out.printf("LogScanIT: %,d lines in %,d files scanned, %,d unmasked NIK found%n", lines, files.size(),
				found.size());
		assertThat(found).as("unmasked NIKs in the test run's logs").isEmpty();
	}

	@Test
	void thePatternFindsANikButNotAMaskedOneOrOtherNumbers() {
		assertThat(NIK.matcher("subject 3328105505800001 logged").find()).isTrue(); // a woman born 15-05-1980
		assertThat(NIK.matcher("nik=3328101505800001,").find()).isTrue();
		assertThat(NIK.matcher("3328••••••••0001").find()).isFalse();
		assertThat(NIK.matcher("epoch 1763868000000000000 ns").find()).isFalse(); // 19 digits
		assertThat(NIK.matcher("3328109913800001").find()).isFalse(); // day 99: not a date
	}
}
