package org.simpul.update;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.simpul.registry.IdentifierProblem;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.Nik;
import org.simpul.registry.Sex;
import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The integrity checks an usulan must pass before the village submits it (DOMAIN.md §9: the ministry returns
 * usulan that fail them). Each failure names the usulan and the field, as {@code changes.members[1].nik}:
 * <ul>
 * <li>required attributes: a new family's KK number, address, RT and RW, and exactly one head; each new
 * member's NIK, name, birth date, sex and relationship; a removal's reason, a programme's name;</li>
 * <li>NIK consistent with the birth date and sex given ({@code NIK_BIRTH_DATE_MISMATCH},
 * {@code NIK_SEX_MISMATCH});</li>
 * <li>one person, one record: a new member already registered ({@code PERSON_IN_TWO_FAMILIES}), a NIK twice in
 * one family or in two usulan of the same set ({@code PERSON_IN_TWO_USULAN}); a new family's KK number in two
 * usulan ({@code KK_IN_TWO_USULAN});</li>
 * <li>a family is a set of persons: a new family's KK number already registered
 * ({@code KK_ALREADY_REGISTERED});</li>
 * <li>the same household or person with two open usulan of one kind ({@code DUPLICATE_USULAN});</li>
 * <li>an agreed sanggah not yet checked in the field while the district's sanggah days run
 * ({@code SANGGAH_NOT_CHECKED}; after them an unverified sanggah stands, the recipient deemed not eligible).</li>
 * </ul>
 * Everything is read in a few set-based statements: the usulan's decrypted changes, then one look-up of all
 * their NIK and KK blind indexes in the registry's published placement views.
 */
@Component
class UsulanChecks {

	/** One failed check: which usulan, which field, which code. */
	record Failure(UUID usulanId, String subjectName, String field, String code) {

		String message() {
			return "problem." + code;
		}
	}

	/** An usulan as the checks read it. */
	record Candidate(UUID id, Kind kind, Status status, String villageCode, UUID householdId, UUID personId,
			String subjectName, JsonNode changes, boolean sanggahLapsed) {

		/** Still the village's or Dinsos' to check: not yet endorsed. */
		boolean checkable() {
			return status.editable() || status == Status.SUBMITTED;
		}
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final BlindIndex index;

	private final IdentifierRules identifiers;

	UsulanChecks(JdbcClient jdbc, FieldCipher cipher, BlindIndex index, IdentifierRules identifiers) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
		this.identifiers = identifiers;
	}

	/**
	 * The open usulan (draft, agreed, returned, submitted, and those endorsed or sent that wait for the
	 * ministry's result) of a village or, with {@code villageCode} null, of a whole district's cycle, as the
	 * checks read them; within the connection's territory.
	 */
	List<Candidate> open(String villageCode, UUID cycleId) {
		return jdbc.sql("""
				select id, kind, status, village_code, household_id, person_id, changes_cipher,
				       created_at + make_interval(days => coalesce((select k.sanggah_days from update_calendar k
				         where k.regency_code = left(usulan.village_code, 5)), :sanggahDays)) < now() as sanggah_lapsed
				from usulan
				where status in ('DRAFT', 'AGREED', 'RETURNED', 'SUBMITTED', 'ENDORSED', 'SENT')
				  and (cast(:village as text) is null or village_code = :village)
				  and (cast(:cycle as uuid) is null or cycle_id = :cycle)
				order by created_at, id""")
			.param("village", villageCode)
			.param("cycle", cycleId)
			.param("sanggahDays", UpdateCycles.DEFAULT_SANGGAH_DAYS)
			.query((rs, n) -> {
				JsonNode content = UsulanChanges.JSON.readTree(cipher.decrypt(rs.getString("changes_cipher")));
				return new Candidate(rs.getObject("id", UUID.class), Kind.valueOf(rs.getString("kind")),
						Status.valueOf(rs.getString("status")),
						rs.getString("village_code"), rs.getObject("household_id", UUID.class),
						rs.getObject("person_id", UUID.class), content.path("subjectName").asString("–"),
						content.path("changes"), rs.getBoolean("sanggah_lapsed"));
			})
			.list();
	}

	/** The failures of {@code checked}, each also against the others of {@code all} (the same cycle's open ones). */
	List<Failure> check(List<Candidate> checked, List<Candidate> all) {
		List<Failure> failures = new ArrayList<>();
		// every NIK and KK number the new families bring, by blind index, to look up in the registry at once
		Map<String, List<String[]>> niks = new HashMap<>();
		Map<String, List<String[]>> kks = new HashMap<>();
		Set<UUID> checkedIds = new HashSet<>();
		checked.forEach(c -> checkedIds.add(c.id()));
		Map<String, Set<UUID>> nikOwners = new HashMap<>();
		Map<String, Set<UUID>> openOn = new HashMap<>();
		Map<String, Set<UUID>> kkOwners = new HashMap<>();
		for (Candidate c : all) {
			if (c.kind() == Kind.ENTER && !wholeHousehold(c)) {
				String kk = c.householdId() == null ? c.changes().path("household").path("kkNumber").asString("") : "";
				if (!kk.isEmpty()) {
					kkOwners.computeIfAbsent(kk, k -> new HashSet<>()).add(c.id());
				}
				for (JsonNode member : c.changes().path("members")) {
					String nik = member.path("nik").asString("");
					if (!nik.isEmpty()) {
						nikOwners.computeIfAbsent(nik, k -> new HashSet<>()).add(c.id());
					}
				}
			}
			else {
				String on = c.kind() + ":" + (c.personId() != null ? c.personId() : c.householdId());
				openOn.computeIfAbsent(on, k -> new HashSet<>()).add(c.id());
			}
		}
		for (Candidate c : checked) {
			LocalDate today = identifiers.today(c.villageCode());
			JsonNode changes = c.changes();
			switch (c.kind()) {
				case ENTER -> {
					if (c.householdId() == null) {
						JsonNode household = changes.path("household");
						require(failures, c, household, "kkNumber", "changes.household.kkNumber");
						require(failures, c, household, "address", "changes.household.address");
						require(failures, c, household, "rt", "changes.household.rt");
						require(failures, c, household, "rw", "changes.household.rw");
						String kk = household.path("kkNumber").asString("");
						if (kkOwners.getOrDefault(kk, Set.of()).size() > 1) {
							failures.add(failure(c, "changes.household.kkNumber", "KK_IN_TWO_USULAN"));
						}
						if (!kk.isEmpty()) {
							kks.computeIfAbsent(index.of(BlindIndex.Kind.KK, kk), k -> new ArrayList<>())
								.add(new String[] { c.id().toString(), "changes.household.kkNumber" });
						}
						long heads = 0;
						for (JsonNode member : changes.path("members")) {
							heads += "HEAD".equals(member.path("relationship").asString("")) ? 1 : 0;
						}
						if (heads != 1) {
							failures.add(failure(c, "changes.members", heads == 0 ? "HEAD_MISSING" : "HEAD_TWICE"));
						}
					}
					Set<String> inFamily = new HashSet<>();
					JsonNode members = changes.path("members");
					for (int i = 0; i < members.size(); i++) {
						JsonNode member = members.get(i);
						String path = "changes.members[" + i + "]";
						for (String field : List.of("nik", "name", "birthDate", "sex", "relationship")) {
							require(failures, c, member, field, path + "." + field);
						}
						String nik = member.path("nik").asString("");
						if (nik.isEmpty()) {
							continue;
						}
						if (!inFamily.add(nik) || nikOwners.getOrDefault(nik, Set.of()).size() > 1) {
							failures.add(failure(c, path + ".nik", "PERSON_IN_TWO_USULAN"));
						}
						Nik parsed = identifiers.nik(nik);
						LocalDate birth = member.has("birthDate") ? LocalDate.parse(member.get("birthDate").asString()) : null;
						Sex sex = member.has("sex") ? Sex.valueOf(member.get("sex").asString()) : null;
						for (IdentifierProblem warning : parsed.warnings(birth, sex, today)) {
							failures.add(failure(c, path + (warning == IdentifierProblem.NIK_SEX_MISMATCH ? ".sex" : ".birthDate"),
									warning.name()));
						}
						niks.computeIfAbsent(index.of(BlindIndex.Kind.NIK, nik), k -> new ArrayList<>())
							.add(new String[] { c.id().toString(), path + ".nik" });
					}
				}
				case REMOVE -> require(failures, c, changes, "removalReason", "changes.removalReason");
				case PROGRAMME -> require(failures, c, changes, "programme", "changes.programme");
				case SANGGAH -> {
					require(failures, c, changes, "objectorName", "changes.objectorName");
					// verified in the field, or unverified past the district's days (then deemed not eligible)
					// (a draft waits for its check; one the village agreed is about to go)
					if (c.status() != Status.DRAFT && c.status() != Status.RETURNED && !changes.has("fieldCheck")
							&& !c.sanggahLapsed()) {
						failures.add(failure(c, "changes.fieldCheck", "SANGGAH_NOT_CHECKED"));
					}
				}
				case CHANGE -> {
					// what it changes was checked when proposed; only the duplicate check below applies
				}
			}
			if (c.kind() != Kind.ENTER || wholeHousehold(c)) {
				String on = c.kind() + ":" + (c.personId() != null ? c.personId() : c.householdId());
				if (openOn.getOrDefault(on, Set.of()).size() > 1) {
					failures.add(failure(c, c.personId() != null ? "personId" : "householdId", "DUPLICATE_USULAN"));
				}
			}
		}
		registered(failures, checked, niks, "select nik_index from person_placement where nik_index in (:indexes)",
				"PERSON_IN_TWO_FAMILIES");
		registered(failures, checked, kks, "select kk_index from household_placement where kk_index in (:indexes)",
				"KK_ALREADY_REGISTERED");
		return failures;
	}

	/** An ENTER of a registered household as the registry holds it (no newcomers named). */
	private static boolean wholeHousehold(Candidate c) {
		return c.kind() == Kind.ENTER && c.householdId() != null && c.changes().path("members").isEmpty();
	}

	/** One look-up of many blind indexes in the registry (in slices, so that no statement grows unbounded). */
	private void registered(List<Failure> failures, List<Candidate> checked, Map<String, List<String[]>> wanted,
			String sql, String code) {
		if (wanted.isEmpty()) {
			return;
		}
		Map<UUID, Candidate> byId = new HashMap<>();
		checked.forEach(c -> byId.put(c.id(), c));
		List<String> all = new ArrayList<>(wanted.keySet());
		for (int from = 0; from < all.size(); from += 5_000) {
			List<String> slice = all.subList(from, Math.min(all.size(), from + 5_000));
			for (String found : jdbc.sql(sql).param("indexes", slice).query(String.class).list()) {
				for (String[] at : wanted.getOrDefault(found, List.of())) {
					failures.add(failure(byId.get(UUID.fromString(at[0])), at[1], code));
				}
			}
		}
	}

	private static void require(List<Failure> failures, Candidate c, JsonNode in, String field, String path) {
		JsonNode value = in.get(field);
		if (value == null || value.isNull() || value.asString("").isBlank()) {
			failures.add(failure(c, path, "REQUIRED"));
		}
	}

	private static Failure failure(Candidate c, String field, String code) {
		return new Failure(c.id(), c.subjectName(), field, code);
	}
}
