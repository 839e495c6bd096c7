package org.simpul.registry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Registry imports run directly, for the benchmarks of other modules that need a large registry first. */
public final class RegistryBenchImports {

	private RegistryBenchImports() {
	}

	/** Imports {@code file} into the registry of {@code app} as a national job; the milliseconds it took. */
	public static long run(ApplicationContext app, Path file) throws Exception {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, file_name, byte_size, created_at)
				values (:id, 'RUNNING', :by, :name, :size, now())""")
			.param("id", id).param("by", UUID.randomUUID()).param("name", file.getFileName().toString())
			.param("size", Files.size(file)).update();
		long started = System.nanoTime();
		app.getBean(RegistryImportRun.class).run(new RegistryImportRun.Job(id, UUID.randomUUID(), null, file));
		return (System.nanoTime() - started) / 1_000_000;
	}
}
