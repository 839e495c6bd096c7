package org.simpul.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's first command works on the machines people have: the build carries a PostgreSQL for Linux x64
 * and arm64, macOS on Apple silicon and Intel, and Windows x64 (each an xz archive, as zonky unpacks them).
 */
class EmbeddedBinariesTests {

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "Linux, x86_64", "Linux, aarch64", "Darwin, aarch64", "Darwin, x86_64", "Windows, x86_64" })
	void thereIsAPostgresqlForEachPlatform(String system, String hardware) throws Exception {
		try (InputStream archive = EmbeddedDatabase.binaries(system, hardware)) {
			byte[] head = archive.readNBytes(6);
			assertThat(head).as("xz magic").containsExactly(0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00);
		}
	}
}
