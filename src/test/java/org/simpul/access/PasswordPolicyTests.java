package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Common and breached passwords are refused, also with digits or symbols around them; passphrases pass. */
class PasswordPolicyTests {

	static final PasswordPolicy POLICY = new PasswordPolicy();

	@ParameterizedTest
	@ValueSource(strings = { "qwerty123456", "Password1234", "bismillah2026!", "123Sayangku!!", "sunshine20262026",
			"  dragon 1987 ", "Indonesia-1945", "iloveyou!!!!", "superman123456", "puskesos2026!" })
	void refusesCommonPasswordsAndTheirPaddedForms(String password) {
		assertThat(POLICY.violation(password, "siti.aminah")).contains("PASSWORD_TOO_COMMON");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Simpul-Demo-2026", "kopi susu gula aren", "Tiga-Kambing-Hijau-9", "Desa Procot 2026 aman",
			"sayang kucing oranye" })
	void acceptsPassphrases(String password) {
		assertThat(POLICY.violation(password, "siti.aminah")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "short1!", "elevenchars" })
	void refusesShortOnes(String password) {
		assertThat(POLICY.violation(password, "siti.aminah")).contains("PASSWORD_TOO_SHORT");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Siti.Aminah-2026!", "xx-siti.aminah-xx" })
	void refusesTheUsernameInside(String password) {
		assertThat(POLICY.violation(password, "siti.aminah")).contains("PASSWORD_TOO_COMMON");
	}
}
