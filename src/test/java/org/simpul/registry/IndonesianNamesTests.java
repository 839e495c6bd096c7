package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndonesianNamesTests {

	@ParameterizedTest(name = "{0} = {1}")
	@CsvSource({ "Soekarno, Sukarno", "Djoko Widodo, Joko Widodo", "Tjipto, Cipto", "Njoman, Nyoman",
			"Sjahrir, Syahrir", "Chairul Anwar, Khairul Anwar", "SITI  AMINAH, Siti Aminah", "Siti-Aminah, siti aminah",
			"Dédé, Dede" })
	void oldAndNewSpellingsNormaliseAlike(String old, String current) {
		assertThat(IndonesianNames.normalise(old)).isEqualTo(IndonesianNames.normalise(current));
	}

	@ParameterizedTest(name = "{0} ~ {1}")
	@CsvSource({ "Muhammad, Mohamad", "Muhammad, Mochammad", "Aminah, Amina", "Rahmat, Ramat", "Syafi'i, Safii",
			"Soeharto, Suharto", "Zainal, Jainal", "Nyoman, Nyoman", "Muhammad Rizki, Mohammad Rizky" })
	void similarSoundingNamesShareAPhoneticKey(String a, String b) {
		assertThat(IndonesianNames.phonetic(a)).isEqualTo(IndonesianNames.phonetic(b));
	}

	@ParameterizedTest(name = "{0} ≠ {1}")
	@CsvSource({ "Siti Aminah, Siti Maryam", "Budi, Badu Santoso", "Joko, Yoko" })
	void differentNamesKeepDifferentKeys(String a, String b) {
		assertThat(IndonesianNames.phonetic(a)).isNotEqualTo(IndonesianNames.phonetic(b));
	}
}
