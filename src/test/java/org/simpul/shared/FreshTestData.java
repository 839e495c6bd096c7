package org.simpul.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Each test run starts from empty databases: the data directories of the previous run are removed before
 * the first test (registered in META-INF/services). The failsafe run after the tests keeps them
 * ({@code simpul.test.keep-data}).
 */
public class FreshTestData implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (Boolean.getBoolean("simpul.test.keep-data")) {
			return; // the scan after the tests (LogScanIT) reads what they left
		}
		Path root = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"));
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
