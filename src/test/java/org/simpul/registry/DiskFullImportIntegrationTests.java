package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.audit.AuditTrail;
import org.simpul.shared.StorageFullException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A full disk, for real: a 2 MB filesystem (tmpfs) as the import directory. An upload that does not fit
 * answers DISK_FULL and leaves no half-written file; a run that cannot write its temporary files ends FAILED
 * with DISK_FULL, and leaves nothing behind either. Skipped, with the reason, where no filesystem can be
 * mounted (not root); docs/reliability.md gives the manual procedure.
 */
@SimpulIntegrationTest
class DiskFullImportIntegrationTests {

	private static final Path SMALL = Path.of(System.getProperty("simpul.test.data-root", "target/test-data"),
			"full-disk").toAbsolutePath();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryImportRun runner;

	@Autowired
	Clock clock;

	@Autowired
	AuditTrail audit;

	@Autowired
	StoredIdentifiers stored;

	@BeforeAll
	static void mountASmallFilesystem() throws Exception {
		Files.createDirectories(SMALL);
		Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m,mode=0700", "tmpfs", SMALL.toString())
			.redirectErrorStream(true).start();
		String output = new String(mount.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		int status = mount.waitFor();
		Assumptions.assumeTrue(status == 0, () -> "SKIPPED: cannot mount a 2 MB tmpfs here (" + output.strip() + ")");
	}

	@AfterAll
	static void unmount() throws Exception {
		new ProcessBuilder("umount", "-l", SMALL.toString()).start().waitFor();
	}

	private static CurrentUser manager() {
		return new CurrentUser(UUID.randomUUID(), "manajer.disk", "Manajer Disk", Role.MANAGER, Territory.of("33.28"));
	}

	@Test
	void anUploadThatDoesNotFitAndARunThatCannotWriteSayDiskFullAndLeaveNothing() throws Exception {
		RegistryImports imports = new RegistryImports(jdbc, runner, clock, SMALL, audit, stored);
		long jobsBefore = jdbc.sql("select count(*) from registry_import").query(Long.class).single();
		byte[] big = new byte[3 * 1024 * 1024];
		Arrays.fill(big, (byte) 'a');
		assertThatThrownBy(() -> imports.submit(manager(), "besar.csv", big.length, new ByteArrayInputStream(big)))
			.isInstanceOf(StorageFullException.class);
		try (var left = Files.list(SMALL)) {
			assertThat(left.toList()).as("nothing half-written").isEmpty();
		}
		assertThat(jdbc.sql("select count(*) from registry_import").query(Long.class).single()).isEqualTo(jobsBefore);

		// a file that fits, then the disk fills up: its run cannot write the rejected rows
		StringBuilder rows = new StringBuilder("no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa\n");
		for (int i = 0; i < 3000; i++) {
			rows.append("3328100101900001,123,Nama Salah Ketik ").append(i).append(",01-01-1990,P,1,33.28.10.1008\n");
		}
		UUID id = UUID.randomUUID();
		Path upload = imports.file(id);
		Files.writeString(upload, rows);
		jdbc.sql("""
				insert into registry_import (id, status, uploaded_by, territory, file_name, byte_size, created_at, started_at,
				                             heartbeat_at, attempts)
				values (:id, 'RUNNING', (select id from app_user where username = 'manajer.tegal'), '33.28', 'penuh.csv',
				        :size, :now, :now, :now, 1)""")
			.param("id", id).param("size", Files.size(upload)).param("now", Timestamp.from(clock.instant())).update();
		fill(SMALL.resolve("pengisi"));
		imports.run(new RegistryImportRun.Job(id, jdbc.sql("select uploaded_by from registry_import where id = :id")
			.param("id", id).query(UUID.class).single(), "33.28", upload));
		assertThat(jdbc.sql("select status || ' ' || failure from registry_import where id = :id").param("id", id)
			.query(String.class).single()).isEqualTo("FAILED DISK_FULL");
		Files.delete(SMALL.resolve("pengisi"));
		try (var left = Files.list(SMALL)) {
			assertThat(left.toList()).as("no upload, no temporary file of the run").isEmpty();
		}
	}

	private static void fill(Path file) {
		byte[] block = new byte[64 * 1024];
		try (OutputStream out = Files.newOutputStream(file)) {
			while (true) {
				out.write(block);
			}
		}
		catch (IOException full) {
			// the disk is full now
		}
	}
}
