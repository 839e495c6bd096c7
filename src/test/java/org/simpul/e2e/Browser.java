package org.simpul.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds Debian's Chromium for Playwright (which never downloads a browser here). Without one, browser
 * tests skip with a printed reason, unless {@code SIMPUL_REQUIRE_BROWSER=true} (as in CI): then they fail.
 */
final class Browser {

	static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
			"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic");

	private Browser() {
	}

	static Optional<Path> chromium() {
		return Stream.of(System.getenv("SIMPUL_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser")
			.filter(p -> p != null && !p.isBlank())
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

	static BrowserType.LaunchOptions launchOptions() {
		Optional<Path> chromium = chromium();
		if (chromium.isEmpty()) {
			String reason = "No Chromium found (install Debian's chromium or set SIMPUL_CHROMIUM)";
			if ("true".equalsIgnoreCase(System.getenv("SIMPUL_REQUIRE_BROWSER"))) {
				Assertions.fail(reason + ", and SIMPUL_REQUIRE_BROWSER=true");
			}
			System.out.println("Skipping browser test: " + reason);
			Assumptions.abort(reason);
		}
		return new BrowserType.LaunchOptions().setExecutablePath(chromium.get()).setHeadless(true).setArgs(ARGS);
	}
}
