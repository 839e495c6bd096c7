package org.simpul.shared.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key files of the data directory ({@code keys/…}, owner-only), for a Simpul whose keys are not configured:
 * created once with a new random 32-byte key, then read at every start. Never in the repository, and never in
 * the database's backups (the log line says so where the file is made).
 */
final class KeyFiles {

	private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

	static final SecureRandom RANDOM = new SecureRandom();

	private KeyFiles() {
	}

	/** The file's text; a missing file is first written as {@code <prefix>} followed by a new Base64 key. */
	static String readOrCreate(Path file, String prefix, String what) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, prefix + Base64.getEncoder().encodeToString(newKey()) + "\n");
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException notPosix) {
					// Windows: the data directory's own permissions apply
				}
				log.info("Generated the {} in {}: back it up, but never with the database backups", what, file);
			}
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] newKey() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return key;
	}
}
