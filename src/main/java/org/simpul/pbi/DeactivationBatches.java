package org.simpul.pbi;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.registry.CsvReader;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.UploadedTable;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.Texts;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A ministerial decree's list of the people a district lost from PBI-JK (DOMAIN.md §10), imported by Dinsos: a
 * CSV or XLSX file with at least {@code NIK}, {@code Nama} and {@code Tanggal_Nonaktif}, with the decree, its
 * effective date and the window in months the district gives for reactivation. In one transaction per file:
 * the rows are streamed and checked (the registry's NIK rules; a name; a date from 2014, when JKN began, to a
 * year ahead), the good ones COPYed into a staging table, the others kept by line and column; a NIK twice in
 * the file is refused on its later lines; each person is matched to the registry by the NIK's blind index within
 * the district (one the registry does not hold is kept, for the district to see) and recorded once per decree,
 * with the day the window closes. The same file again answers the batch it made; a person already on the
 * decree's list from another file is counted as known and changes nothing.
 */
@Service
public class DeactivationBatches {

	static final long MAX_BYTES = 200L * 1024 * 1024;

	static final int MAX_REJECTIONS_KEPT = 100_000;

	static final int MAX_NAME = 200;

	static final int DEFAULT_WINDOW_MONTHS = 6;

	private static final LocalDate JKN_BEGAN = LocalDate.of(2014, 1, 1);

	/** A batch as Dinsos sees it. {@code repeated}: the same file had been imported before. */
	public record BatchView(UUID id, String status, String regencyCode, String decree, LocalDate effectiveDate,
			int windowMonths, String fileName, long rowsRead, long rowsMatched, long rowsRejected, long rowsKnown,
			Instant importedAt, boolean repeated) {
	}

	/** A refused row: its line (the header is line 1), the column, the reason's code and message key. */
	public record Rejection(long line, String field, String code, String messageKey) {
	}

	/** What the import is told besides the file. */
	public record BatchRequest(String regionCode, String decree, String effectiveDate, String windowMonths) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final IdentifierRules identifiers;

	private final BlindIndex index;

	private final FieldCipher cipher;

	private final AuditTrail audit;

	private final Clock clock;

	DeactivationBatches(JdbcClient jdbc, DataSource dataSource, IdentifierRules identifiers, BlindIndex index,
			FieldCipher cipher, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.identifiers = identifiers;
		this.index = index;
		this.cipher = cipher;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether this user's territory is a whole district or wider: Dinsos, the province, the nation. */
	static boolean districtWide(CurrentUser user) {
		return user.districtWide();
	}

	/** The district a Dinsos user imports for: their own, or the one a province or national user names. */
	static String regency(CurrentUser actor, String regionCode) {
		actor.require(Action.PBI_IMPORT);
		if (!districtWide(actor)) {
			throw new AccessDeniedException("Deactivation lists are Dinsos' to import");
		}
		return actor.district(regionCode);
	}

	/** Imports a decree's list (see the class); 400 naming each bad field, or {@code file} for a file that cannot be read. */
	@Transactional
	public BatchView importBatch(CurrentUser actor, BatchRequest request, String fileName, InputStream content) {
		String regency = regency(actor, request.regionCode());
		List<FieldProblem> problems = new ArrayList<>();
		String decree = null;
		try {
			decree = Texts.required("decree", request.decree(), 100);
		}
		catch (InvalidInputException ex) {
			problems.addAll(ex.problems());
		}
		LocalDate effective = null;
		if (request.effectiveDate() == null || request.effectiveDate().isBlank()) {
			problems.add(FieldProblem.of("effectiveDate", "REQUIRED"));
		}
		else {
			effective = UploadedTable.date(request.effectiveDate()).orElse(null);
			if (effective == null || effective.isBefore(JKN_BEGAN) || effective.isAfter(identifiers.today().plusYears(1))) {
				problems.add(FieldProblem.of("effectiveDate", effective == null ? "INVALID_DATE" : "PBI_DATE_OUT_OF_RANGE"));
			}
		}
		int window = DEFAULT_WINDOW_MONTHS;
		if (request.windowMonths() != null && !request.windowMonths().isBlank()) {
			try {
				window = Integer.parseInt(request.windowMonths().strip());
			}
			catch (NumberFormatException ex) {
				window = -1;
			}
			if (window < 1 || window > 24) {
				problems.add(FieldProblem.of("windowMonths", "WINDOW_OUT_OF_RANGE"));
			}
		}
		if (content == null) {
			problems.add(FieldProblem.of("file", "REQUIRED"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		try (UploadedTable table = UploadedTable.receive(content, MAX_BYTES)) {
			// one import of a district at a time: a second request with the same file waits, then finds the first
			PbiImports.lockDistrict(jdbc, "pbi_batch", regency);
			Optional<BatchView> earlier = actor.territory().sql(jdbc, SELECT
					+ " where regency_code = :regency and file_sha256 = :sha and in_territory(regency_code)")
				.param("regency", regency).param("sha", table.sha256())
				.query((rs, n) -> view(rs, true))
				.optional();
			if (earlier.isPresent()) {
				BatchView seen = earlier.get();
				// the same file told something else (another decree, date or window) is not silently the same batch
				if (!seen.decree().equals(decree) || !seen.effectiveDate().equals(effective) || seen.windowMonths() != window) {
					throw new ConflictException(FieldProblem.of("file", "BATCH_FILE_IMPORTED"));
				}
				return seen;
			}
			return imported(actor, regency, decree, effective, window, fileName, table);
		}
	}

	private BatchView imported(CurrentUser actor, String regency, String decree, LocalDate effective, int window,
			String fileName, UploadedTable table) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String name = PbiImports.fileName(fileName);
		jdbc.sql("""
				insert into pbi_batch (id, regency_code, decree, effective_date, window_months, file_sha256, file_name,
				    status, rows_read, rows_matched, rows_rejected, rows_known, imported_by, imported_at)
				values (:id, :regency, :decree, :effective, :window, :sha, :name, 'COMPLETED', 0, 0, 0, 0, :by, :now)""")
			.param("id", id).param("regency", regency).param("decree", decree).param("effective", effective)
			.param("window", window).param("sha", table.sha256()).param("name", name).param("by", actor.id())
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("set local work_mem = '128MB'").update();
		jdbc.sql("""
				create temp table pbi_row (line bigint, nik_index text collate "C", nik_cipher text, name text,
				  deactivated_on date) on commit drop""").update();
		LocalDate latest = identifiers.today().plusYears(1);
		// the NIK's region check asks the database on a miss: never while this connection is COPYing
		identifiers.preloadDistricts();
		UploadedTable.Staged staged = table.stage(dataSource,
				"copy pbi_row (line, nik_index, nik_cipher, name, deactivated_on) from stdin (format csv)",
				"copy pbi_batch_rejection (batch_id, line, field, code) from stdin (format csv)", id, MAX_REJECTIONS_KEPT,
				new UploadedTable.Rows() {
					Integer nik;

					Integer person;

					Integer date;

					@Override
					public void columns(Map<String, Integer> columns) {
						nik = columns.get("nik");
						person = columns.containsKey("nama") ? columns.get("nama") : columns.get("name");
						date = columns.containsKey("tanggal_nonaktif") ? columns.get("tanggal_nonaktif")
								: columns.get("tgl_nonaktif");
						if (nik == null || person == null || date == null) {
							throw new InvalidInputException(FieldProblem.of("file", "DEACTIVATION_HEADER_MISSING"));
						}
					}

					@Override
					public String row(CsvReader.Record record, Map<String, String> problems) {
						String nikText = UploadedTable.cell(record, nik);
						if (nikText.isEmpty()) {
							problems.put("NIK", "REQUIRED");
						}
						else if (!identifiers.nikProblems(nikText).isEmpty()) {
							problems.put("NIK", identifiers.nikProblems(nikText).getFirst().name());
						}
						String who = UploadedTable.cell(record, person);
						if (who.isEmpty()) {
							problems.put("Nama", "REQUIRED");
						}
						else if (who.length() > MAX_NAME) {
							problems.put("Nama", "LENGTH_OUT_OF_RANGE");
						}
						String dateText = UploadedTable.cell(record, date);
						LocalDate on = dateText.isEmpty() ? null : UploadedTable.date(dateText).orElse(null);
						if (dateText.isEmpty()) {
							problems.put("Tanggal_Nonaktif", "REQUIRED");
						}
						else if (on == null) {
							problems.put("Tanggal_Nonaktif", "INVALID_DATE");
						}
						else if (on.isBefore(JKN_BEGAN) || on.isAfter(latest)) {
							problems.put("Tanggal_Nonaktif", "PBI_DATE_OUT_OF_RANGE");
						}
						if (!problems.isEmpty()) {
							return null;
						}
						String digits = nikText.replaceAll("\\D", "");
						return record.line() + "," + index.of(BlindIndex.Kind.NIK, digits) + ","
								+ UploadedTable.quoted(cipher.encrypt(digits)) + "," + UploadedTable.quoted(who) + "," + on;
					}
				});
		// a NIK twice in the file: its later lines are refused
		long twice = jdbc.sql("""
				with later as (
				  delete from pbi_row r using (
				    select line from (select line, row_number() over (partition by nik_index order by line) as n
				                      from pbi_row) numbered where n > 1) d
				  where r.line = d.line returning r.line)
				insert into pbi_batch_rejection (batch_id, line, field, code)
				select :id, line, 'NIK', 'DUPLICATE_IN_FILE' from later""")
			.param("id", id).update();
		jdbc.sql("analyze pbi_row").update();
		// each person found in the registry of the district, recorded once per decree
		long matched = jdbc.sql("""
				select count(*) from pbi_row r join person_placement p on p.nik_index = r.nik_index
				where p.village_code like :within""")
			.param("within", regency + ".%").query(Long.class).single();
		long added = jdbc.sql("""
				insert into pbi_deactivation (id, batch_id, regency_code, decree, village_code, nik_index, nik_cipher, name,
				    deactivated_on, window_closes_on, person_id, household_id, line)
				select gen_random_uuid(), :id, :regency, :decree, p.village_code, r.nik_index, r.nik_cipher, r.name,
				       r.deactivated_on, cast(r.deactivated_on + make_interval(months => :window) as date), p.id,
				       p.household_id, r.line
				from pbi_row r left join person_placement p on p.nik_index = r.nik_index and p.village_code like :within
				on conflict (regency_code, decree, nik_index) do nothing""")
			.param("id", id).param("regency", regency).param("decree", decree).param("window", window)
			.param("within", regency + ".%")
			.update();
		long good = staged.read() - staged.rejected() - twice;
		long rejected = staged.rejected() + twice;
		jdbc.sql("""
				update pbi_batch set rows_read = :read, rows_matched = :matched, rows_rejected = :rejected,
				       rows_known = :known where id = :id""")
			.param("read", staged.read()).param("matched", matched).param("rejected", rejected)
			.param("known", good - added).param("id", id)
			.update();
		// one record per file: the persons it names are too many to list here; each row says which batch it came from
		audit.record(actor, AuditTrail.Action.CREATE, "PBI_DEACTIVATION_BATCH", id, List.of());
		return new BatchView(id, "COMPLETED", regency, decree, effective, window, name, staged.read(), matched, rejected,
				good - added, now, false);
	}

	private static final String SELECT = """
			select id, status, regency_code, decree, effective_date, window_months, file_name, rows_read, rows_matched,
			       rows_rejected, rows_known, imported_at from pbi_batch""";

	private static BatchView view(ResultSet rs, boolean repeated) throws SQLException {
		return new BatchView(rs.getObject("id", UUID.class), rs.getString("status"), rs.getString("regency_code"),
				rs.getString("decree"), rs.getObject("effective_date", LocalDate.class), rs.getInt("window_months"),
				rs.getString("file_name"), rs.getLong("rows_read"), rs.getLong("rows_matched"), rs.getLong("rows_rejected"),
				rs.getLong("rows_known"), rs.getTimestamp("imported_at").toInstant(), repeated);
	}

	/** One batch of the user's territory. */
	@Transactional(readOnly = true)
	public Optional<BatchView> get(CurrentUser actor, UUID id) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, SELECT + " where id = :id and in_territory(regency_code)")
			.param("id", id)
			.query((rs, n) -> view(rs, false))
			.optional();
	}

	/** The batches of the districts the user's territory holds (a village or sub-district holds none), newest first. */
	@Transactional(readOnly = true)
	public List<BatchView> recent(CurrentUser actor) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, SELECT + " where in_territory(regency_code) order by imported_at desc limit 50")
			.query((rs, n) -> view(rs, false))
			.list();
	}

	/** A batch's refused rows, by line (404 for a batch outside the user's territory). */
	@Transactional(readOnly = true)
	public PageResponse<Rejection> rejections(CurrentUser actor, UUID id, PageRequest page) {
		get(actor, id).orElseThrow(() -> new NotFoundException("Batch"));
		return PbiImports.rejections(jdbc, "pbi_batch_rejection", "batch_id", id, page);
	}
}
