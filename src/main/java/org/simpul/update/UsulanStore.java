package org.simpul.update;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.shared.crypto.BlindIndex;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.update.Usulan.Step;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Where usulan are kept: one loaded under its row lock to be changed, written back with its version one higher
 * and the steps it noted. What it changes is personal data (names, NIKs, addresses): encrypted at rest.
 */
@Repository
class UsulanStore {

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final BlindIndex index;

	UsulanStore(JdbcClient jdbc, FieldCipher cipher, BlindIndex index) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.index = index;
	}

	/**
	 * The blind indexes a result list finds an usulan by, for what the registry does not hold yet: a new
	 * member's NIK (the head's in a new family) and a new family's KK number. An usulan about a registered
	 * person or household is found through the registry's own indexes.
	 */
	private String[] subjectIndexes(Usulan usulan) {
		if (usulan.kind() != Usulan.Kind.ENTER) {
			return new String[2];
		}
		JsonNode changes = UsulanChanges.JSON.readTree(usulan.changes()).path("changes");
		String nik = null;
		for (JsonNode member : changes.path("members")) {
			String candidate = member.path("nik").asString("");
			if (!candidate.isEmpty() && (nik == null || "HEAD".equals(member.path("relationship").asString("")))) {
				nik = candidate;
			}
		}
		String kk = usulan.householdId() == null ? changes.path("household").path("kkNumber").asString("") : "";
		return new String[] { nik == null ? null : index.of(BlindIndex.Kind.NIK, nik),
				kk.isEmpty() ? null : index.of(BlindIndex.Kind.KK, kk) };
	}

	/** The usulan, locked until the transaction ends (the row policy keeps it inside the connection's territory). */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<Usulan> lock(UUID id) {
		return jdbc.sql("""
				select id, kind, status, village_code, cycle_id, household_id, person_id, reason, changes_cipher, source,
				       source_id, return_reason, result_desil, result_code, result_reason, version
				from usulan where id = :id for update""")
			.param("id", id)
			.query((rs, n) -> new Usulan(rs.getObject("id", UUID.class), Usulan.Kind.valueOf(rs.getString("kind")),
					Usulan.Status.valueOf(rs.getString("status")), rs.getString("village_code"),
					rs.getObject("cycle_id", UUID.class), rs.getObject("household_id", UUID.class),
					rs.getObject("person_id", UUID.class), rs.getString("reason"),
					cipher.decrypt(rs.getString("changes_cipher")), Usulan.Source.valueOf(rs.getString("source")),
					rs.getObject("source_id", UUID.class), rs.getString("return_reason"),
					(Integer) rs.getObject("result_desil"), rs.getString("result_code"), rs.getString("result_reason"),
					rs.getInt("version")))
			.optional();
	}

	/** Writes a new usulan (a draft) at version 0, with its first step. */
	@Transactional(propagation = Propagation.MANDATORY)
	void insert(Usulan usulan, UUID by) {
		List<Step> steps = usulan.takeSteps();
		String[] indexes = subjectIndexes(usulan);
		Timestamp at = Timestamp.from(steps.getFirst().at());
		jdbc.sql("""
				insert into usulan (id, version, kind, status, village_code, cycle_id, household_id, person_id, reason,
				                    changes_cipher, source, source_id, created_by, created_at, updated_at, nik_index, kk_index)
				values (:id, 0, :kind, :status, :village, :cycle, :household, :person, :reason, :changes, :source,
				        :sourceId, :by, :at, :at, :nikIndex, :kkIndex)""")
			.param("nikIndex", indexes[0])
			.param("kkIndex", indexes[1])
			.param("id", usulan.id())
			.param("kind", usulan.kind().name())
			.param("status", usulan.status().name())
			.param("village", usulan.villageCode())
			.param("cycle", usulan.cycleId())
			.param("household", usulan.householdId())
			.param("person", usulan.personId())
			.param("reason", usulan.reason())
			.param("changes", cipher.encrypt(usulan.changes()))
			.param("source", usulan.source().name())
			.param("sourceId", usulan.sourceId())
			.param("by", by)
			.param("at", at)
			.update();
		writeSteps(usulan.id(), steps);
	}

	/** Writes what changed since the usulan was loaded; nothing when nothing did. */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Usulan usulan) {
		List<Step> steps = usulan.takeSteps();
		if (steps.isEmpty()) {
			return;
		}
		String[] indexes = subjectIndexes(usulan);
		jdbc.sql("""
				update usulan set status = :status, cycle_id = :cycle, reason = :reason, changes_cipher = :changes,
				       return_reason = :returnReason, result_desil = :desil, result_code = :code,
				       result_reason = :resultReason, version = version + 1, updated_at = :at,
				       nik_index = :nikIndex, kk_index = :kkIndex
				where id = :id""")
			.param("nikIndex", indexes[0])
			.param("kkIndex", indexes[1])
			.param("status", usulan.status().name())
			.param("cycle", usulan.cycleId())
			.param("reason", usulan.reason())
			.param("changes", cipher.encrypt(usulan.changes()))
			.param("returnReason", usulan.returnReason())
			.param("desil", usulan.resultDesil())
			.param("code", usulan.resultCode())
			.param("resultReason", usulan.resultReason())
			.param("at", Timestamp.from(steps.getLast().at()))
			.param("id", usulan.id())
			.update();
		writeSteps(usulan.id(), steps);
	}

	private void writeSteps(UUID usulan, List<Step> steps) {
		for (Step step : steps) {
			jdbc.sql("""
					insert into usulan_step (usulan_id, status, at, by_user, note)
					values (:usulan, :status, :at, :by, :note)""")
				.param("usulan", usulan)
				.param("status", step.status().name())
				.param("at", Timestamp.from(step.at()))
				.param("by", step.by())
				.param("note", step.note())
				.update();
		}
	}
}
