package org.simpul.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader for the files Simpul imports (the registry, the ministry's result lists): comma or semicolon (guessed from the header line),
 * quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF, an optional UTF-8
 * byte-order mark. It holds one record at a time, so memory stays bounded whatever the file's size;
 * a record longer than {@link #MAX_RECORD} characters is refused rather than buffered.
 */
public final class CsvReader {

	public static final int MAX_RECORD = 64 * 1024;

	/** One record and the file line it starts on (1-based; the header is line 1). */
	public record Record(long line, List<String> fields) {
	}

	public static final class TooLongException extends IOException {

		TooLongException(long line) {
			super("Record at line " + line + " is longer than " + MAX_RECORD + " characters");
		}
	}

	private final Reader in;

	private char delimiter;

	private long line = 1;

	private int peeked = -2;

	public CsvReader(Reader in) {
		this.in = in;
	}

	/** The header record, which also decides the delimiter (the more frequent of ';' and ','). */
	public Record header() throws IOException {
		int first = read();
		if (first != 0xFEFF) {
			peeked = first;
		}
		StringBuilder raw = new StringBuilder();
		int c;
		while ((c = read()) != -1 && c != '\n') {
			if (raw.length() > MAX_RECORD) {
				throw new TooLongException(1);
			}
			raw.append((char) c);
		}
		String text = raw.toString();
		delimiter = count(text, ';') > count(text, ',') ? ';' : ',';
		line = 2;
		if (c == -1 && text.isBlank()) {
			return null;
		}
		return new Record(1, split(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text));
	}

	/** The next record, or null at the end. Blank lines are skipped. */
	public Record next() throws IOException {
		while (true) {
			long start = line;
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			boolean sawAny = false;
			int length = 0;
			int c;
			while (true) {
				c = read();
				if (c == -1) {
					break;
				}
				sawAny = true;
				if (++length > MAX_RECORD) {
					throw new TooLongException(start);
				}
				if (quoted) {
					if (c == '"') {
						int n = read();
						if (n == '"') {
							field.append('"');
						}
						else {
							quoted = false;
							peeked = n;
						}
					}
					else {
						if (c == '\n') {
							line++;
						}
						field.append((char) c);
					}
				}
				else if (c == '"' && field.isEmpty()) {
					quoted = true;
				}
				else if (c == delimiter) {
					fields.add(field.toString());
					field.setLength(0);
				}
				else if (c == '\n') {
					line++;
					break;
				}
				else if (c != '\r') {
					field.append((char) c);
				}
			}
			if (!sawAny) {
				return null;
			}
			fields.add(field.toString());
			if (fields.size() == 1 && fields.getFirst().isBlank()) {
				if (c == -1) {
					return null;
				}
				continue; // a blank line
			}
			return new Record(start, fields);
		}
	}

	private int read() throws IOException {
		if (peeked != -2) {
			int c = peeked;
			peeked = -2;
			return c;
		}
		return in.read();
	}

	private List<String> split(String text) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(text));
		reader.delimiter = delimiter;
		Record record = reader.next();
		return record == null ? List.of() : record.fields();
	}

	private static long count(String text, char c) {
		return text.chars().filter(x -> x == c).count();
	}
}
