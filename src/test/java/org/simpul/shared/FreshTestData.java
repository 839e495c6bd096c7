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
 * the first test (registered in META-INF/services).
 */
public class FreshTestData implements LauncherSessionListener {

	@Override
	public void launcherSessionOpened(LauncherSession session) {
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
