package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz tests of what reads untrusted text in the registry: the NIK and KK rules and the import's CSV reader.
 * {@code ./mvnw verify} runs each against its corpus ({@code IdentifierFuzzTestsInputs/<test>/} in the test
 * resources) as a regression test; {@code JAZZER_FUZZ=1 ./mvnw test -Dtest=IdentifierFuzzTests} fuzzes and
 * adds what it finds to the corpus.
 */
class IdentifierFuzzTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	/** Any text: the rules answer with problems or accept it, and an accepted one behaves and masks itself. */
	@FuzzTest(maxDuration = "30s")
	void identifierRulesNeverThrow(String text) {
		List<IdentifierProblem> nikProblems = Nik.structuralProblems(text, TODAY);
		if (nikProblems.isEmpty()) {
			Nik nik = new Nik(Identifiers.digitsOnly(text));
			assertThat(nik.encodedBirthDate(TODAY)).isBeforeOrEqualTo(TODAY);
			assertThat(nik.districtCode()).matches("\\d{2}\\.\\d{2}\\.\\d{2}");
			assertThat(nik.masked()).doesNotContain(nik.value()).hasSize(16);
			assertThat(nik.toString()).doesNotContain(nik.value());
		}
		List<IdentifierProblem> kkProblems = KkNumber.structuralProblems(text, TODAY);
		if (kkProblems.isEmpty()) {
			KkNumber kk = new KkNumber(Identifiers.digitsOnly(text));
			assertThat(kk.masked()).doesNotContain(kk.value());
			assertThat(kk.toString()).doesNotContain(kk.value());
		}
	}

	/** Any bytes as an import file: records are read, or the reader refuses with its own IOException. */
	@FuzzTest(maxDuration = "30s")
	void csvReaderReadsOrRefusesEveryInput(byte[] bytes) {
		CsvReader reader = new CsvReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
		try {
			CsvReader.Record header = reader.header();
			if (header == null) {
				return;
			}
			long line = header.line();
			for (CsvReader.Record record = reader.next(); record != null; record = reader.next()) {
				assertThat(record.line()).isGreaterThan(line);
				assertThat(record.fields()).isNotEmpty();
				line = record.line();
			}
		}
		catch (IOException refused) {
			// malformed or too long: the import reports it by line
		}
	}
}
