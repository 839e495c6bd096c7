package org.simpul.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** The hash chain of the audit trail: each sealed row's hash covers the previous hash and the row's content. */
final class AuditChain {

	/** The hash before the first row. */
	static final byte[] GENESIS = new byte[32];

	record Row(long id, Instant at, UUID userId, String username, String role, String action, String objectType,
			UUID objectId, UUID[] subjectIds, String purpose) {

		/** Every field, in a fixed order, unambiguous (lengths before free text). */
		String canonical() {
			return String.join("|", Long.toString(id), Long.toString(at.getEpochSecond()),
					Integer.toString(at.getNano() / 1000), String.valueOf(userId), text(username), text(role), action,
					objectType, String.valueOf(objectId),
					Arrays.stream(subjectIds).map(UUID::toString).sorted().collect(Collectors.joining(",")),
					text(purpose));
		}

		private static String text(String value) {
			return value == null ? "-" : value.length() + ":" + value;
		}
	}

	private AuditChain() {
	}

	static byte[] next(byte[] previous, Row row) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(previous);
			sha.update(row.canonical().getBytes(StandardCharsets.UTF_8));
			return sha.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
