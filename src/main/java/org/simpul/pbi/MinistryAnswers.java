package org.simpul.pbi;

import java.io.InputStream;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.audit.AuditTrail;
import org.simpul.pbi.DeactivationBatches.Rejection;
import org.simpul.registry.CsvReader;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.UploadedTable;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.RegionTime;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.events.ReactivationEvent.ReactivationDecided;
import org.simpul.shared.events.ReactivationEvent.ReactivationMoved;
import org.simpul.shared.workflow.DomainEvents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ministry's or BPJS' answers to the requests a district entered (DOMAIN.md §10), imported by Dinsos as a CSV
 * or XLSX file with the columns {@code NIK} and {@code Status} ({@code DISETUJUI}/{@code APPROVED}, {@code AKTIF}/
 * {@code ACTIVE}, {@code PINDAH_SEGMEN}/{@code MOVED_SEGMENT}, {@code DITOLAK}/{@code REJECTED}), {@code Segmen}
 * ({@code PBPU} or {@code PBI_APBD}) for a move and {@code Alasan} for a rejection. In one transaction per file:
 * rows are streamed, checked and staged through the registry's {@code UploadedTable}; each NIK is matched by its
 * blind index to the person's latest request of the district; the answers the status table allows (from "entered"
 * or "approved") are applied set-based with a step each and the request's events (the citizen's tracking and
 * message follow them); the same answer again counts as unchanged; a move to PBI-APBD takes a place of the
 * month's quota, in file order, and the rows beyond the places left are refused. Refused rows are kept by line and
 * column. The same file again answers the import it made.
 */
@Service
public class MinistryAnswers {

	static final long MAX_BYTES = 50L * 1024 * 1024;

	static final int MAX_REJECTIONS_KEPT = 100_000;

	/** An import as Dinsos sees it; {@code repeated}: the same file had been imported before. */
	public record AnswerImportView(UUID id, String regencyCode, String fileName, long rowsRead, long rowsApplied,
			long rowsSame, long rowsRejected, Instant importedAt, boolean repeated) {
	}

	private static final Map<String, String> STATUSES = Map.ofEntries(Map.entry("APPROVED", "APPROVED"),
			Map.entry("DISETUJUI", "APPROVED"), Map.entry("ACTIVE", "ACTIVE"), Map.entry("AKTIF", "ACTIVE"),
			Map.entry("MOVED_SEGMENT", "MOVED_SEGMENT"), Map.entry("PINDAH_SEGMEN", "MOVED_SEGMENT"),
			Map.entry("REJECTED", "REJECTED"), Map.entry("DITOLAK", "REJECTED"));

	private static final Map<String, String> SEGMENTS = Map.of("PBPU", "PBPU", "MANDIRI", "PBPU", "PBI_APBD",
			"PBI_APBD", "APBD", "PBI_APBD");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final IdentifierRules identifiers;

	private final BlindIndex index;

	private final ApbdQuota quota;

	private final FollowUps followUps;

	private final DomainEvents events;

	private final AuditTrail audit;

	private final RegionTime time;

	private final Clock clock;

	MinistryAnswers(JdbcClient jdbc, DataSource dataSource, IdentifierRules identifiers, BlindIndex index,
			ApbdQuota quota, DomainEvents events, AuditTrail audit, RegionTime time, Clock clock, FollowUps followUps) {
		this.followUps = followUps;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.identifiers = identifiers;
		this.index = index;
		this.quota = quota;
		this.events = events;
		this.audit = audit;
		this.time = time;
		this.clock = clock;
	}

	/** The district whose answers a Dinsos user records: its own, or the one a province or national user names. */
	private static String regency(CurrentUser actor, String regionCode) {
		actor.require(Action.PBI_PROCESS);
		if (!actor.districtWide()) {
			throw new AccessDeniedException("The ministry's answers are Dinsos' to record");
		}
		return actor.district(regionCode);
	}

	/** Imports a file of answers (see the class); 400 {@code file} for a file that cannot be read. */
	@Transactional
	public AnswerImportView importAnswers(CurrentUser actor, String regionCode, String fileName, InputStream content) {
		String regency = regency(actor, regionCode);
		if (content == null) {
			throw new InvalidInputException(FieldProblem.of("file", "REQUIRED"));
		}
		try (UploadedTable table = UploadedTable.receive(content, MAX_BYTES)) {
			// one answer file of a district at a time: a second request with the same file waits, then finds the first
			PbiImports.lockDistrict(jdbc, "pbi_answer", regency);
			Optional<AnswerImportView> earlier = actor.territory().sql(jdbc, SELECT
					+ " where regency_code = :regency and file_sha256 = :sha and in_territory(regency_code)")
				.param("regency", regency).param("sha", table.sha256())
				.query((rs, n) -> view(rs, true))
				.optional();
			if (earlier.isPresent()) {
				return earlier.get();
			}
			return imported(actor, regency, fileName, table);
		}
	}

	private AnswerImportView imported(CurrentUser actor, String regency, String fileName, UploadedTable table) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		LocalDate today = time.today(regency);
		String name = PbiImports.fileName(fileName);
		jdbc.sql("""
				insert into pbi_answer_import (id, regency_code, file_sha256, file_name, rows_read, rows_applied, rows_same,
				    rows_rejected, imported_by, imported_at)
				values (:id, :regency, :sha, :name, 0, 0, 0, 0, :by, :now)""")
			.param("id", id).param("regency", regency).param("sha", table.sha256()).param("name", name)
			.param("by", actor.id()).param("now", Timestamp.from(now))
			.update();
		jdbc.sql("""
				create temp table pbi_answer_row (line bigint, nik_index text collate "C", status text, segment text,
				  reason text) on commit drop""").update();
		// the NIK's region check asks the database on a miss: never while this connection is COPYing
		identifiers.preloadDistricts();
		UploadedTable.Staged staged = table.stage(dataSource,
				"copy pbi_answer_row (line, nik_index, status, segment, reason) from stdin (format csv)",
				"copy pbi_answer_rejection (import_id, line, field, code) from stdin (format csv)", id, MAX_REJECTIONS_KEPT,
				new UploadedTable.Rows() {
					Integer nik;

					Integer status;

					Integer segment;

					Integer reason;

					@Override
					public void columns(Map<String, Integer> columns) {
						nik = columns.get("nik");
						status = columns.get("status");
						segment = columns.containsKey("segmen") ? columns.get("segmen") : columns.get("segment");
						reason = columns.containsKey("alasan") ? columns.get("alasan") : columns.get("reason");
						if (nik == null || status == null) {
							throw new InvalidInputException(FieldProblem.of("file", "ANSWER_HEADER_MISSING"));
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
						String statusText = UploadedTable.cell(record, status).toUpperCase(Locale.ROOT).replace(' ', '_');
						String answer = STATUSES.get(statusText);
						if (statusText.isEmpty()) {
							problems.put("Status", "REQUIRED");
						}
						else if (answer == null) {
							problems.put("Status", "INVALID_VALUE");
						}
						String segmentText = segment == null ? ""
								: UploadedTable.cell(record, segment).toUpperCase(Locale.ROOT).replace('-', '_');
						String moved = SEGMENTS.get(segmentText);
						if ("MOVED_SEGMENT".equals(answer) && moved == null) {
							problems.put("Segmen", segmentText.isEmpty() ? "REQUIRED" : "INVALID_VALUE");
						}
						String why = reason == null ? "" : UploadedTable.cell(record, reason);
						if ("REJECTED".equals(answer) && why.isEmpty()) {
							problems.put("Alasan", "REQUIRED");
						}
						else if (why.length() > 2000) {
							problems.put("Alasan", "LENGTH_OUT_OF_RANGE");
						}
						if (!problems.isEmpty()) {
							return null;
						}
						return record.line() + "," + index.of(BlindIndex.Kind.NIK, nikText.replaceAll("\\D", "")) + ","
								+ answer + "," + ("MOVED_SEGMENT".equals(answer) ? moved : "") + ","
								+ ("REJECTED".equals(answer) ? UploadedTable.quoted(why) : "");
					}
				});
		long twice = jdbc.sql("""
				with later as (
				  delete from pbi_answer_row r using (
				    select line from (select line, row_number() over (partition by nik_index order by line) as n
				                      from pbi_answer_row) numbered where n > 1) d
				  where r.line = d.line returning r.line)
				insert into pbi_answer_rejection (import_id, line, field, code)
				select :id, line, 'NIK', 'DUPLICATE_IN_FILE' from later""")
			.param("id", id).update();
		// each line's person, by the NIK's blind index, and their latest request of the district
		jdbc.sql("""
				create temp table pbi_answer_match on commit drop as
				select a.line, a.status as next, nullif(a.segment, '') as segment, nullif(a.reason, '') as reason,
				       q.id, q.status as current, q.segment as current_segment, q.village_code, q.person_id,
				       q.complaint_id,
				       case when q.id is null then 'NO_REQUEST_WAITING'
				            when q.status = a.status and coalesce(q.segment, '') = coalesce(nullif(a.segment, ''), '')
				                then 'SAME'
				            when q.status = 'ENTERED' and a.status in ('APPROVED', 'ACTIVE', 'MOVED_SEGMENT', 'REJECTED')
				                then 'APPLY'
				            when q.status = 'APPROVED' and a.status in ('ACTIVE', 'MOVED_SEGMENT', 'REJECTED') then 'APPLY'
				            else 'ANSWER_NOT_ALLOWED' end as outcome
				from pbi_answer_row a
				left join lateral (
				  select r.id, r.status, r.segment, r.village_code, r.person_id, r.complaint_id
				  from person_placement p join pbi_reactivation r on r.person_id = p.id
				  where p.nik_index = a.nik_index and r.village_code like :within
				    and r.status <> 'WITHDRAWN'
				  order by r.created_at desc limit 1) q on true""")
			.param("within", regency + ".%").update();
		// the requests to answer, locked in id order (a decision by hand on one of them waits, or is waited for),
		// then checked again: one decided meanwhile is not answered twice
		jdbc.sql("""
				select count(*) from (select r.id from pbi_reactivation r join pbi_answer_match m on m.id = r.id
				                      where m.outcome = 'APPLY' order by r.id for update of r) locked""")
			.query(Long.class).single();
		jdbc.sql("""
				update pbi_answer_match m set outcome = 'ANSWER_NOT_ALLOWED' from pbi_reactivation r
				where r.id = m.id and m.outcome = 'APPLY' and r.status <> m.current""").update();
		// district-paid places: in file order, while the month's quota has places left
		long left = quota.leftLocked(regency, today);
		jdbc.sql("""
				update pbi_answer_match m set outcome = 'QUOTA_EXHAUSTED' from (
				  select line, row_number() over (order by line) as n from pbi_answer_match
				  where outcome = 'APPLY' and segment = 'PBI_APBD') numbered
				where m.line = numbered.line and numbered.n > :left""")
			.param("left", left).update();
		jdbc.sql("""
				insert into pbi_answer_rejection (import_id, line, field, code)
				select :id, line, case outcome when 'QUOTA_EXHAUSTED' then 'Segmen' when 'ANSWER_NOT_ALLOWED' then 'Status'
				                   else 'NIK' end, outcome
				from pbi_answer_match where outcome not in ('APPLY', 'SAME')""")
			.param("id", id).update();
		record Applied(UUID id, String villageCode, UUID personId, UUID complaintId, String next, String segment,
				String reason) {
		}
		List<Applied> applied = jdbc.sql("""
				with applied as (
				  update pbi_reactivation r set status = m.next,
				         segment = case when m.next = 'MOVED_SEGMENT' then m.segment end,
				         reason = case when m.next = 'REJECTED' then m.reason end,
				         decided_on = case when m.next = 'APPROVED' then null else cast(:today as date) end,
				         updated_at = :now, version = r.version + 1
				  from pbi_answer_match m where m.outcome = 'APPLY' and r.id = m.id and r.status = m.current
				  returning r.id, r.village_code, r.person_id, r.complaint_id, r.status as next, r.segment, r.reason),
				stepped as (
				  insert into pbi_reactivation_step (reactivation_id, status, at, by_user, note)
				  select a.id, a.next, :now, :by, case a.next when 'MOVED_SEGMENT' then a.segment when 'REJECTED' then a.reason end
				  from applied a
				  returning reactivation_id)
				select a.id, a.village_code, a.person_id, a.complaint_id, a.next, a.segment, a.reason from applied a""")
			.param("today", Date.valueOf(today)).param("now", Timestamp.from(now)).param("by", actor.id())
			.query(Applied.class).list();
		followUps.open(applied.stream().map(Applied::id).toList(), today);
		for (Applied a : applied) {
			events.publish(a.next().equals("APPROVED")
					? new ReactivationMoved(a.id(), a.villageCode(), a.personId(), a.complaintId(), a.next(), null,
							actor.id(), now)
					: new ReactivationDecided(a.id(), a.villageCode(), a.personId(), a.complaintId(), a.next(), a.segment(),
							a.reason(), actor.id(), now));
		}
		long same = jdbc.sql("select count(*) from pbi_answer_match where outcome = 'SAME'").query(Long.class).single();
		long rejected = staged.rejected() + twice + jdbc.sql("""
				select count(*) from pbi_answer_match where outcome not in ('APPLY', 'SAME')""").query(Long.class).single();
		jdbc.sql("""
				update pbi_answer_import set rows_read = :read, rows_applied = :applied, rows_same = :same,
				       rows_rejected = :rejected where id = :id""")
			.param("read", staged.read()).param("applied", applied.size()).param("same", same)
			.param("rejected", rejected).param("id", id)
			.update();
		// the persons the file changed, a thousand to a record
		List<UUID> persons = applied.stream().map(Applied::personId).toList();
		for (int from = 0; from == 0 || from < persons.size(); from += 1000) {
			audit.record(actor, AuditTrail.Action.CREATE, "PBI_ANSWER_IMPORT", id,
					persons.subList(from, Math.min(persons.size(), from + 1000)));
		}
		return new AnswerImportView(id, regency, name, staged.read(), applied.size(), same, rejected, now, false);
	}

	private static final String SELECT = """
			select id, regency_code, file_name, rows_read, rows_applied, rows_same, rows_rejected, imported_at
			from pbi_answer_import""";

	private static AnswerImportView view(ResultSet rs, boolean repeated) throws SQLException {
		return new AnswerImportView(rs.getObject("id", UUID.class), rs.getString("regency_code"),
				rs.getString("file_name"), rs.getLong("rows_read"), rs.getLong("rows_applied"), rs.getLong("rows_same"),
				rs.getLong("rows_rejected"), rs.getTimestamp("imported_at").toInstant(), repeated);
	}

	/** One import of the user's territory. */
	@Transactional(readOnly = true)
	public Optional<AnswerImportView> get(CurrentUser actor, UUID id) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, SELECT + " where id = :id and in_territory(regency_code)")
			.param("id", id)
			.query((rs, n) -> view(rs, false))
			.optional();
	}

	/** The answer files of the districts the user's territory holds, newest first. */
	@Transactional(readOnly = true)
	public List<AnswerImportView> recent(CurrentUser actor) {
		actor.require(Action.PBI_READ);
		return actor.territory().sql(jdbc, SELECT + " where in_territory(regency_code) order by imported_at desc limit 20")
			.query((rs, n) -> view(rs, false))
			.list();
	}

	/** An import's refused rows, by line (404 for an import outside the user's territory). */
	@Transactional(readOnly = true)
	public PageResponse<Rejection> rejections(CurrentUser actor, UUID id, PageRequest page) {
		get(actor, id).orElseThrow(() -> new NotFoundException("Answer import"));
		return PbiImports.rejections(jdbc, "pbi_answer_rejection", "import_id", id, page);
	}
}
