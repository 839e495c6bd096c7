package org.simpul.update;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.access.UserLookup;
import org.simpul.audit.AuditTrail;
import org.simpul.region.RegionCatalog;
import org.simpul.registry.IdentifierRules;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.crypto.FieldCipher;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Source;
import org.simpul.update.Usulan.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading usulan: one, with what it changes (NIK and KK numbers as the reader's role may see them) and its
 * history; and the lists, filtered by village, status, cycle and kind, always within the reader's territory.
 * Opening one is on the audit trail (it names the persons it changes).
 */
@Service
public class UsulanQueries {

	/** A step of the history, with the name of who took it. */
	public record StepView(Status status, Instant at, String by, String note) {
	}

	/** One usulan as its reader may see it. */
	public record UsulanView(UUID id, Kind kind, Status status, String villageCode, String villageName, UUID cycleId,
			String period, UUID householdId, UUID personId, String subjectName, String reason, JsonNode changes,
			JsonNode before, Source source, UUID sourceId, String returnReason, Integer resultDesil, String resultCode,
			String resultReason, Instant createdAt, Instant updatedAt, int version, List<StepView> steps) {
	}

	/** An usulan in a list: what, about whom, where it stands, since when. */
	public record UsulanItem(UUID id, Kind kind, Status status, String villageCode, String villageName, UUID cycleId,
			String period, String subjectName, String reason, Source source, String returnReason, Integer resultDesil,
			Instant createdAt, Instant updatedAt) {
	}

	private record Row(UUID id, String kind, String status, String villageCode, UUID cycleId, String period,
			UUID householdId, UUID personId, String reason, String changesCipher, String source, UUID sourceId,
			String returnReason, Integer resultDesil, String resultCode, String resultReason, Instant createdAt,
			Instant updatedAt, int version) {
	}

	private static final String SELECT = """
			select u.id, u.kind, u.status, u.village_code, u.cycle_id, c.period, u.household_id, u.person_id, u.reason,
			       u.changes_cipher, u.source, u.source_id, u.return_reason, u.result_desil, u.result_code,
			       u.result_reason, u.created_at, u.updated_at, u.version
			from usulan u join update_cycle c on c.id = u.cycle_id""";

	/**
	 * An usulan about a person under a restriction of processing (UU PDP Pasal 41) is kept, not shown, but to
	 * the data protection officer: read through the registry's placement view, as the complaint queue does.
	 */
	static final String NOT_RESTRICTED = " and not exists (select 1 from person_placement rp"
			+ " where rp.id = u.person_id and rp.restricted_since is not null)";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final RegionCatalog regions;

	private final IdentifierRules identifiers;

	private final UserLookup users;

	private final AuditTrail audit;

	UsulanQueries(JdbcClient jdbc, FieldCipher cipher, RegionCatalog regions, IdentifierRules identifiers,
			UserLookup users, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.regions = regions;
		this.identifiers = identifiers;
		this.users = users;
		this.audit = audit;
	}

	/** One usulan of the user's territory; opening it is on the audit trail. */
	public Optional<UsulanView> usulan(CurrentUser user, UUID id) {
		user.require(Action.USULAN_READ);
		Optional<Row> row = user.territory().sql(jdbc, SELECT + " where u.id = :id and in_territory(u.village_code)"
				+ (user.may(Action.DATA_PROTECTION) ? "" : NOT_RESTRICTED))
			.param("id", id)
			.query(Row.class)
			.optional();
		return row.map(r -> {
			ObjectNode content = content(r.changesCipher());
			List<StepView> steps = jdbc.sql("select status, at, by_user, note from usulan_step where usulan_id = :id"
					+ " order by at, id")
				.param("id", id)
				.query((rs, n) -> new StepView(Status.valueOf(rs.getString("status")),
						rs.getTimestamp("at").toInstant(), name(rs.getObject("by_user", UUID.class)), rs.getString("note")))
				.list();
			List<UUID> subjects = new ArrayList<>();
			if (r.personId() != null) {
				subjects.add(r.personId());
			}
			audit.record(user, AuditTrail.Action.READ, "USULAN", r.id(), subjects);
			JsonNode changes = masked(user, content.get("changes"));
			return new UsulanView(r.id(), Kind.valueOf(r.kind()), Status.valueOf(r.status()), r.villageCode(),
					villageName(r.villageCode()), r.cycleId(), r.period(), r.householdId(), r.personId(),
					content.path("subjectName").asString("–"), r.reason(), changes, content.get("before"),
					Source.valueOf(r.source()), r.sourceId(), r.returnReason(), r.resultDesil(), r.resultCode(),
					r.resultReason(), r.createdAt(), r.updatedAt(), r.version(), steps);
		});
	}

	private String name(UUID user) {
		return user == null ? null : users.byId(user).map(UserLookup.Found::displayName).orElse(null);
	}

	private String villageName(String code) {
		return regions.names(List.of(code)).getOrDefault(code, code);
	}

	private ObjectNode content(String stored) {
		JsonNode node = UsulanChanges.JSON.readTree(cipher.decrypt(stored));
		return (ObjectNode) node;
	}

	/** NIK and KK numbers in the changes, masked for a role that does not see them whole. */
	private JsonNode masked(CurrentUser user, JsonNode changes) {
		if (changes == null || user.may(Action.IDENTIFIERS_IN_FULL)) {
			return changes;
		}
		ObjectNode copy = (ObjectNode) changes.deepCopy();
		JsonNode members = copy.get("members");
		if (members != null && members.isArray()) {
			for (JsonNode member : members) {
				if (member.has("nik")) {
					((ObjectNode) member).put("nik", identifiers.masked(member.get("nik").asString()));
				}
			}
		}
		JsonNode household = copy.get("household");
		if (household != null && household.has("kkNumber")) {
			((ObjectNode) household).put("kkNumber", identifiers.masked(household.get("kkNumber").asString()));
		}
		return copy;
	}

	/** The filters of a list; each null for "any". */
	public record Filter(String villageCode, Status status, UUID cycleId, Kind kind) {
	}

	/** Usulan of the user's territory, newest change first. */
	public PageResponse<UsulanItem> list(CurrentUser user, Filter filter, PageRequest page) {
		user.require(Action.USULAN_READ);
		String where = " where in_territory(u.village_code)"
				+ " and (cast(:village as text) is null or u.village_code = :village)"
				+ " and (cast(:status as text) is null or u.status = :status)"
				+ " and (cast(:cycle as uuid) is null or u.cycle_id = :cycle)"
				+ " and (cast(:kind as text) is null or u.kind = :kind)"
				+ (user.may(Action.DATA_PROTECTION) ? "" : NOT_RESTRICTED);
		long total = user.territory().sql(jdbc, "select count(*) from usulan u" + where)
			.param("village", filter.villageCode())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("cycle", filter.cycleId())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.query(Long.class)
			.single();
		List<Row> rows = user.territory().sql(jdbc, SELECT + where + " order by u.updated_at desc, u.id limit :limit offset :offset")
			.param("village", filter.villageCode())
			.param("status", filter.status() == null ? null : filter.status().name())
			.param("cycle", filter.cycleId())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Row.class)
			.list();
		Map<String, String> names = regions.names(rows.stream().map(Row::villageCode).collect(Collectors.toSet()));
		List<UsulanItem> items = rows.stream()
			.map(r -> new UsulanItem(r.id(), Kind.valueOf(r.kind()), Status.valueOf(r.status()), r.villageCode(),
					names.getOrDefault(r.villageCode(), r.villageCode()), r.cycleId(), r.period(),
					content(r.changesCipher()).path("subjectName").asString("–"), r.reason(), Source.valueOf(r.source()),
					r.returnReason(), r.resultDesil(), r.createdAt(), r.updatedAt()))
			.toList();
		return PageResponse.of(items, page, total);
	}

	/** The usulan a source (a complaint, an assessment, a home visit) made, if any (within the connection's scope). */
	Optional<UUID> ofSource(Source source, UUID sourceId) {
		return jdbc.sql("select id from usulan where source = :source and source_id = :id")
			.param("source", source.name())
			.param("id", sourceId)
			.query(UUID.class)
			.optional();
	}

}
