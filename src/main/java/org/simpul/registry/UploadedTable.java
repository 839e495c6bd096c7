package org.simpul.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.simpul.shared.DiskFull;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.StorageFullException;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * A table someone uploaded (CSV, or an XLSX workbook known by its content) on its way into the database inside a
 * request's transaction: kept in a temporary directory of its own (bounded in bytes, its SHA-256 taken on the way),
 * a workbook guarded against ZIP bombs and turned into CSV, then streamed row by row ({@link #stage}) into a
 * staging table by COPY, the refused rows kept by line and column. Removed when closed. Every reader of such a
 * file (the ministry's result lists, the PBI-JK deactivation lists) goes through here, so that each gets the same
 * bounds: an empty file, one too large, a header without what is needed, a record without end or a workbook that
 * is no workbook is refused naming {@code file}, with nothing written.
 */
public final class UploadedTable implements AutoCloseable {

	/** What the rows of a file are to a reader: the columns it needs, each row checked. */
	public interface Rows {

		/**
		 * The header's columns (names in lower case, spaces as underscores, with their position); refuses a file
		 * without what it needs ({@link InvalidInputException} naming {@code file}).
		 */
		void columns(Map<String, Integer> columns);

		/**
		 * One row: its CSV line for the staging table's COPY (no line end), or null with what is wrong in
		 * {@code problems} (the column as the file names it, the code).
		 */
		String row(CsvReader.Record record, Map<String, String> problems);
	}

	/** What staging did: rows read, rows refused, and how many refusals were kept (one per column). */
	public record Staged(long read, long rejected, long kept) {
	}

	private final Path directory;

	private final Path file;

	private final String sha256;

	private UploadedTable(Path directory, Path file, String sha256) {
		this.directory = directory;
		this.file = file;
		this.sha256 = sha256;
	}

	/** Keeps an upload of at most {@code maxBytes}; 400 naming {@code file} when there is none, it is empty or too large. */
	public static UploadedTable receive(InputStream content, long maxBytes) {
		if (content == null) {
			throw new InvalidInputException(FieldProblem.of("file", "REQUIRED"));
		}
		Path directory = null;
		try {
			directory = Files.createTempDirectory("simpul-upload");
			Path file = directory.resolve("upload");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
				byte[] buffer = new byte[1 << 16];
				int read;
				while ((read = content.read(buffer)) > 0) {
					size += read;
					if (size > maxBytes) {
						throw new InvalidInputException(FieldProblem.of("file", "FILE_TOO_LARGE"));
					}
					out.write(buffer, 0, read);
				}
			}
			if (size == 0) {
				throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
			}
			return new UploadedTable(directory, file, HexFormat.of().formatHex(digest.digest()));
		}
		catch (IOException ex) {
			remove(directory);
			if (DiskFull.is(ex)) {
				throw new StorageFullException("file", ex);
			}
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			remove(directory);
			throw new IllegalStateException(ex);
		}
		catch (RuntimeException ex) {
			remove(directory);
			throw ex;
		}
	}

	/** The SHA-256 of the bytes as uploaded (hex): the same file twice is known by it. */
	public String sha256() {
		return sha256;
	}

	/**
	 * Streams the rows into a staging table: {@code copyRows} is the COPY statement ({@code format csv}) the rows'
	 * lines go to; refusals go to {@code copyRejections} as {@code (id, line, field, code)}, at most
	 * {@code maxKept} of them. Runs on the transaction's own connection: {@code rows} must not touch the database
	 * while the COPY streams (a query on the same connection waits for ever), so whatever its checks read (the
	 * regions an identifier may name: {@code IdentifierRules.preloadDistricts}) is loaded before.
	 */
	public Staged stage(DataSource dataSource, String copyRows, String copyRejections, UUID id, long maxKept, Rows rows) {
		Path csv = file;
		long read = 0;
		long rejected = 0;
		long kept = 0;
		try {
			if (XlsxFiles.isXlsx(file)) {
				XlsxFiles.guard(file);
				csv = directory.resolve("sheet.csv");
				try {
					XlsxFiles.toCsv(file, csv);
				}
				catch (RuntimeException unreadable) {
					// a workbook that lists no sheet, or one the reader cannot make sense of
					throw new InvalidInputException(FieldProblem.of("file", "XLSX_INVALID"));
				}
			}
			Path rejectionFile = directory.resolve("rejections.csv");
			Connection connection = DataSourceUtils.getConnection(dataSource);
			try (Reader reader = new BufferedReader(
					new InputStreamReader(Files.newInputStream(csv), StandardCharsets.UTF_8), 1 << 16);
					Writer rejections = Files.newBufferedWriter(rejectionFile, StandardCharsets.UTF_8)) {
				CsvReader table = new CsvReader(reader);
				CsvReader.Record header;
				try {
					header = table.header();
				}
				catch (CsvReader.TooLongException tooLong) {
					throw new InvalidInputException(FieldProblem.of("file", "RECORD_TOO_LONG"));
				}
				if (header == null) {
					throw new InvalidInputException(FieldProblem.of("file", "FILE_EMPTY"));
				}
				if (header.fields().size() > XlsxFiles.MAX_COLUMNS) {
					throw new InvalidInputException(FieldProblem.of("file", "TOO_MANY_COLUMNS"));
				}
				Map<String, Integer> columns = new HashMap<>();
				for (int i = 0; i < header.fields().size(); i++) {
					columns.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_'), i);
				}
				rows.columns(columns);
				CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyRows);
				PGCopyOutputStream copy = new PGCopyOutputStream(copyIn, 1 << 16);
				try {
					while (true) {
						CsvReader.Record record;
						try {
							record = table.next();
						}
						catch (CsvReader.TooLongException tooLong) {
							throw new InvalidInputException(FieldProblem.of("file", "RECORD_TOO_LONG"));
						}
						if (record == null) {
							break;
						}
						if (record.fields().stream().allMatch(String::isBlank)) {
							continue;
						}
						read++;
						Map<String, String> problems = new LinkedHashMap<>();
						String line = rows.row(record, problems);
						if (line == null || !problems.isEmpty()) {
							rejected++;
							for (Map.Entry<String, String> problem : problems.entrySet()) {
								if (kept < maxKept) {
									kept++;
									rejections.write(id + "," + record.line() + "," + quoted(problem.getKey()) + ","
											+ problem.getValue() + "\n");
								}
							}
							continue;
						}
						byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
						copy.write(bytes, 0, bytes.length);
					}
					copy.endCopy();
				}
				finally {
					if (copy.isActive()) {
						copy.cancelCopy();
					}
				}
				rejections.close();
				try (Reader refused = Files.newBufferedReader(rejectionFile, StandardCharsets.UTF_8)) {
					connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copyRejections, refused);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("COPY of an uploaded table failed", ex);
			}
			finally {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
		}
		catch (IOException ex) {
			if (DiskFull.is(ex)) {
				throw new StorageFullException("file", ex);
			}
			throw new UncheckedIOException(ex);
		}
		return new Staged(read, rejected, kept);
	}

	/** A cell of the row, stripped, control characters (NUL among them) as spaces; empty when the row is short. */
	public static String cell(CsvReader.Record record, Integer column) {
		if (column == null || column >= record.fields().size()) {
			return "";
		}
		return record.fields().get(column).replaceAll("\\p{Cntrl}", " ").strip();
	}

	/** A date as the registry's files write it ({@code YYYY-MM-DD}, {@code DD-MM-YYYY} or {@code DD/MM/YYYY}). */
	public static Optional<LocalDate> date(String text) {
		return ImportValues.date(text);
	}

	/** A text as one CSV field of a COPY line (empty stays empty: NULL). */
	public static String quoted(String text) {
		return text == null || text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
	}

	@Override
	public void close() {
		remove(directory);
	}

	private static void remove(Path directory) {
		if (directory == null) {
			return;
		}
		try (var files = Files.list(directory)) {
			for (Path p : files.toList()) {
				Files.deleteIfExists(p);
			}
			Files.deleteIfExists(directory);
		}
		catch (IOException ignored) {
			// a temporary directory left behind is removed with the machine's temporary files
		}
	}
}
