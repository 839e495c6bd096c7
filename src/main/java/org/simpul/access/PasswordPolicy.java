package org.simpul.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Peraturan BSSN 4/2021 and ASVS V6.2: at least twelve characters, and neither a common or breached password
 * nor one made of such a password with digits, spaces or symbols around it ({@code bismillah2026!},
 * {@code 123Sayangku}), nor one containing the username. The lists: {@code access/common-passwords.txt}
 * (Simpul's own: Indonesian favourites, keyboard walks, the system's words) and
 * {@code access/breached-passwords.txt} (about 49,000 from public breach corpora, MIT). Answers the error
 * code of the first rule broken.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	/** What may surround a common password without making it any less common. */
	private static final Pattern PADDING = Pattern.compile("^[^\\p{L}]+|[^\\p{L}]+$");

	private final Set<String> common = new HashSet<>();

	PasswordPolicy() {
		read("access/common-passwords.txt");
		read("access/breached-passwords.txt");
	}

	private void read(String resource) {
		try (var reader = new BufferedReader(new InputStreamReader(new ClassPathResource(resource).getInputStream(),
				StandardCharsets.UTF_8))) {
			reader.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.map(line -> line.toLowerCase(Locale.ROOT))
				.forEach(common::add);
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
		String core = PADDING.matcher(lower).replaceAll("");
		if (common.contains(lower) || common.contains(core)
				|| (username != null && lower.contains(username.toLowerCase(Locale.ROOT)))) {
			return Optional.of("PASSWORD_TOO_COMMON");
		}
		return Optional.empty();
	}
}
