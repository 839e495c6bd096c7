package org.simpul.shared.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.simpul.shared.DiskFull;

/**
 * Which failures mean "the database is away" (answered 503 with {@code Retry-After}, never 500): no
 * connection to be had, a transaction that could not begin, and a statement cut off because the server went
 * away under it (SQLSTATE class 08, connection exception, and 57P01–57P03, the server shutting down or
 * restarting) — also for a request that was already running when the server died.
 */
public final class DatabaseFailures {

	private DatabaseFailures() {
	}

	public static boolean unavailable(Throwable failure) {
		if (DiskFull.is(failure) || sqlStateClass(failure, "54")) {
			// a full disk is said as DISK_FULL; a statement over a program limit fails again when retried
			return false;
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			if (cause instanceof CannotCreateTransactionException && cause.getCause() instanceof SQLException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[1-3]"))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean sqlStateClass(Throwable failure, String stateClass) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(stateClass)) {
				return true;
			}
		}
		return false;
	}
}
