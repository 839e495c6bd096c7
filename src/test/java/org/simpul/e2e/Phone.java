package org.simpul.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Test fixture: a 360 × 740 phone screen in Debian's headless Chromium that collects console errors and
 * Content-Security-Policy violations, which every browser test expects to stay empty.
 */
final class Phone implements AutoCloseable {

	final Page page;

	final List<String> consoleProblems = new ArrayList<>();

	private final Playwright playwright;

	Phone() {
		var options = org.simpul.e2e.Browser.launchOptions();
		playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		page = playwright.chromium()
			.launch(options)
			.newContext(new Browser.NewContextOptions().setViewportSize(360, 740).setLocale("id-ID"))
			.newPage();
		page.onConsoleMessage(message -> {
			if ("error".equals(message.type()) || message.text().contains("Content Security Policy")) {
				consoleProblems.add(message.text());
			}
		});
	}

	/** Logs in through the login page of the application at {@code port} as a demo user. */
	void login(int port, String username) {
		page.navigate("http://localhost:" + port + "/masuk");
		page.getByLabel("Nama pengguna").fill(username);
		page.getByLabel("Kata sandi").fill("Simpul-Demo-2026");
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Masuk"))
			.click();
	}

	/**
	 * Logs out with the Keluar button and waits for the login page: the field app first drops the pages it kept
	 * on the phone, so the logout is not instant.
	 */
	void logout() {
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Keluar"))
			.click();
		page.waitForURL(java.util.regex.Pattern.compile(".*/masuk\\?keluar"));
	}

	/** The page's full width; at most 360 when nothing overflows the phone's screen. */
	int scrollWidth() {
		return ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
	}

	@Override
	public void close() {
		playwright.close();
	}
}
