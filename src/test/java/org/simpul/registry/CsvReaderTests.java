package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTests {

	private static List<CsvReader.Record> all(String text) throws Exception {
		CsvReader reader = new CsvReader(new StringReader(text));
		List<CsvReader.Record> records = new ArrayList<>();
		records.add(reader.header());
		CsvReader.Record record;
		while ((record = reader.next()) != null) {
			records.add(record);
		}
		return records;
	}

	@Test
	void readsCommaFilesWithQuotesAndLineBreaks() throws Exception {
		List<CsvReader.Record> records = all("nik,nama,alamat\r\n1,\"Siti, Aminah\",\"Jl. Melati\nNo. 4\"\r\n2,\"Budi \"\"Bud\"\"\",\n");
		assertThat(records).hasSize(3);
		assertThat(records.get(0).fields()).containsExactly("nik", "nama", "alamat");
		assertThat(records.get(1).fields()).containsExactly("1", "Siti, Aminah", "Jl. Melati\nNo. 4");
		assertThat(records.get(1).line()).isEqualTo(2);
		assertThat(records.get(2).fields()).containsExactly("2", "Budi \"Bud\"", "");
		assertThat(records.get(2).line()).isEqualTo(4);
	}

	@Test
	void readsSemicolonFilesWithAByteOrderMarkAndBlankLines() throws Exception {
		List<CsvReader.Record> records = all("\uFEFFno_kk;nik;nama\n\n3328;3328;Siti, Aminah\n\n\n4;5;Budi");
		assertThat(records).hasSize(3);
		assertThat(records.get(0).fields()).containsExactly("no_kk", "nik", "nama");
		assertThat(records.get(1).fields()).containsExactly("3328", "3328", "Siti, Aminah");
		assertThat(records.get(1).line()).isEqualTo(3);
		assertThat(records.get(2).line()).isEqualTo(6);
	}

	@Test
	void anEmptyFileHasNoHeader() throws Exception {
		assertThat(new CsvReader(new StringReader("")).header()).isNull();
		CsvReader onlyHeader = new CsvReader(new StringReader("nik,nama\n"));
		assertThat(onlyHeader.header().fields()).containsExactly("nik", "nama");
		assertThat(onlyHeader.next()).isNull();
	}

	@Test
	void refusesAnEndlessRecord() throws Exception {
		CsvReader reader = new CsvReader(new StringReader("nik,nama\n1,\"" + "x".repeat(CsvReader.MAX_RECORD + 10)));
		reader.header();
		assertThatThrownBy(reader::next).isInstanceOf(CsvReader.TooLongException.class);
	}
}
