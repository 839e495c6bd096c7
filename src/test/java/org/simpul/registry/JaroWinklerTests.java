package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class JaroWinklerTests {

	@Test
	void matchesTheTextbookValues() {
		assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
		assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.84, within(0.001));
		assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
		assertThat(JaroWinkler.similarity("siti aminah", "siti aminah")).isEqualTo(1.0);
		assertThat(JaroWinkler.similarity("abc", "xyz")).isZero();
		assertThat(JaroWinkler.similarity("", "")).isZero();
	}
}
