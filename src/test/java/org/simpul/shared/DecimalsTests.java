package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Numbers people and devices type are read with bounds, so that scaling or printing them stays cheap. */
class DecimalsTests {

	@Test
	void readsTheNumbersFieldsAskFor() {
		assertThat(Decimals.parse("36")).isEqualByComparingTo("36");
		assertThat(Decimals.parse(" 36,5 ")).isEqualByComparingTo("36.5");
		assertThat(Decimals.parse("-6.983512")).isEqualByComparingTo("-6.983512");
	}

	@Test
	void refusesNumbersWhoseExponentOrLengthNoFieldAsksFor() {
		for (String text : new String[] { "1e-999999999", "1e999999999", "1e-13", "1".repeat(41),
				"1234567890123456789012345", "abc", "" }) {
			assertThatThrownBy(() -> Decimals.parse(text)).as(text).isInstanceOf(NumberFormatException.class);
		}
	}
}
