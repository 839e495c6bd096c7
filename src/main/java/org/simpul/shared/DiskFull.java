package org.simpul.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Whether a failure is a full disk: the operating system's "no space left on device" or "disk quota exceeded"
 * on a file being written, or PostgreSQL's {@code disk_full} (SQLSTATE 53100) when the database could not
 * write. Such a failure is said as what it is ("ruang disk penuh", {@code DISK_FULL}), never as a generic error.
 */
public final class DiskFull {

	private DiskFull() {
	}

	public static boolean is(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof IOException io && io.getMessage() != null) {
				String message = io.getMessage().toLowerCase(Locale.ROOT);
				if (message.contains("no space left on device") || message.contains("disk quota exceeded")
						|| message.contains("not enough space on the disk")) {
					return true;
				}
			}
			if (cause instanceof SQLException sql && "53100".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}
}
