package org.simpul.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;

/**
 * XLSX registry files: a guard against ZIP bombs (checked on upload, before anything is unpacked for real)
 * and a streaming conversion of the first sheet into the CSV the import reads, keeping sheet row numbers
 * as line numbers. Dates stored as Excel serial numbers become {@code YYYY-MM-DD}. A NIK or KK stored as a
 * number has already lost its sixteenth digit in the spreadsheet, so it is passed on marked as a number
 * and refused (NIK_NOT_DIGITS): such columns must be formatted as text.
 */
public final class XlsxFiles {

	static final long MAX_UNPACKED = 1L << 30;

	static final int MAX_ENTRIES = 10_000;

	static final int MAX_RATIO = 100;

	/** A registry file has a few dozen columns; a cell further right is refused, not allocated for. */
	public static final int MAX_COLUMNS = 200;

	private static final String SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

	private static final String SPREADSHEET_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";

	/** Excel's own limit: a row number beyond it is a forged file (and would pad the CSV with blank lines). */
	static final int MAX_ROWS = 1_048_576;

	private XlsxFiles() {
	}

	public static boolean isXlsx(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] head = in.readNBytes(4);
			return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
		}
	}

	/** Unpacks every entry once, counting, and refuses archives that unpack to far more than they weigh. */
	public static void guard(Path file) throws IOException {
		long size = Files.size(file);
		long limit = Math.min(MAX_UNPACKED, Math.max(50L << 20, size * MAX_RATIO));
		long unpacked = 0;
		int entries = 0;
		boolean workbook = false;
		byte[] buffer = new byte[1 << 16];
		// the central directory lists the entries; each is unpacked and counted, whatever sizes it declares
		try (ZipFile zip = new ZipFile(file.toFile())) {
			var iterator = zip.entries();
			while (iterator.hasMoreElements()) {
				ZipEntry entry = iterator.nextElement();
				if (++entries > MAX_ENTRIES) {
					throw new InvalidInputException(FieldProblem.of("file", "XLSX_ZIP_BOMB"));
				}
				workbook |= entry.getName().equals("xl/workbook.xml");
				try (InputStream in = zip.getInputStream(entry)) {
					int read;
					while ((read = in.read(buffer)) > 0) {
						unpacked += read;
						if (unpacked > limit) {
							throw new InvalidInputException(FieldProblem.of("file", "XLSX_ZIP_BOMB"));
						}
					}
				}
			}
		}
		catch (ZipException broken) {
			throw new InvalidInputException(FieldProblem.of("file", "XLSX_INVALID"));
		}
		if (!workbook) {
			throw new InvalidInputException(FieldProblem.of("file", "XLSX_INVALID"));
		}
		checkSheetBounds(file);
	}

	/**
	 * Reads every part's cell and row references once, streaming, before the workbook reader sees them:
	 * the reader makes room for every column up to a cell's reference, so one cell at column 500,000,000
	 * would fill the heap.
	 */
	private static void checkSheetBounds(Path file) throws IOException {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		try (ZipFile zip = new ZipFile(file.toFile())) {
			var iterator = zip.entries();
			while (iterator.hasMoreElements()) {
				ZipEntry entry = iterator.nextElement();
				// every XML part, not only xl/worksheets/: the reader finds sheets through the relationships, so a sheet
				// may sit under any name
				if (!entry.getName().endsWith(".xml")) {
					continue;
				}
				try (InputStream in = zip.getInputStream(entry)) {
					checkSheet(factory.createXMLStreamReader(in));
				}
				catch (XMLStreamException broken) {
					throw new InvalidInputException(FieldProblem.of("file", "XLSX_INVALID"));
				}
			}
		}
	}

	private static void checkSheet(XMLStreamReader xml) throws XMLStreamException {
		long row = 0;
		long column = 0;
		while (xml.hasNext()) {
			if (xml.next() != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			String namespace = xml.getNamespaceURI();
			if (!SPREADSHEET.equals(namespace) && !SPREADSHEET_STRICT.equals(namespace)) {
				continue;
			}
			String name = xml.getLocalName();
			if (name.equals("row")) {
				String r = xml.getAttributeValue(null, "r");
				row = r == null ? row + 1 : number(r);
				column = 0;
				if (row > MAX_ROWS || row < 1) {
					throw new InvalidInputException(FieldProblem.of("file", "XLSX_TOO_MANY_ROWS"));
				}
			}
			else if (name.equals("c")) {
				String r = xml.getAttributeValue(null, "r");
				column = r == null ? column + 1 : column(r);
				if (column > MAX_COLUMNS || column < 1) {
					throw new InvalidInputException(FieldProblem.of("file", "XLSX_TOO_MANY_COLUMNS"));
				}
			}
		}
	}

	/** A row number as written; anything but a few digits counts as too far. */
	private static long number(String digits) {
		if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
			return Long.MAX_VALUE;
		}
		return Long.parseLong(digits);
	}

	/** The column of a cell reference such as {@code AB12} (1 for A); far beyond the limit for a forged one. */
	private static long column(String reference) {
		long column = 0;
		int i = 0;
		while (i < reference.length() && Character.isLetter(reference.charAt(i))) {
			char letter = Character.toUpperCase(reference.charAt(i));
			if (letter < 'A' || letter > 'Z' || ++i > 4) {
				return Long.MAX_VALUE;
			}
			column = column * 26 + (letter - 'A' + 1);
		}
		return column;
	}

	/** Writes the first sheet as CSV (comma, all fields quoted), one line per sheet row, blank rows kept. */
	public static void toCsv(Path xlsx, Path csv) throws IOException {
		try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile());
				Stream<Row> rows = workbook.getFirstSheet().openStream();
				BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
			LocalDate epoch = workbook.isDate1904() ? LocalDate.of(1904, 1, 1) : LocalDate.of(1899, 12, 30);
			List<String> header = new ArrayList<>();
			int written = 0;
			Iterator<Row> iterator = rows.iterator();
			while (iterator.hasNext()) {
				Row row = iterator.next();
				while (written < row.getRowNum() - 1) {
					out.write('\n'); // a row the sheet leaves out stays a (blank) line, so line numbers match the sheet
					written++;
				}
				List<String> fields = new ArrayList<>();
				for (int c = 0; c < row.getCellCount(); c++) {
					Cell cell = row.getCell(c);
					String column = c < header.size() ? header.get(c) : "";
					fields.add(cell == null ? "" : text(cell, column, epoch));
				}
				if (written == 0) {
					fields.forEach(f -> header.add(f.strip().toLowerCase(Locale.ROOT)));
				}
				out.write(String.join(",", fields.stream().map(XlsxFiles::quote).toList()));
				out.write('\n');
				written++;
			}
		}
	}

	private static String text(Cell cell, String column, LocalDate epoch) {
		CellType type = cell.getType();
		if (type == CellType.NUMBER) {
			BigDecimal number = cell.asNumber();
			if (column.equals("tanggal_lahir")) {
				return epoch.plusDays(number.longValue()).toString();
			}
			// a NIK or KK under any of the headings the imports read it by (the results import also takes "KK")
			String heading = column.replace(' ', '_');
			if (heading.equals("nik") || heading.equals("no_kk") || heading.equals("kk")) {
				return "angka " + number.toPlainString();
			}
			return number.stripTrailingZeros().toPlainString();
		}
		if (type == CellType.FORMULA) {
			return "=" + cell.getFormula();
		}
		if (type == CellType.EMPTY || type == CellType.ERROR) {
			return "";
		}
		String text = cell.getText();
		return text == null ? "" : text;
	}

	private static String quote(String value) {
		return "\"" + value.replace("\r", " ").replace("\n", " ").replace("\"", "\"\"") + "\"";
	}
}
