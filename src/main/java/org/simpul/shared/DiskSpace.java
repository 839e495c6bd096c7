package org.simpul.shared;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * Health's {@code diskSpace}: DOWN when the data directory (the embedded database, the keys) or the import
 * directory (uploaded registry files) has less than {@code simpul.disk.min-free} free (default 1 GB: a
 * 200 MB upload, its run's temporary files and the database's write-ahead log must fit). Replaces Spring
 * Boot's indicator of the same name, which watches the working directory only. Readiness does not follow
 * it: with a full disk reads still work, and writes say {@code DISK_FULL}.
 */
@Configuration(proxyBeanMethods = false)
class DiskSpace {

	@Bean
	HealthIndicator diskSpaceHealthIndicator(@Value("${simpul.data-dir:./data}") Path dataDirectory,
			@Value("${simpul.import-dir:${simpul.data-dir:./data}/imports}") Path importDirectory,
			@Value("${simpul.disk.min-free:1GB}") DataSize minimum) {
		return () -> {
			long free = Math.min(free(dataDirectory), free(importDirectory));
			return (free >= minimum.toBytes() ? Health.up() : Health.down())
				.withDetail("free", free)
				.withDetail("threshold", minimum.toBytes())
				.build();
		};
	}

	/** Free bytes where {@code directory} is (or would be: its nearest existing parent). */
	static long free(Path directory) {
		Path existing = directory.toAbsolutePath();
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		return existing == null ? Long.MAX_VALUE : new File(existing.toString()).getUsableSpace();
	}
}
