package org.simpul.pbi;

import java.util.List;
import java.util.UUID;

import org.simpul.pbi.DeactivationBatches.Rejection;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the module's two file imports (a decree's list, the ministry's answers) share: one import of a kind per
 * district at a time, the file's name as it is kept, and the refused rows read back by line.
 */
final class PbiImports {

	private PbiImports() {
	}

	/**
	 * Takes the district's lock for an import of {@code kind} for the transaction: a second import waits up to 20 s
	 * (the same file then finds the first one's result), then answers 409 {@code IMPORT_RUNNING}.
	 */
	static void lockDistrict(JdbcClient jdbc, String kind, String regency) {
		jdbc.sql("set local lock_timeout = '20s'").update();
		try {
			jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) l")
				.param("key", kind + ":" + regency).query(Long.class).single();
		}
		catch (PessimisticLockingFailureException busy) {
			throw new ConflictException(FieldProblem.of("file", "IMPORT_RUNNING"));
		}
		jdbc.sql("set local lock_timeout = 0").update();
	}

	/** The uploaded file's name as kept: without control characters, at most 200 characters, null when none. */
	static String fileName(String fileName) {
		String cleaned = fileName == null ? null : fileName.replaceAll("\\p{Cntrl}", "").strip();
		return cleaned == null || cleaned.isEmpty() ? null : cleaned.substring(0, Math.min(200, cleaned.length()));
	}

	/** A page of an import's refused rows from {@code table} (keyed by {@code key}), by line and column. */
	static PageResponse<Rejection> rejections(JdbcClient jdbc, String table, String key, UUID id, PageRequest page) {
		long total = jdbc.sql("select count(*) from " + table + " where " + key + " = :id").param("id", id)
			.query(Long.class).single();
		List<Rejection> rows = jdbc.sql("select line, field, code from " + table + " where " + key + " = :id"
				+ " order by line, field limit :limit offset :offset")
			.param("id", id).param("limit", page.size()).param("offset", (long) page.page() * page.size())
			.query((rs, n) -> new Rejection(rs.getLong("line"), rs.getString("field"), rs.getString("code"),
					"problem." + rs.getString("code")))
			.list();
		return PageResponse.of(rows, page, total);
	}
}
