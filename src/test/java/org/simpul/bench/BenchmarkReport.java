package org.simpul.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Benchmarks print their table and keep it in {@code target/benchmarks/NAME.md}, with the raw samples. */
public final class BenchmarkReport {

	private BenchmarkReport() {
	}

	/** Forgets the heap's peak so far (after a collection), for {@link #peakHeapMb()} to measure one step. */
	public static void resetPeakHeap() {
		System.gc();
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/** The heap's peak since {@link #resetPeakHeap()}, in MB. */
	public static long peakHeapMb() {
		return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
			.mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
	}

	public static long median(List<Long> samples) {
		List<Long> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	public static void write(String name, String table, List<?>... samples) {
		StringBuilder text = new StringBuilder("<!-- measured " + Instant.now() + " on "
				+ Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version() + " -->\n");
		text.append(table);
		for (List<?> sample : samples) {
			text.append("\nsamples: ").append(sample);
		}
		text.append('\n');
		System.out.println("\n=== benchmark " + name + " ===\n" + text);
		try {
			Path dir = Path.of("target/benchmarks");
			Files.createDirectories(dir);
			Files.writeString(dir.resolve(name + ".md"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
