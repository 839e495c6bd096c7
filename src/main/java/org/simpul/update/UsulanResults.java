package org.simpul.update;

import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.registry.Conditions;
import org.simpul.registry.CsvReader;
import org.simpul.registry.HouseholdChanges;
import org.simpul.registry.HouseholdChanges.HouseholdChange;
import org.simpul.registry.HouseholdMembers;
import org.simpul.registry.HouseholdMembers.Departure;
import org.simpul.registry.HouseholdMembers.PersonCorrection;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.HouseholdRegistration;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.NewHousehold;
import org.simpul.registry.PersonAttributes.LeaveReason;
import org.simpul.registry.RegistryResults;
import org.simpul.registry.RegistryResults.Ranked;
import org.simpul.registry.Relationship;
import org.simpul.registry.Sex;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.UploadedTable;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.database.DatabaseFailures;
import org.simpul.shared.workflow.DomainEvents;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Status;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The ministry's result list for a district (DOMAIN.md §9 "what comes back"), imported by Dinsos: a CSV or XLSX
 * file with a row per person ({@code NIK}) or household ({@code No_KK}): {@code Hasil} (included, not included,
 * excluded), {@code Desil} (1–10, for an included one), {@code Kode_Exclude} and {@code Alasan}. In one
 * transaction per file:
 * <ol>
 * <li>the file is streamed (bounded memory, XLSX guarded against ZIP bombs and converted to CSV first), each row
 * checked, the good ones COPYed into a staging table, the others kept as rejections by line;</li>
 * <li>the district's usulan sent to the ministry are found by the rows' NIK or KK blind index (a new family's own,
 * or the registry's for an usulan about a registered person or household) and decided through the
 * {@link Usulan} aggregate, each with its registry change: an included new family or member is registered, an
 * included change of data applied, an excluded removal ends the membership (a change the registry refuses
 * leaves the usulan sent and rejects the row, naming why);</li>
 * <li>every included row sets the desil of the household it names, set-based, with the registry's history;</li>
 * <li>a row that names neither an usulan nor anybody registered in the district is rejected.</li>
 * </ol>
 * A file imported before (the same bytes, by SHA-256) answers the earlier import and changes nothing; a
 * different file with the same rows changes nothing either (decided usulan are not sent any more, and a desil
 * already set is no change). The citizen who asked follows the result through the usulan's events.
 */
@Service
public class UsulanResults {

	static final long MAX_BYTES = 200L * 1024 * 1024;

	/** Rows handed to the registry per statement. */
	static final int SLICE = 5_000;

	/** The rejections kept per import (all are counted). */
	static final int MAX_REJECTIONS_KEPT = 100_000;

	static final int MAX_REASON = 500;

	/** An import: where it stands when done. {@code repeated}: the same file had been imported before. */
	public record ImportView(UUID id, String regencyCode, String fileName, long rowsRead, long rowsRejected,
			int usulanDecided, int familiesEntered, long householdsChanged, Instant importedAt, boolean repeated) {
	}

	/** A rejected row: its line in the file (the header is line 1), the column, the reason's code and message key. */
	public record Rejection(long line, String field, String code, String messageKey) {
	}

	/** A row refused after staging: its line, the column, the reason's code. */
	private record Rejected(long line, String field, String code) {
	}

	/** A sent usulan a row decides. */
	record Match(UUID usulanId, long line, Status result, Integer desil, String code, String reason) {
	}

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final TransactionTemplate nested;

	private final BlindIndex index;

	private final IdentifierRules identifiers;

	private final UsulanStore store;

	private final DomainEvents events;

	private final RegistryResults registry;

	private final HouseholdRegistration registration;

	private final HouseholdMembers members;

	private final HouseholdChanges householdChanges;

	private final HouseholdQueries households;

	private final Clock clock;

	UsulanResults(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, BlindIndex index,
			IdentifierRules identifiers, UsulanStore store, DomainEvents events, RegistryResults registry,
			HouseholdRegistration registration, HouseholdMembers members, HouseholdChanges householdChanges,
			HouseholdQueries households, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.nested = new TransactionTemplate(transactions);
		this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.index = index;
		this.identifiers = identifiers;
		this.store = store;
		this.events = events;
		this.registry = registry;
		this.registration = registration;
		this.members = members;
		this.householdChanges = householdChanges;
		this.households = households;
		this.clock = clock;
	}

	/** The district a Dinsos user imports for: their own, or the one a province or national user names. */
	static String regency(CurrentUser actor, String regionCode) {
		actor.require(Action.USULAN_VERIFY);
		if (!Usulans.districtWide(actor)) {
			throw new AccessDeniedException("Result lists are Dinsos' to import");
		}
		return actor.district(regionCode);
	}

	/** Imports a result list (see the class); 400 naming {@code file} for a file that cannot be read at all. */
	@Transactional
	public ImportView importFile(CurrentUser actor, String regionCode, String fileName, InputStream content) {
		String regency = regency(actor, regionCode);
		try (UploadedTable table = UploadedTable.receive(content, MAX_BYTES)) {
			// one import of a district at a time: a second request with the same file waits, then finds the first
			// (a while: a long import of the same district answers 409 rather than hold this request's connection)
			jdbc.sql("set local lock_timeout = '20s'").update();
			try {
				jdbc.sql("select count(*) from (select pg_advisory_xact_lock(hashtextextended('usulan_result:' || :regency, 0))) l")
					.param("regency", regency).query(Long.class).single();
			}
			catch (PessimisticLockingFailureException busy) {
				throw new ConflictException(FieldProblem.of("file", "IMPORT_RUNNING"));
			}
			jdbc.sql("set local lock_timeout = 0").update();
			Optional<ImportView> earlier = find(actor, regency, table.sha256());
			if (earlier.isPresent()) {
				ImportView seen = earlier.get();
				return new ImportView(seen.id(), seen.regencyCode(), seen.fileName(), seen.rowsRead(), seen.rowsRejected(),
						seen.usulanDecided(), seen.familiesEntered(), seen.householdsChanged(), seen.importedAt(), true);
			}
			return imported(actor, regency, fileName, table);
		}
	}

	private ImportView imported(CurrentUser actor, String regency, String fileName, UploadedTable table) {
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String cleaned = fileName == null ? null : fileName.replaceAll("\\p{Cntrl}", "").strip();
		String name = cleaned == null || cleaned.isEmpty() ? null : cleaned.substring(0, Math.min(200, cleaned.length()));
		jdbc.sql("""
				insert into usulan_result_import (id, regency_code, file_sha256, file_name, rows_read, rows_rejected,
				    usulan_decided, families_entered, households_changed, imported_by, imported_at)
				values (:id, :regency, :sha, :name, 0, 0, 0, 0, 0, :by, :now)""")
			.param("id", id).param("regency", regency).param("sha", table.sha256()).param("name", name).param("by", actor.id())
			.param("now", Timestamp.from(now))
			.update();
		jdbc.sql("set local work_mem = '128MB'").update();
		jdbc.sql("""
				create temp table result_row (line bigint, nik_index text collate "C", kk_index text collate "C",
				  result text, desil smallint, code text, reason text) on commit drop""").update();
		UploadedTable.Staged staged = stage(id, table);
		jdbc.sql("create index on result_row (line)").update();
		jdbc.sql("analyze result_row").update();

		// the usulan the rows decide, each with its registry change
		Set<Long> used = new HashSet<>();
		Set<Long> refusedLines = new HashSet<>();
		List<Rejected> rejections = new ArrayList<>();
		int decided = 0;
		int entered = 0;
		for (Match match : matches(actor, regency)) {
			used.add(match.line());
			try {
				boolean newFamily = nested.execute(tx -> decide(actor, match, id));
				decided++;
				entered += newFamily ? 1 : 0;
			}
			catch (InvalidInputException refused) {
				// the registry's own reason when it has one the page can say (a head who leaves names a new one)
				rejections.add(new Rejected(match.line(), "usulan", refused.problems().getFirst().code()));
				refusedLines.add(match.line());
			}
			catch (RuntimeException refused) {
				if (DatabaseFailures.unavailable(refused)) {
					throw refused;
				}
				// whatever else the registry refused for this usulan stays with it: the file goes on without it
				rejections.add(new Rejected(match.line(), "usulan", "REGISTRY_REFUSED"));
				refusedLines.add(match.line());
			}
		}
		// every row's desil, slice by slice (but a row whose usulan the registry refused: it is rejected whole); a
		// row that names nobody (and no usulan) is rejected
		long changed = 0;
		long after = 0;
		long notFound = 0;
		while (true) {
			record Row(long line, String nikIndex, String kkIndex, String result, Integer desil) {
			}
			List<Row> slice = jdbc.sql("""
					select line, nik_index, kk_index, result, desil from result_row where line > :after
					  and not (line = any(cast(:refused as bigint[])))
					order by line limit :slice""")
				.param("after", after).param("slice", SLICE).param("refused", refusedLines.toArray(Long[]::new))
				.query(Row.class)
				.list();
			if (slice.isEmpty()) {
				break;
			}
			after = slice.getLast().line();
			RegistryResults.Applied applied = registry.apply(actor, regency, "USULAN_RESULT:" + id, slice.stream()
				.map(r -> new Ranked(r.nikIndex(), r.kkIndex(), "INCLUDED".equals(r.result()) ? r.desil() : null))
				.toList());
			changed += applied.householdsChanged();
			for (int i = 0; i < slice.size(); i++) {
				if (!applied.found().contains(i) && !used.contains(slice.get(i).line())) {
					notFound++;
					if (staged.kept() + rejections.size() < MAX_REJECTIONS_KEPT) {
						rejections.add(new Rejected(slice.get(i).line(), slice.get(i).nikIndex() != null ? "NIK" : "No_KK",
								"RESULT_NOBODY"));
					}
				}
			}
		}
		if (!rejections.isEmpty()) {
			// one statement for all of them (at most MAX_REJECTIONS_KEPT), as arrays
			jdbc.sql("""
					insert into usulan_result_rejection (import_id, line, field, code)
					select :id, r.line, r.field, r.code
					from unnest(cast(:lines as bigint[]), cast(:fields as text[]), cast(:codes as text[])) as r(line, field, code)
					on conflict do nothing""")
				.param("id", id)
				.param("lines", rejections.stream().map(Rejected::line).toArray(Long[]::new))
				.param("fields", rejections.stream().map(Rejected::field).toArray(String[]::new))
				.param("codes", rejections.stream().map(Rejected::code).toArray(String[]::new))
				.update();
		}
		long rejected = staged.rejected() + notFound + refusedLines.size();
		jdbc.sql("""
				update usulan_result_import set rows_read = :read, rows_rejected = :rejected, usulan_decided = :decided,
				       families_entered = :entered, households_changed = :changed where id = :id""")
			.param("read", staged.read()).param("rejected", rejected).param("decided", decided).param("entered", entered)
			.param("changed", changed).param("id", id)
			.update();
		return new ImportView(id, regency, name, staged.read(), rejected, decided, entered, changed, now, false);
	}

	/** The file's rows, checked, into {@code result_row}; the refused ones by line and column. */
	private UploadedTable.Staged stage(UUID id, UploadedTable table) {
		// the identifiers' region check asks the database on a miss: never while this connection is COPYing
		identifiers.preloadDistricts();
		return table.stage(dataSource,
				"copy result_row (line, nik_index, kk_index, result, desil, code, reason) from stdin (format csv)",
				"copy usulan_result_rejection (import_id, line, field, code) from stdin (format csv)", id,
				MAX_REJECTIONS_KEPT, new UploadedTable.Rows() {
					private Integer nik;

					private Integer kk;

					private Integer result;

					private Integer desil;

					private Integer code;

					private Integer reason;

					@Override
					public void columns(Map<String, Integer> columns) {
						nik = columns.get("nik");
						kk = columns.containsKey("no_kk") ? columns.get("no_kk") : columns.get("kk");
						result = columns.get("hasil");
						desil = columns.get("desil");
						code = columns.containsKey("kode_exclude") ? columns.get("kode_exclude") : columns.get("kode");
						reason = columns.get("alasan");
						if (result == null || (nik == null && kk == null)) {
							throw new InvalidInputException(FieldProblem.of("file", "RESULT_HEADER_MISSING"));
						}
					}

					@Override
					public String row(CsvReader.Record record, Map<String, String> problems) {
						String nikText = field(record, nik);
						String kkText = field(record, kk);
						if (nikText.isEmpty() && kkText.isEmpty()) {
							problems.put(nik != null ? "NIK" : "No_KK", "REQUIRED");
						}
						if (!nikText.isEmpty() && !identifiers.nikProblems(nikText).isEmpty()) {
							problems.put("NIK", identifiers.nikProblems(nikText).getFirst().name());
						}
						if (!kkText.isEmpty() && !identifiers.kkProblems(kkText).isEmpty()) {
							problems.put("No_KK", identifiers.kkProblems(kkText).getFirst().name());
						}
						Status outcome = outcome(field(record, result));
						if (outcome == null) {
							problems.put("Hasil", "RESULT_UNKNOWN");
						}
						Integer decile = null;
						String desilText = field(record, desil);
						if (!desilText.isEmpty()) {
							try {
								decile = Integer.valueOf(desilText);
							}
							catch (NumberFormatException ex) {
								decile = -1;
							}
							if (decile < 1 || decile > 10) {
								problems.put("Desil", "DECILE_OUT_OF_RANGE");
							}
						}
						else if (outcome == Status.INCLUDED) {
							problems.put("Desil", "REQUIRED");
						}
						String exclusion = field(record, code);
						if (outcome == Status.EXCLUDED && exclusion.isEmpty()) {
							problems.put("Kode_Exclude", "REQUIRED");
						}
						String why = field(record, reason);
						if (why.length() > MAX_REASON || exclusion.length() > 100) {
							problems.put(why.length() > MAX_REASON ? "Alasan" : "Kode_Exclude", "TEXT_TOO_LONG");
						}
						if (!problems.isEmpty()) {
							return null;
						}
						return record.line() + "," + (nikText.isEmpty() ? "" : index.of(BlindIndex.Kind.NIK, nikText)) + ","
								+ (kkText.isEmpty() || !nikText.isEmpty() ? "" : index.of(BlindIndex.Kind.KK, kkText)) + ","
								+ outcome.name() + "," + (decile == null ? "" : decile) + "," + quoted(exclusion) + ","
								+ quoted(why);
					}
				});
	}

	private static String field(CsvReader.Record record, Integer column) {
		// NUL and other control characters have no place in a result and are not stored
		return UploadedTable.cell(record, column);
	}

	private static String quoted(String text) {
		return UploadedTable.quoted(text);
	}

	/** The result a cell names, in the ministry's words or Simpul's; null when it names none. */
	static Status outcome(String text) {
		String word = text.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
		return switch (word) {
			case "INCLUDED", "MASUK", "TERMASUK", "MASUK DTSEN", "LAYAK" -> Status.INCLUDED;
			case "NOT INCLUDED", "TIDAK MASUK", "TIDAK TERMASUK", "TIDAK LAYAK" -> Status.NOT_INCLUDED;
			case "EXCLUDED", "EXCLUDE", "DIKELUARKAN", "KELUAR" -> Status.EXCLUDED;
			default -> null;
		};
	}

	/**
	 * The district's sent usulan that rows name (none about a person under a restriction of processing): a new
	 * family or member only by its own NIK or KK number (never by the household it joins); an usulan about a
	 * person by that person's NIK; one about a household (a registered household entering DTSEN as it is, too) by its
	 * KK number or a member's NIK. The last row about an
	 * usulan decides it.
	 */
	private List<Match> matches(CurrentUser actor, String regency) {
		return actor.territory().sql(jdbc, """
				with sent as (
				  select u.id, u.kind, u.nik_index, u.kk_index, u.person_id, u.household_id from usulan u
				  where u.status = 'SENT' and in_territory(u.village_code) and u.village_code like :within
				""" + UsulanQueries.NOT_RESTRICTED + """
				),
				by_nik as (
				  select id, nik_index as nik from sent where kind = 'ENTER' and nik_index is not null
				  union select s.id, p.nik_index from sent s join person_placement p on p.id = s.person_id
				    where s.kind <> 'ENTER'
				  union select s.id, p.nik_index from sent s join person_placement p on p.household_id = s.household_id
				    where s.person_id is null and (s.kind <> 'ENTER' or s.nik_index is null)),
				by_kk as (
				  select id, kk_index as kk from sent where kind = 'ENTER' and kk_index is not null
				  union select s.id, h.kk_index from sent s join household_placement h on h.id = s.household_id
				    where s.person_id is null and (s.kind <> 'ENTER' or s.nik_index is null)),
				found as (
				  select n.id, r.* from by_nik n join result_row r on r.nik_index = n.nik
				  union all
				  select k.id, r.* from by_kk k join result_row r on r.kk_index = k.kk)
				select distinct on (id) id, line, result, desil, code, reason from found order by id, line desc""")
			.param("within", regency + ".%")
			.query((rs, n) -> new Match(rs.getObject("id", UUID.class), rs.getLong("line"),
					Status.valueOf(rs.getString("result")), (Integer) rs.getObject("desil"), blank(rs.getString("code")),
					blank(rs.getString("reason"))))
			.list();
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	/** Decides one usulan and makes its registry change; answers whether a new family was registered. */
	private boolean decide(CurrentUser actor, Match match, UUID importId) {
		Usulan usulan = store.lock(match.usulanId()).orElseThrow(() -> new NotFoundException("Usulan"));
		if (usulan.status() != Status.SENT) {
			throw new ConflictException(FieldProblem.of("status", "USULAN_NOT_SENT"));
		}
		boolean newFamily = false;
		JsonNode changes = UsulanChanges.JSON.readTree(usulan.changes()).path("changes");
		String source = "USULAN:" + usulan.id();
		if (match.result() == Status.INCLUDED && usulan.kind() == Kind.ENTER) {
			List<NewHousehold.Member> newcomers = new ArrayList<>();
			for (JsonNode m : changes.path("members")) {
				newcomers.add(new NewHousehold.Member(null, text(m, "nik"), null, text(m, "name"), text(m, "birthPlace"),
						m.hasNonNull("birthDate") ? LocalDate.parse(m.get("birthDate").asString()) : null,
						m.hasNonNull("sex") ? Sex.valueOf(m.get("sex").asString()) : null,
						m.hasNonNull("relationship") ? Relationship.valueOf(m.get("relationship").asString()) : null,
						null, null, null, null, List.of()));
			}
			if (usulan.householdId() == null) {
				JsonNode h = changes.path("household");
				registration.register(actor, new NewHousehold(null, text(h, "kkNumber"), usulan.villageCode(), text(h, "rt"),
						text(h, "rw"), text(h, "address"), match.desil(), conditions(new HashMap<>(), changes.path("conditions")),
						newcomers, List.of()), source);
				newFamily = true;
			}
			else {
				for (NewHousehold.Member newcomer : newcomers) {
					registration.addMember(actor, usulan.householdId(), newcomer);
				}
			}
		}
		else if (match.result() == Status.INCLUDED && usulan.kind() == Kind.CHANGE) {
			if (usulan.householdId() != null && HOUSE_FIELDS.stream().anyMatch(changes::has)) {
				applyChange(actor, usulan.householdId(), changes);
			}
			if (usulan.personId() != null && PERSON_FIELDS.stream().anyMatch(changes::has)) {
				members.correct(actor, usulan.personId(), new PersonCorrection(text(changes, "name"),
						changes.hasNonNull("birthDate") ? LocalDate.parse(changes.get("birthDate").asString()) : null,
						changes.hasNonNull("sex") ? Sex.valueOf(changes.get("sex").asString()) : null,
						changes.hasNonNull("relationship") ? Relationship.valueOf(changes.get("relationship").asString())
								: null), source);
			}
		}
		else if (match.result() == Status.EXCLUDED && usulan.kind() == Kind.REMOVE && usulan.personId() != null
				&& Set.of("DIED", "MOVED").contains(changes.path("removalReason").asString(""))) {
			// who died or moved away leaves the family; one excluded as able, a wage earner or not found still
			// lives there: the usulan records the ministry's exclusion, the family stays as it is
			LeaveReason why = changes.path("removalReason").asString("").equals("DIED") ? LeaveReason.DIED
					: LeaveReason.MOVED_AWAY;
			members.leave(actor, usulan.personId(), new Departure(why, identifiers.today(usulan.villageCode()), null), source);
		}
		usulan.decide(match.result(), match.result() == Status.INCLUDED ? match.desil() : null, match.code(),
				match.reason() == null ? "Hasil " + importId : match.reason(), actor.id(), clock.instant());
		store.save(usulan);
		events.publish(usulan);
		return newFamily;
	}

	/** What a CHANGE may change of the household, and of a person. */
	private static final List<String> HOUSE_FIELDS = List.of("address", "rt", "rw", "conditions");

	private static final List<String> PERSON_FIELDS = List.of("name", "birthDate", "sex", "relationship");

	private static String text(JsonNode node, String field) {
		String value = node.path(field).asString("");
		return value.isBlank() ? null : value;
	}

	/** An included change of data: the household as it is, with the usulan's address and conditions over it. */
	private void applyChange(CurrentUser actor, UUID householdId, JsonNode changes) {
		HouseholdView now = households.household(actor, householdId).orElseThrow(() -> new NotFoundException("Household"));
		Conditions next = conditions(new HashMap<>(now.conditions().byField()), changes.path("conditions"));
		householdChanges.change(actor, householdId, "*", new HouseholdChange(now.villageCode(),
				changes.hasNonNull("rt") ? changes.get("rt").asString() : now.rt(),
				changes.hasNonNull("rw") ? changes.get("rw").asString() : now.rw(),
				changes.hasNonNull("address") ? changes.get("address").asString() : now.address(), now.welfareDecile(), next));
	}

	/** The house conditions {@code known}, with the usulan's {@code found} over them (codes as the registry names them). */
	private static Conditions conditions(Map<String, String> known, JsonNode found) {
		found.properties().forEach(e -> known.put(e.getKey(), e.getValue().asString()));
		return new Conditions(
				value(known, "roof", Conditions.Roof.class), value(known, "wall", Conditions.Wall.class),
				value(known, "floor", Conditions.Floor.class),
				known.get("floorAreaM2") == null ? null : new BigDecimal(known.get("floorAreaM2")),
				value(known, "electricity", Conditions.Electricity.class),
				value(known, "latrine", Conditions.Latrine.class),
				value(known, "drinkingWater", Conditions.DrinkingWater.class));
	}

	private static <E extends Enum<E>> E value(Map<String, String> fields, String name, Class<E> type) {
		String code = fields.get(name);
		return code == null ? null : Enum.valueOf(type, code);
	}

	private Optional<ImportView> find(CurrentUser actor, String regency, String sha) {
		return actor.territory().sql(jdbc, SELECT + " where regency_code = :regency and file_sha256 = :sha"
				+ " and in_territory(regency_code)")
			.param("regency", regency).param("sha", sha)
			.query((rs, n) -> view(rs))
			.optional();
	}

	private static final String SELECT = """
			select id, regency_code, file_name, rows_read, rows_rejected, usulan_decided, families_entered,
			       households_changed, imported_at from usulan_result_import""";

	private static ImportView view(java.sql.ResultSet rs) throws SQLException {
		return new ImportView(rs.getObject("id", UUID.class), rs.getString("regency_code"), rs.getString("file_name"),
				rs.getLong("rows_read"), rs.getLong("rows_rejected"), rs.getInt("usulan_decided"),
				rs.getInt("families_entered"), rs.getLong("households_changed"),
				rs.getTimestamp("imported_at").toInstant(), false);
	}

	/** One import of the user's territory. */
	@Transactional(readOnly = true)
	public Optional<ImportView> get(CurrentUser actor, UUID id) {
		actor.require(Action.USULAN_READ);
		return actor.territory().sql(jdbc, SELECT + " where id = :id and in_territory(regency_code)")
			.param("id", id)
			.query((rs, n) -> view(rs))
			.optional();
	}

	/** The imports of the user's territory, newest first. */
	@Transactional(readOnly = true)
	public List<ImportView> recent(CurrentUser actor) {
		actor.require(Action.USULAN_READ);
		return actor.territory().sql(jdbc, SELECT + " where in_territory(regency_code) order by imported_at desc limit 20")
			.query((rs, n) -> view(rs))
			.list();
	}

	/** An import's rejected rows, by line (404 for an import outside the user's territory). */
	@Transactional(readOnly = true)
	public PageResponse<Rejection> rejections(CurrentUser actor, UUID id, PageRequest page) {
		get(actor, id).orElseThrow(() -> new NotFoundException("Import"));
		long total = jdbc.sql("select count(*) from usulan_result_rejection where import_id = :id").param("id", id)
			.query(Long.class).single();
		List<Rejection> rows = jdbc.sql("""
				select line, field, code from usulan_result_rejection where import_id = :id
				order by line, field limit :limit offset :offset""")
			.param("id", id).param("limit", page.size()).param("offset", (long) page.page() * page.size())
			.query((rs, n) -> new Rejection(rs.getLong("line"), rs.getString("field"), rs.getString("code"),
					"problem." + rs.getString("code")))
			.list();
		return PageResponse.of(rows, page, total);
	}
}
