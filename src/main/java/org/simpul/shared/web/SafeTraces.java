package org.simpul.shared.web;

import java.sql.SQLException;

/**
 * A stack trace for the log without exception messages, which may quote personal data (PostgreSQL's
 * "Failing row contains (...)", a parser echoing its input).
 */
public final class SafeTraces {

	private static final int FRAMES_PER_CAUSE = 12;

	private SafeTraces() {
	}

	public static String of(Throwable error) {
		StringBuilder trace = new StringBuilder();
		Throwable current = error;
		for (int depth = 0; current != null && depth < 8; depth++, current = current.getCause()) {
			trace.append(depth == 0 ? "" : "Caused by: ").append(current.getClass().getName());
			if (current instanceof SQLException sql && sql.getSQLState() != null) {
				trace.append(" (SQLSTATE ").append(sql.getSQLState()).append(')'); // a code, never data
			}
			trace.append('\n');
			StackTraceElement[] frames = current.getStackTrace();
			for (int i = 0; i < Math.min(frames.length, FRAMES_PER_CAUSE); i++) {
				trace.append("\tat ").append(frames[i]).append('\n');
			}
		}
		return trace.toString();
	}
}
