package org.simpul.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;
import org.simpul.access.CurrentUser;
import org.simpul.access.Territory;
import org.simpul.access.UserLookup;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.workflow.DomainEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one registry import: streams the file row by row (bounded memory), checks each row, COPYs the good
 * ones into a temporary staging table and records the bad ones, then applies the whole file with
 * set-based SQL in the same transaction: households by KK number and persons by NIK are inserted when new
 * and updated only where the file says something different (with history), programme memberships added
 * when missing. Importing the same file twice therefore changes nothing. A crash rolls the import back;
 * the worker then runs it again.
 */
@Component
class RegistryImportRun {

	private static final Logger log = LoggerFactory.getLogger(RegistryImportRun.class);

	private static final int PROGRESS_EVERY = 10_000;

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final TransactionTemplate progress;

	private final IdentifierRules identifiers;

	private final RegionCatalog regions;

	private final Clock clock;

	private final StoredIdentifiers stored;

	private final AuditTrail audit;

	private final UserLookup users;

	private final DomainEvents events;

	RegistryImportRun(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactions,
			IdentifierRules identifiers, RegionCatalog regions, Clock clock, StoredIdentifiers stored,
			AuditTrail audit, UserLookup users, DomainEvents events) {
		this.events = events;
		this.stored = stored;
		this.audit = audit;
		this.users = users;
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.progress = new TransactionTemplate(transactions);
		this.progress.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.identifiers = identifiers;
		this.regions = regions;
		this.clock = clock;
	}

	/**
	 * A claimed job; {@code attempt} is the claim's number (the job's {@code attempts} when it was claimed):
	 * every write of the run names it, so a worker whose job was taken over changes nothing of the new run.
	 */
	record Job(UUID id, UUID uploadedBy, String territory, Path file, int attempt) {

		Job(UUID id, UUID uploadedBy, String territory, Path file) {
			this(id, uploadedBy, territory, file, 1);
		}
	}

	/** Thrown for a file that cannot be imported at all (no header, a required column missing). */
	static final class UnreadableFile extends RuntimeException {

		UnreadableFile(String code) {
			super(code);
		}
	}

	void run(Job job) {
		transaction.executeWithoutResult(tx -> {
			try {
				apply(job);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private void apply(Job job) throws IOException {
		long started = System.nanoTime();
		Territory territory = Territory.of(job.territory());
		// this transaction's own settings: memory for its sorts and hashes (a million staged rows stay in memory
		// instead of spilling to disk), and a larger pending list so the name index (GIN) absorbs a bulk insert
		// in few merges
		jdbc.sql("set local work_mem = '256MB'").update();
		jdbc.sql("set local maintenance_work_mem = '256MB'").update();
		jdbc.sql("set local gin_pending_list_limit = '64MB'").update();
		jdbc.sql("delete from registry_import_rejection where import_id = :id").param("id", job.id()).update();
		// kk and nik hold blind indexes; their ciphertexts are inserted, their masked forms name rejected rows
		jdbc.sql("create temp table import_row (line bigint, kk text collate \"C\", kk_cipher text, kk_shown text,"
				+ " nik text collate \"C\", nik_cipher text, nik_shown text, name text,"
				+ " name_key text, phonetic_key text, birth_place text, birth_date date, sex text, relationship text,"
				+ " village_code text collate \"C\", address text, rt text, rw text, decile smallint, disability text,"
				+ " education text, occupation text, roof text, wall text, floor text, floor_area numeric,"
				+ " electricity text,"
				+ " latrine text, drinking_water text, programmes text) on commit drop").update();
		Set<String> programmes = new HashSet<>(jdbc.sql("select code from programme where active").query(String.class).list());
		// Everything the row checks need is loaded before the COPY starts: while it runs, its connection can do
		// nothing else, and rejections go to a file that is copied in afterwards.
		Set<String> villages = regions.codes(RegionLevel.VILLAGE);
		identifiers.preloadDistricts();
		Path rejectionFile = Files.createTempFile(job.file().getParent(), job.id().toString(), ".rejections");
		Path source = job.file();
		long read = 0;
		long rejected = 0;
		Connection connection = null;
		try {
		if (XlsxFiles.isXlsx(source)) {
			source = Files.createTempFile(job.file().getParent(), job.id().toString(), ".csv");
			XlsxFiles.toCsv(job.file(), source);
		}
		connection = DataSourceUtils.getConnection(dataSource);
		try (InputStream in = Files.newInputStream(source);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
				Writer rejections = Files.newBufferedWriter(rejectionFile, StandardCharsets.UTF_8)) {
			CsvReader csv = new CsvReader(reader);
			CsvReader.Record header = csv.header();
			if (header == null) {
				throw new UnreadableFile("FILE_EMPTY");
			}
			if (header.fields().size() > XlsxFiles.MAX_COLUMNS) {
				throw new UnreadableFile("TOO_MANY_COLUMNS");
			}
			Map<String, Integer> columns = new HashMap<>();
			for (int i = 0; i < header.fields().size(); i++) {
				columns.putIfAbsent(header.fields().get(i).strip().toLowerCase(Locale.ROOT), i);
			}
			for (String required : ImportRow.REQUIRED) {
				if (!columns.containsKey(required)) {
					throw new UnreadableFile("HEADER_MISSING_" + required.toUpperCase(Locale.ROOT));
				}
			}
			ImportRow.Context context = new ImportRow.Context(columns, identifiers, stored,
					villages::contains,
					territory, programmes, identifiers::today);
			CopyIn copyIn = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("copy import_row ("
					+ ImportRow.STAGING_COLUMNS + ") from stdin (format csv)");
			// rows go to the server in 64 KiB messages, not one message per row
			PGCopyOutputStream copy = new PGCopyOutputStream(copyIn, 1 << 16);
			try {
				CsvReader.Record record;
				while (true) {
					try {
						record = csv.next();
					}
					catch (CsvReader.TooLongException tooLong) {
						throw new UnreadableFile("RECORD_TOO_LONG");
					}
					if (record == null) {
						break;
					}
					read++;
					ImportRow.Checked checked = ImportRow.check(record.line(), record.fields(), context);
					if (checked.problems().isEmpty()) {
						byte[] bytes = checked.staging().getBytes(StandardCharsets.UTF_8);
						copy.write(bytes, 0, bytes.length);
					}
					else {
						rejected++;
						reject(rejections, job.id(), record.line(), checked.problems(), stored.seal(
								String.join("\u001f", record.fields())));
					}
					if (read % PROGRESS_EVERY == 0) {
						report(job.id(), read, 0, rejected);
					}
				}
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			rejections.close();
			try (Reader rejectedRows = Files.newBufferedReader(rejectionFile, StandardCharsets.UTF_8)) {
				connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
						"copy registry_import_rejection (import_id, line, reason, raw) from stdin (format csv)", rejectedRows);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into the staging table failed", ex);
		}
		}
		finally {
			// whatever ended the run (a refused file, a dead connection, an Error), no temporary copy stays behind
			if (connection != null) {
				DataSourceUtils.releaseConnection(connection, dataSource);
			}
			Files.deleteIfExists(rejectionFile);
			if (!source.equals(job.file())) {
				Files.deleteIfExists(source);
			}
		}
		log.debug("import {}: {} rows read and staged in {} ms", job.id(), read, (System.nanoTime() - started) / 1_000_000);
		List<UUID> refusedElsewhere = new ArrayList<>();
		Applied applied = applyStaged(job, territory, refusedElsewhere);
		rejected += applied.rejected();
		long imported = jdbc.sql("select count(*) from import_row").query(Long.class).single();
		int completed = jdbc.sql("""
				update registry_import set status = 'COMPLETED', rows_read = :read, rows_imported = :imported,
				       rows_rejected = :rejected, rows_created = :created, rows_changed = :changed,
				       rows_unchanged = :unchanged, finished_at = :now, heartbeat_at = :now
				where id = :id and attempts <= :attempt""")
			.param("attempt", job.attempt())
			.param("read", read)
			.param("imported", imported)
			.param("rejected", rejected)
			.param("created", applied.created())
			.param("changed", applied.changed())
			.param("unchanged", Math.max(0, imported - applied.created() - applied.changed()))
			.param("now", Timestamp.from(clock.instant()))
			.param("id", job.id())
			.update();
		if (completed > 0) {
			events.publish(new RegistryImported(job.id(), read, applied.created(), applied.changed(),
					Math.max(0, imported - applied.created() - applied.changed()), rejected, clock.instant()));
		}
		log.info("Registry import {}: {} rows read, {} imported ({} created, {} changed), {} rejected", job.id(), read,
				imported, applied.created(), applied.changed(), rejected);
		if (!refusedElsewhere.isEmpty()) {
			// a refusal tells the uploader that a NIK is registered somewhere, and being in the registry reveals
			// poverty: the persons so probed are on the trail, each in their own processing history, and a file
			// probing many stands out to the data protection officer
			users.byId(job.uploadedBy()).ifPresent(uploader -> audit.record(new CurrentUser(
					uploader.id(), uploader.username(), uploader.displayName(), uploader.role(), uploader.territory()),
					AuditTrail.Action.SEARCH, "REGISTRY_IMPORT_REFUSED", job.id(), refusedElsewhere));
			log.warn("SECURITY import-refused-elsewhere import={} by={} persons={}", job.id(), job.uploadedBy(),
					refusedElsewhere.size());
		}
	}

	/** A rejected row for the report; {@code raw} is the row as read, encrypted (it may hold a NIK). */
	private static void reject(Writer out, UUID importId, long line, List<FieldProblem> problems,
			String raw) throws IOException {
		String reason = problems.stream().map(p -> p.field() + ": " + p.code()).distinct().collect(Collectors.joining("; "));
		out.write(importId + "," + line + "," + quoted(reason) + "," + quoted(raw) + "\n");
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private void report(UUID id, long read, long imported, long rejected) {
		progress.executeWithoutResult(tx -> jdbc.sql("""
				update registry_import set rows_read = :read, rows_imported = :imported, rows_rejected = :rejected,
				       heartbeat_at = :now where id = :id""")
			.param("read", read)
			.param("imported", imported)
			.param("rejected", rejected)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", id)
			.update());
	}

	/** What the set-based part did: rows rejected there, persons created, persons whose record changed. */
	private record Applied(long rejected, long created, long changed) {
	}

	/** The set-based part: rejections that need the whole file or the database, then the upserts. */
	private Applied applyStaged(Job job, Territory territory, List<UUID> refusedElsewhere) {
		step("1", () -> jdbc.sql("create index on import_row (nik)").update());
		step("2", () -> jdbc.sql("create index on import_row (kk)").update());
		step("3", () -> jdbc.sql("analyze import_row (nik, kk, relationship, line)").update());
		long rejected = 0;
		rejected += rejectWhere(job, "nik: NIK_REPEATED_IN_FILE", """
				select line from (select line, row_number() over (partition by nik order by line) as n from import_row) d
				where n > 1""");
		refusedElsewhere.addAll(territory.sql(jdbc, """
				select distinct p.id from import_row r join person_placement p on p.nik_index = r.nik
				where not in_territory(p.village_code)""")
			.query(UUID.class)
			.list());
		// worded as what the uploader may know: not usable here, never "registered elsewhere"
		rejected += rejectWhere(job, "nik: NIK_NOT_USABLE_HERE", """
				select r.line from import_row r join person_placement p on p.nik_index = r.nik
				where not in_territory(p.village_code)""", territory);
		// a KK number registered elsewhere tells as much: its household's members are on the trail too
		territory.sql(jdbc, """
				select distinct p.id from import_row r join household_placement h on h.kk_index = r.kk
				join person_placement p on p.household_id = h.id
				where not in_territory(h.village_code)""")
			.query(UUID.class)
			.list()
			.stream()
			.filter(id -> !refusedElsewhere.contains(id))
			.forEach(refusedElsewhere::add);
		rejected += rejectWhere(job, "no_kk: KK_NOT_USABLE_HERE", """
				select r.line from import_row r join household_placement h on h.kk_index = r.kk
				where not in_territory(h.village_code)""", territory);
		rejected += rejectWhere(job, "hubungan_keluarga: MORE_THAN_ONE_HEAD", """
				select line from (select line, row_number() over (partition by kk order by line) as n
				                  from import_row where relationship = 'HEAD') d where n > 1""");
		// a registered household keeps its one head: a new head in the file is refused unless the file also gives
		// the current head another relationship in the same family
		rejected += rejectWhere(job, "hubungan_keluarga: MORE_THAN_ONE_HEAD", """
				select r.line from import_row r
				join household h on h.kk_index = r.kk
				join person p on p.household_id = h.id and p.relationship = 'HEAD' and p.left_on is null
				where r.relationship = 'HEAD' and p.nik_index <> r.nik
				  and not exists (select 1 from import_row x where x.kk = r.kk and x.nik = p.nik_index
				                  and x.relationship <> 'HEAD')""");
		rejected += rejectWhere(job, "hubungan_keluarga: HOUSEHOLD_WITHOUT_HEAD", """
				select r.line from import_row r
				where not exists (select 1 from household h where h.kk_index = r.kk)
				  and not exists (select 1 from import_row x where x.kk = r.kk and x.relationship = 'HEAD')""");
		Timestamp now = Timestamp.from(clock.instant());
		// households: attributes come from the head's row (or the first row of a known household)
		step("4", () -> jdbc.sql("""
				create temp table import_household on commit drop as
				select distinct on (kk) kk, kk_cipher, village_code, address, rt, rw, decile, roof, wall, floor, floor_area,
				       electricity, latrine, drinking_water
				from import_row order by kk, (relationship = 'HEAD') desc, line""").update());
		// temporary tables have no statistics until analysed: without them the planner guessed a few rows and
		// chose nested loops over hundreds of thousands (minutes instead of seconds)
		jdbc.sql("analyze import_household").update();
		step("5", () -> jdbc.sql("""
				insert into registry_change (household_id, changed_at, changed_by, source, action, changes)
				select h.id, :now, :by, 'IMPORT', 'UPDATED', jsonb_strip_nulls(jsonb_build_object(
				    'villageCode', case when h.village_code is distinct from s.village_code
				                        then jsonb_build_array(h.village_code, s.village_code) end,
				    'address', case when s.address is not null and h.address is distinct from s.address
				                    then jsonb_build_array(h.address, s.address) end,
				    'rt', case when s.rt is not null and h.rt is distinct from s.rt then jsonb_build_array(h.rt, s.rt) end,
				    'rw', case when s.rw is not null and h.rw is distinct from s.rw then jsonb_build_array(h.rw, s.rw) end,
				    'welfareDecile', case when s.decile is not null and h.welfare_decile is distinct from s.decile
				                          then jsonb_build_array(h.welfare_decile, s.decile) end,
				    'conditions', case when row(h.roof, h.wall, h.floor, h.floor_area_m2, h.electricity, h.latrine, h.drinking_water)
				        is distinct from row(coalesce(s.roof, h.roof), coalesce(s.wall, h.wall), coalesce(s.floor, h.floor),
				                             coalesce(s.floor_area, h.floor_area_m2), coalesce(s.electricity, h.electricity),
				                             coalesce(s.latrine, h.latrine), coalesce(s.drinking_water, h.drinking_water))
				        then jsonb_build_array('before', 'after') end))
				from household h join import_household s on s.kk = h.kk_index
				where """ + " " + HOUSEHOLD_DIFFERS)
			.param("now", now)
			.param("by", job.uploadedBy())
			.update());
		step("6", () -> jdbc.sql("""
				update household h set village_code = s.village_code, address = coalesce(s.address, h.address),
				       rt = coalesce(s.rt, h.rt), rw = coalesce(s.rw, h.rw), welfare_decile = coalesce(s.decile, h.welfare_decile),
				       roof = coalesce(s.roof, h.roof), wall = coalesce(s.wall, h.wall), floor = coalesce(s.floor, h.floor),
				       floor_area_m2 = coalesce(s.floor_area, h.floor_area_m2),
				       electricity = coalesce(s.electricity, h.electricity), latrine = coalesce(s.latrine, h.latrine),
				       drinking_water = coalesce(s.drinking_water, h.drinking_water), version = h.version + 1,
				       updated_at = :now
				from import_household s where s.kk = h.kk_index and """ + " " + HOUSEHOLD_DIFFERS)
			.param("now", now)
			.update());
		step("7 new households", () -> jdbc.sql("""
				with created as (
				    insert into household (id, version, kk_index, kk_cipher, village_code, rt, rw, address, welfare_decile,
				                           roof, wall, floor, floor_area_m2, electricity, latrine, drinking_water,
				                           created_at, updated_at)
				    select uuidv7(), 0, s.kk, s.kk_cipher, s.village_code, s.rt, s.rw, s.address, s.decile, s.roof, s.wall, s.floor,
				           s.floor_area, s.electricity, s.latrine, s.drinking_water, :now, :now
				    from import_household s where not exists (select 1 from household h where h.kk_index = s.kk)
				    returning id, village_code)
				insert into registry_change (household_id, changed_at, changed_by, source, action, changes)
				select id, :now, :by, 'IMPORT', 'CREATED', jsonb_build_object('villageCode', jsonb_build_array(null, village_code))
				from created""")
			.param("now", now)
			.param("by", job.uploadedBy())
			.update());
		// the persons of the file the registry already holds, found once by NIK for the steps below
		step("known persons", () -> jdbc.sql("""
				create temp table import_known on commit drop as
				select r.nik, p.id as person_id from import_row r join person p on p.nik_index = r.nik""").update());
		jdbc.sql("analyze import_known").update();
		// persons: known NIKs are updated where the file differs (moving them to their KK's household), new ones added
		step("9", () -> jdbc.sql("""
				insert into registry_change (household_id, person_id, changed_at, changed_by, source, action, changes)
				select h.id, p.id, :now, :by, 'IMPORT', 'MEMBER_UPDATED', jsonb_strip_nulls(jsonb_build_object(
				    'name', case when p.name is distinct from r.name then jsonb_build_array(p.name, r.name) end,
				    'birthDate', case when p.birth_date is distinct from r.birth_date
				                      then jsonb_build_array(p.birth_date, r.birth_date) end,
				    'sex', case when p.sex is distinct from r.sex then jsonb_build_array(p.sex, r.sex) end,
				    'relationship', case when p.relationship is distinct from r.relationship
				                         then jsonb_build_array(p.relationship, r.relationship) end,
				    'household', case when p.household_id is distinct from h.id then jsonb_build_array(p.household_id, h.id) end,
				    'leftReason', case when p.left_reason is not null then jsonb_build_array(p.left_reason, null) end))
				from import_known k join person p on p.id = k.person_id join import_row r on r.nik = k.nik
				join household h on h.kk_index = r.kk
				where """ + " " + PERSON_DIFFERS)
			.param("now", now)
			.param("by", job.uploadedBy())
			.update());
		long changed = step("10", () -> jdbc.sql("""
				update person p set household_id = h.id, village_code = h.village_code, kk_index = r.kk, kk_cipher = r.kk_cipher, name = r.name, name_key = r.name_key,
				       phonetic_key = r.phonetic_key, birth_place = coalesce(r.birth_place, p.birth_place),
				       birth_date = r.birth_date, sex = r.sex, relationship = r.relationship,
				       disability = coalesce(r.disability, p.disability), education = coalesce(r.education, p.education),
				       occupation = coalesce(r.occupation, p.occupation), left_on = null, left_reason = null
				from import_known k join import_row r on r.nik = k.nik join household h on h.kk_index = r.kk
				where p.id = k.person_id and """ + " " + PERSON_DIFFERS)
			.update());
		// new persons, numbered after the members their household already has; the ids of the inserted rows are
		// kept, so that their programme memberships need no second search by NIK
		jdbc.sql("create temp table import_new_person (id uuid not null, nik text collate \"C\" not null) on commit drop")
			.update();
		step("last positions", () -> jdbc.sql("""
				create temp table import_last_position on commit drop as
				select hh.id as household_id, max(x.position) as position
				from import_household s join household hh on hh.kk_index = s.kk join person x on x.household_id = hh.id
				group by hh.id""").update());
		jdbc.sql("analyze import_last_position").update();
		long created = step("11 new persons", () -> jdbc.sql("""
				with inserted as (
				    insert into person (id, household_id, village_code, position, nik_index, nik_cipher, kk_index,
				                        kk_cipher, name, name_key, phonetic_key, birth_place, birth_date, sex, relationship, disability, education,
				                        occupation)
				    select uuidv7(), h.id, h.village_code,
				           coalesce(last.position, -1)
				             + row_number() over (partition by h.id order by (r.relationship = 'HEAD') desc, r.line),
				           r.nik, r.nik_cipher, r.kk, r.kk_cipher, r.name, r.name_key, r.phonetic_key, r.birth_place, r.birth_date, r.sex,
				           r.relationship, r.disability, r.education, r.occupation
				    from import_row r join household h on h.kk_index = r.kk
				    left join import_last_position last on last.household_id = h.id
				    where not exists (select 1 from import_known k where k.nik = r.nik)
				    returning id, nik_index)
				insert into import_new_person (id, nik) select id, nik_index from inserted""")
			.update());
		jdbc.sql("analyze import_new_person").update();
		// programme memberships the file names: a new person's are all new; a known person or household gets
		// those it does not yet hold as active
		step("memberships of new persons", () -> jdbc.sql("""
				insert into programme_membership (id, programme_code, person_id, status, source, recorded_at)
				select uuidv7(), m.code, m.person_id, 'ACTIVE', 'IMPORT', :now
				from (select distinct c.code, n.id as person_id
				      from import_new_person n join import_row r on r.nik = n.nik
				      cross join lateral unnest(string_to_array(r.programmes, '|')) as c(code)
				      join programme g on g.code = c.code and g.target = 'PERSON'
				      where r.programmes is not null) m""")
			.param("now", now)
			.update());
		step("memberships of known persons", () -> jdbc.sql("""
				insert into programme_membership (id, programme_code, person_id, status, source, recorded_at)
				select uuidv7(), m.code, m.person_id, 'ACTIVE', 'IMPORT', :now
				from (select distinct c.code, k.person_id
				      from import_known k join import_row r on r.nik = k.nik
				      cross join lateral unnest(string_to_array(r.programmes, '|')) as c(code)
				      join programme g on g.code = c.code and g.target = 'PERSON'
				      where r.programmes is not null) m
				where not exists (select 1 from programme_membership x where x.person_id = m.person_id
				                  and x.programme_code = m.code and x.status = 'ACTIVE')""")
			.param("now", now)
			.update());
		step("memberships of households", () -> jdbc.sql("""
				insert into programme_membership (id, programme_code, household_id, status, source, recorded_at)
				select uuidv7(), m.code, m.household_id, 'ACTIVE', 'IMPORT', :now
				from (select distinct c.code, h.id as household_id
				      from import_row r
				      cross join lateral unnest(string_to_array(r.programmes, '|')) as c(code)
				      join programme g on g.code = c.code and g.target = 'HOUSEHOLD'
				      join household h on h.kk_index = r.kk
				      where r.programmes is not null) m
				where not exists (select 1 from programme_membership x where x.household_id = m.household_id
				                  and x.programme_code = m.code and x.status = 'ACTIVE')""")
			.param("now", now)
			.update());
		return new Applied(rejected, created, changed);
	}

	private static final String HOUSEHOLD_DIFFERS = """
			row(h.village_code, h.address, h.rt, h.rw, h.welfare_decile, h.roof, h.wall, h.floor, h.floor_area_m2,
			    h.electricity, h.latrine, h.drinking_water)
			is distinct from
			row(s.village_code, coalesce(s.address, h.address), coalesce(s.rt, h.rt), coalesce(s.rw, h.rw),
			    coalesce(s.decile, h.welfare_decile), coalesce(s.roof, h.roof), coalesce(s.wall, h.wall),
			    coalesce(s.floor, h.floor), coalesce(s.floor_area, h.floor_area_m2), coalesce(s.electricity, h.electricity),
			    coalesce(s.latrine, h.latrine), coalesce(s.drinking_water, h.drinking_water))""";

	private static final String PERSON_DIFFERS = """
			row(p.household_id, p.kk_index, p.name, p.birth_place, p.birth_date, p.sex, p.relationship, p.disability,
			    p.education, p.occupation, p.left_on)
			is distinct from
			row(h.id, r.kk, r.name, coalesce(r.birth_place, p.birth_place), r.birth_date, r.sex, r.relationship,
			    coalesce(r.disability, p.disability), coalesce(r.education, p.education),
			    coalesce(r.occupation, p.occupation), null::date)""";

	/** Runs one SQL step and logs its duration at debug level: the phases of a large import, for tuning. */
	private int step(String name, IntSupplier sql) {
		long started = System.nanoTime();
		int rows = sql.getAsInt();
		log.debug("import step {}: {} rows in {} ms", name, rows, (System.nanoTime() - started) / 1_000_000);
		return rows;
	}

	/** Moves the staged rows that {@code lines} selects into the rejections, with {@code reason}. */
	private long rejectWhere(Job job, String reason, String lines) {
		return rejectWhere(job, reason, lines, null);
	}

	private long rejectWhere(Job job, String reason, String lines, Territory territory) {
		String sql = """
				with bad as (delete from import_row where line in (""" + lines + """
				) returning line, kk_shown, nik_shown, name, birth_date, village_code)
				insert into registry_import_rejection (import_id, line, reason, raw)
				select :id, line, :reason, concat_ws(chr(31), kk_shown, nik_shown, name, birth_date, village_code) from bad""";
		var statement = (territory == null ? jdbc.sql(sql) : territory.sql(jdbc, sql))
			.param("id", job.id())
			.param("reason", reason);
		return step(reason, statement::update);
	}
}
