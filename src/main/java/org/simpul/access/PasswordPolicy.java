package org.simpul.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Peraturan BSSN 4/2021: at least twelve characters; we also refuse common passwords and the username
 * itself. Answers the error code of the first rule broken.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private final Set<String> common;

	PasswordPolicy() {
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("access/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			this.common = reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Optional<String> violation(String password, String username) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("PASSWORD_TOO_SHORT");
		}
		if (password.length() > MAX_LENGTH) {
			return Optional.of("PASSWORD_TOO_LONG");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
			return Optional.of("PASSWORD_TOO_COMMON");
		}
		return Optional.empty();
	}
}
