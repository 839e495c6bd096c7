package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NikTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({
			"3328105505800003, ''",                       // Siti Aminah, woman born 15-05-1980
			"3328101505800003, ''",                       // a man born the same day
			"3328 1055 0580 0003, ''",                    // spaces as printed on cards
			"332810550580000, NIK_INVALID_LENGTH",
			"33281055058000031, NIK_INVALID_LENGTH",
			"33281055058O0003, NIK_NOT_DIGITS",
			"'', NIK_NOT_DIGITS",
			"3328103205800003, NIK_INVALID_DATE",         // day 32
			"3328101513800003, NIK_INVALID_DATE",         // month 13
			"3328107205800003, NIK_INVALID_DATE",         // female day 72 (= 32)
			"3328100005800003, NIK_INVALID_DATE",         // day 0
			"3328103102800003, NIK_INVALID_DATE",         // 31 February
			"3328102902010003, NIK_INVALID_DATE",         // 29 February 1901 / 2001
			"3328102902000003, ''",                       // 29 February 2000
			"3328106902000003, ''",                       // the same, a woman
			"3328105505800000, NIK_INVALID_SERIAL" })
	void checksStructureDateAndSerial(String text, String problem) {
		assertThat(Nik.structuralProblems(text, TODAY)).extracting(Enum::name)
			.containsExactlyElementsOf(problem.isEmpty() ? List.of() : List.of(problem));
	}

	@Test
	void readsTheEncodedBirthDateAndSex() {
		Nik woman = new Nik("3328105505800003");
		assertThat(woman.encodesFemale()).isTrue();
		assertThat(woman.encodedBirthDate(TODAY)).isEqualTo(LocalDate.of(1980, 5, 15));
		Nik child = new Nik("3328101203150001");
		assertThat(child.encodesFemale()).isFalse();
		assertThat(child.encodedBirthDate(TODAY)).isEqualTo(LocalDate.of(2015, 3, 12));
		assertThat(woman.districtCode()).isEqualTo("33.28.10");
	}

	@Test
	void reportsMismatchesAsWarnings() {
		Nik nik = new Nik("3328105505800003");
		assertThat(nik.warnings(LocalDate.of(1980, 5, 15), Sex.F, TODAY)).isEmpty();
		assertThat(nik.warnings(LocalDate.of(1980, 5, 16), Sex.F, TODAY))
			.containsExactly(IdentifierProblem.NIK_BIRTH_DATE_MISMATCH);
		assertThat(nik.warnings(LocalDate.of(1980, 5, 15), Sex.M, TODAY))
			.containsExactly(IdentifierProblem.NIK_SEX_MISMATCH);
	}

	@Test
	void neverPrintsItsValue() {
		Nik nik = new Nik("3328105505800003");
		assertThat(nik.toString()).isEqualTo("3328••••••••0003").doesNotContain("55058");
		assertThat(new KkNumber("3328101203150001").toString()).isEqualTo("3328••••••••0001");
	}

	@Test
	void onlyStructurallyValidValuesExist() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Nik("12345"));
		assertThatIllegalArgumentException().isThrownBy(() -> new KkNumber("abcdefghijklmnop"));
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource({ "3328101203150001, ''", "3328103203150001, KK_INVALID_DATE", "3328105203150001, KK_INVALID_DATE",
			"3328101203150000, KK_INVALID_SERIAL", "33281012031500, KK_INVALID_LENGTH", "3328-10120315-01, KK_NOT_DIGITS" })
	void checksKkNumbers(String text, String problem) {
		assertThat(KkNumber.structuralProblems(text, TODAY)).extracting(Enum::name)
			.containsExactlyElementsOf(problem.isEmpty() ? List.of() : List.of(problem));
	}
}
