package org.simpul.update;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.registry.HouseholdQueries;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.ClientIds;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.Texts;
import org.simpul.shared.web.PreconditionFailedException;
import org.simpul.shared.workflow.DomainEvents;
import org.simpul.update.Usulan.Kind;
import org.simpul.update.Usulan.Source;
import org.simpul.update.UsulanQueries.UsulanView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Usulan: who may propose, correct and move them, in which territory. The village (its data operator,
 * coordinator and everyone who serves families there) proposes and corrects drafts; its operator or
 * coordinator records the village's agreement; its operator submits to Dinsos. At Dinsos, from a district-wide
 * territory, the verifier (data operator or manager) returns for correction or sends to the ministry, and the
 * head of office (manager) endorses. Outside the territory an usulan does not exist (404); a role that may
 * read it but not take the step gets 403; a step the status does not allow 409.
 */
@Service
public class Usulans {

	/** The most usulan one request moves at once. */
	static final int MAX_MOVED = 1_000;

	/** An usulan to propose; {@code id} is the client's choice, or null. */
	public record NewUsulan(UUID id, String kind, String villageCode, UUID householdId, UUID personId, String reason,
			JsonNode changes) {
	}

	private final UsulanStore store;

	private final UsulanQueries queries;

	private final UsulanChanges changesChecks;

	private final UsulanChecks checks;

	private final JdbcClient jdbc;

	private final UpdateCycles cycles;

	private final HouseholdQueries households;

	private final RegionCatalog regions;

	private final DomainEvents events;

	private final Clock clock;

	Usulans(UsulanStore store, UsulanQueries queries, UsulanChanges changesChecks, UsulanChecks checks, JdbcClient jdbc,
			UpdateCycles cycles, HouseholdQueries households, RegionCatalog regions, DomainEvents events, Clock clock) {
		this.store = store;
		this.queries = queries;
		this.changesChecks = changesChecks;
		this.checks = checks;
		this.jdbc = jdbc;
		this.cycles = cycles;
		this.households = households;
		this.regions = regions;
		this.events = events;
		this.clock = clock;
	}

	/** Proposes an usulan by hand (the village, the musdes' list): a draft of its village's current cycle. */
	@Transactional
	public UsulanView propose(CurrentUser actor, NewUsulan wanted) {
		return propose(actor, wanted, Source.MANUAL, null);
	}

	/**
	 * Proposes an usulan that {@code source} brought (a complaint, an assessment, a home visit): once per
	 * source; the same source again answers the usulan it made.
	 */
	@Transactional
	public UsulanView propose(CurrentUser actor, NewUsulan wanted, Source source, UUID sourceId) {
		actor.require(Action.USULAN_PROPOSE);
		if (sourceId != null) {
			Optional<UUID> made = queries.ofSource(source, sourceId);
			if (made.isPresent()) {
				return queries.usulan(actor, made.get()).orElseThrow(() -> new NotFoundException("Usulan"));
			}
		}
		Kind kind = kind(wanted.kind());
		String reason = Texts.required("reason", wanted.reason(), 2000);
		Target target = target(actor, wanted.villageCode(), wanted.householdId(), wanted.personId());
		ObjectNode changes = changesChecks.check(kind, wanted.changes(), target.household() != null, target.person() != null);
		ObjectNode content = UsulanChanges.JSON.createObjectNode();
		content.set("changes", changes);
		content.set("before", before(kind, changes, target));
		content.put("subjectName", subjectName(kind, changes, target));
		UpdateCycles.Cycle cycle = cycles.current(target.villageCode());
		Instant now = clock.instant();
		Usulan usulan = Usulan.propose(ClientIds.orNew(wanted.id()), kind, target.villageCode(), cycle.id(),
				target.household() == null ? null : target.household().id(),
				target.person() == null ? null : target.person().id(), reason, content.toString(), source, sourceId,
				actor.id(), now);
		try {
			store.insert(usulan, actor.id());
		}
		catch (DuplicateKeyException ex) {
			if (ClientIds.taken(ex)) {
				throw ClientIds.conflict();
			}
			throw ex;
		}
		events.publish(usulan);
		return queries.usulan(actor, usulan.id()).orElseThrow();
	}

	/** What an usulan is about: its village, and the household and person in the registry, if any. */
	record Target(String villageCode, HouseholdView household, PersonView person) {
	}

	private Target target(CurrentUser actor, String villageCode, UUID householdId, UUID personId) {
		PersonView person = null;
		HouseholdView household = null;
		if (personId != null) {
			person = households.person(actor, personId).orElseThrow(() -> new NotFoundException("Person"));
			householdId = householdId == null ? person.householdId() : householdId;
			if (!householdId.equals(person.householdId())) {
				throw new InvalidInputException(FieldProblem.of("personId", "PERSON_NOT_IN_HOUSEHOLD"));
			}
		}
		if (householdId != null) {
			household = households.household(actor, householdId).orElseThrow(() -> new NotFoundException("Household"));
		}
		String village = household != null ? household.villageCode() : villageCode == null ? null : villageCode.strip();
		if (village == null || village.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("villageCode", "REQUIRED"));
		}
		if (villageCode != null && !villageCode.isBlank() && !villageCode.strip().equals(village)) {
			throw new InvalidInputException(FieldProblem.of("villageCode", "NOT_THE_HOUSEHOLDS_VILLAGE"));
		}
		RegionCode code = RegionCode.parse(village).filter(c -> c.level() == RegionLevel.VILLAGE)
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("villageCode", "NOT_A_VILLAGE")));
		if (!regions.exists(code) || !actor.covers(code)) {
			throw new NotFoundException("Village");
		}
		return new Target(village, household, person);
	}

	private static Kind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("kind", "REQUIRED"));
		}
		try {
			return Kind.valueOf(kind.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of("kind", "INVALID_VALUE"));
		}
	}

	/** What the registry holds now for each field a change names: the "from" of "from what to what". */
	private static ObjectNode before(Kind kind, ObjectNode changes, Target target) {
		ObjectNode before = UsulanChanges.JSON.createObjectNode();
		if (kind != Kind.CHANGE) {
			return before;
		}
		HouseholdView h = target.household();
		if (h != null) {
			putIf(before, changes, "address", h.address());
			putIf(before, changes, "rt", h.rt());
			putIf(before, changes, "rw", h.rw());
			if (changes.has("conditions")) {
				ObjectNode now = before.putObject("conditions");
				var current = h.conditions().byField();
				changes.get("conditions").properties().forEach(e -> {
					String value = current.get(e.getKey());
					now.put(e.getKey(), value);
				});
			}
		}
		PersonView p = target.person();
		if (p != null) {
			putIf(before, changes, "name", p.name());
			putIf(before, changes, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
			putIf(before, changes, "sex", p.sex() == null ? null : p.sex().name());
			putIf(before, changes, "relationship", p.relationship() == null ? null : p.relationship().name());
		}
		return before;
	}

	private static void putIf(ObjectNode before, ObjectNode changes, String field, String value) {
		if (changes.has(field)) {
			before.put(field, value);
		}
	}

	/** Whom the usulan is about, for lists: the person, else the household's head, else the first new member. */
	private static String subjectName(Kind kind, ObjectNode changes, Target target) {
		if (target.person() != null) {
			return target.person().name();
		}
		if (target.household() != null) {
			return target.household().members().stream().filter(PersonView::current).findFirst()
				.map(PersonView::name).orElse("–");
		}
		JsonNode members = changes.get("members");
		return members != null && !members.isEmpty() && members.get(0).has("name")
				? members.get(0).get("name").asString() : "–";
	}

	/**
	 * Corrects a draft or a returned usulan against the version read ({@code If-Match}; 412 when it changed
	 * meanwhile): its reason and changes. A returned one becomes a draft again.
	 */
	@Transactional
	public UsulanView correct(CurrentUser actor, UUID id, String ifMatch, String reason, JsonNode changes) {
		UsulanView seen = visible(actor, id);
		actor.require(Action.USULAN_PROPOSE);
		String text = Texts.required("reason", reason, 2000);
		Usulan usulan = store.lock(seen.id()).orElseThrow(() -> new NotFoundException("Usulan"));
		PreconditionFailedException.check(ifMatch, usulan.version());
		Target target = new Target(usulan.villageCode(),
				usulan.householdId() == null ? null
						: households.household(actor, usulan.householdId()).orElseThrow(() -> new NotFoundException("Household")),
				usulan.personId() == null ? null
						: households.person(actor, usulan.personId()).orElseThrow(() -> new NotFoundException("Person")));
		// a sanggah's field check is the PSM's record, not the village's to edit: kept whatever the correction says
		JsonNode sent = changes;
		if (changes instanceof ObjectNode object && object.has("fieldCheck")) {
			ObjectNode copy = object.deepCopy();
			copy.remove("fieldCheck");
			sent = copy;
		}
		JsonNode stored = UsulanChanges.JSON.readTree(usulan.changes()).path("changes");
		ObjectNode checked = changesChecks.check(usulan.kind(), keepMasked(sent, stored), target.household() != null,
				target.person() != null);
		JsonNode fieldCheck = stored.get("fieldCheck");
		if (fieldCheck != null) {
			checked.set("fieldCheck", fieldCheck);
		}
		ObjectNode content = UsulanChanges.JSON.createObjectNode();
		content.set("changes", checked);
		content.set("before", before(usulan.kind(), checked, target));
		content.put("subjectName", subjectName(usulan.kind(), checked, target));
		usulan.correct(text, content.toString(),
				substantive(usulan.kind(), stored, checked),
				actor.id(), clock.instant());
		return saved(actor, usulan);
	}

	/**
	 * Whether a correction changes what a musdes agreed, not only how it is written: a new family's or member's
	 * persons (by name) or head, a removal's reason, a programme, an objector, or a change of data's content.
	 */
	static boolean substantive(Kind kind, JsonNode before, JsonNode after) {
		return switch (kind) {
			case ENTER -> !persons(before).equals(persons(after));
			case REMOVE -> !before.path("removalReason").equals(after.path("removalReason"));
			case PROGRAMME -> !before.path("programme").equals(after.path("programme"));
			case SANGGAH -> !before.path("objectorName").asString("").strip()
				.equalsIgnoreCase(after.path("objectorName").asString("").strip())
					|| !before.path("programme").equals(after.path("programme"));
			case CHANGE -> !withoutCheck(before).equals(withoutCheck(after));
		};
	}

	/**
	 * The persons of a family as a musdes knows them: each name (case and spaces aside) with their place in the
	 * family, as many times as they are there (sorted, so that only the order may differ).
	 */
	private static List<String> persons(JsonNode changes) {
		List<String> persons = new ArrayList<>();
		for (JsonNode member : changes.path("members")) {
			persons.add(member.path("name").asString("").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)
					+ "|" + member.path("relationship").asString(""));
		}
		persons.sort(null);
		return persons;
	}

	private static JsonNode withoutCheck(JsonNode changes) {
		if (changes instanceof ObjectNode object && object.has("fieldCheck")) {
			ObjectNode copy = object.deepCopy();
			copy.remove("fieldCheck");
			return copy;
		}
		return changes;
	}

	/**
	 * A correction sent back by someone who sees NIK and KK numbers masked ({@code 3328••••••••0003}): each
	 * masked NIK of a member stands for the one stored for the same member, and a masked KK number for the
	 * stored one, when the mask fits it; any other value is as sent.
	 */
	private static JsonNode keepMasked(JsonNode changes, JsonNode was) {
		if (changes == null || !changes.isObject()) {
			return changes;
		}
		ObjectNode copy = (ObjectNode) changes.deepCopy();
		JsonNode members = copy.path("members");
		for (int i = 0; members.isArray() && i < members.size(); i++) {
			if (members.get(i) instanceof ObjectNode member) {
				unmask(member, "nik", was.path("members").path(i).path("nik").asString(""));
			}
		}
		if (copy.path("household") instanceof ObjectNode household) {
			unmask(household, "kkNumber", was.path("household").path("kkNumber").asString(""));
		}
		return copy;
	}

	private static void unmask(ObjectNode node, String field, String was) {
		JsonNode sent = node.get(field);
		if (sent != null && sent.isString() && sent.asString().contains("•") && was.length() == 16
				&& sent.asString().startsWith(was.substring(0, 4)) && sent.asString().endsWith(was.substring(12))) {
			node.put(field, was);
		}
	}

	/** The village withdraws an usulan it has not submitted (whoever may propose in the village), with the reason. */
	@Transactional
	public UsulanView withdraw(CurrentUser actor, UUID id, String reason) {
		String why = Texts.required("reason", reason, 2000);
		Usulan usulan = locked(actor, id, Action.USULAN_PROPOSE, false);
		if (usulan.status() == Usulan.Status.WITHDRAWN) {
			// withdrawn already (a second tap): answered as the first
			return queries.usulan(actor, id).orElseThrow();
		}
		usulan.withdraw(actor.id(), clock.instant(), why);
		return saved(actor, usulan);
	}

	/** The village agreed it (at its musdes, named in {@code note}, or under an SPTJM). */
	@Transactional
	public UsulanView agree(CurrentUser actor, UUID id, String note) {
		String text = Texts.blankToNull(note);
		if (text != null && text.length() > 500) {
			throw new InvalidInputException(FieldProblem.of("note", "TEXT_TOO_LONG"));
		}
		Usulan usulan = locked(actor, id, Action.USULAN_AGREE, false);
		usulan.agree(actor.id(), clock.instant(), text);
		return saved(actor, usulan);
	}

	/**
	 * The village operator submits it to Dinsos, once it passes the integrity checks (400 naming each failed
	 * field otherwise, and it stays agreed).
	 */
	@Transactional
	public UsulanView submit(CurrentUser actor, UUID id) {
		Usulan usulan = locked(actor, id, Action.USULAN_SUBMIT, false);
		if (usulan.status() == Usulan.Status.AGREED) {
			List<UsulanChecks.Candidate> open = checks.open(usulan.villageCode(), null);
			List<UsulanChecks.Failure> failures = checks.check(
					open.stream().filter(c -> c.id().equals(usulan.id())).toList(), open);
			if (!failures.isEmpty()) {
				throw new InvalidInputException(failures.stream().map(f -> problem(f.field(), f)).toList());
			}
		}
		usulan.submit(actor.id(), clock.instant());
		return saved(actor, usulan);
	}

	/** A failed check as a problem of the API, on {@code field}. */
	private static FieldProblem problem(String field, UsulanChecks.Failure failure) {
		return new FieldProblem(field, failure.code(), failure.message());
	}

	/** A failed integrity check: the usulan, whom it is about, the field, the code and its message's key. */
	public record CheckFailure(UUID usulanId, String subjectName, String field, String code, String messageKey) {
	}

	/** The failures of the integrity checks over a village's open usulan (anyone who reads them may ask). */
	@Transactional(readOnly = true)
	public List<CheckFailure> check(CurrentUser actor, String villageCode) {
		actor.require(Action.USULAN_READ);
		String village = village(actor, villageCode);
		List<UsulanChecks.Candidate> open = checks.open(village, null);
		return checks.check(open.stream().filter(c -> c.villageCode().equals(village) && c.checkable()).toList(), open)
			.stream()
			.map(f -> new CheckFailure(f.usulanId(), f.subjectName(), f.field(), f.code(), f.message()))
			.toList();
	}

	/**
	 * Submits the agreed usulan of a village to Dinsos (all of them, or those of {@code only}), all or none:
	 * when any fails the integrity checks, 400 names each failure as {@code usulan[<id>].<field>} and nothing is
	 * submitted; an id of {@code only} that is no agreed usulan of the village 400 {@code ids[i]}.
	 *
	 * @return how many were submitted
	 */
	@Transactional
	public int submitAll(CurrentUser actor, String villageCode, List<UUID> only) {
		actor.require(Action.USULAN_SUBMIT);
		String village = village(actor, villageCode);
		if (only != null && only.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("ids", "REQUIRED"));
		}
		if (only != null && only.size() > MAX_MOVED) {
			throw new InvalidInputException(FieldProblem.of("ids", "TOO_MANY"));
		}
		// the village's agreed usulan locked first, so that the checks see what is submitted
		List<UUID> all = jdbc.sql("select id from usulan u where village_code = :village and status = 'AGREED'"
				+ UsulanQueries.NOT_RESTRICTED + " order by created_at, id for update")
			.param("village", village)
			.query(UUID.class)
			.list();
		List<UsulanChecks.Candidate> open = checks.open(village, null);
		if (only != null) {
			for (int i = 0; i < only.size(); i++) {
				if (!all.contains(only.get(i))) {
					throw new InvalidInputException(FieldProblem.of("ids[" + i + "]", "USULAN_NOT_AGREED"));
				}
			}
		}
		List<UUID> agreed = only == null ? all : all.stream().filter(only::contains).toList();
		List<UsulanChecks.Failure> failures = checks.check(open.stream().filter(c -> agreed.contains(c.id())).toList(), open);
		if (!failures.isEmpty()) {
			throw new InvalidInputException(failures.stream()
				.map(f -> problem("usulan[" + f.usulanId() + "]." + f.field(), f))
				.toList());
		}
		Instant now = clock.instant();
		for (UUID id : agreed) {
			Usulan usulan = store.lock(id).orElseThrow(() -> new NotFoundException("Usulan"));
			usulan.submit(actor.id(), now);
			store.save(usulan);
			events.publish(usulan);
		}
		return agreed.size();
	}

	/** A village of the actor's territory (404 otherwise; 400 when it is no village code). */
	String village(CurrentUser actor, String villageCode) {
		if (villageCode == null || villageCode.isBlank()) {
			throw new InvalidInputException(FieldProblem.of("villageCode", "REQUIRED"));
		}
		RegionCode code = RegionCode.parse(villageCode.strip()).filter(c -> c.level() == RegionLevel.VILLAGE)
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("villageCode", "NOT_A_VILLAGE")));
		if (!regions.exists(code) || !actor.covers(code)) {
			throw new NotFoundException("Village");
		}
		return code.value();
	}

	/** Dinsos returns it to the village for correction, with the reason the village reads. */
	@Transactional
	public UsulanView returnForCorrection(CurrentUser actor, UUID id, String reason) {
		Usulan usulan = locked(actor, id, Action.USULAN_VERIFY, true);
		usulan.returnForCorrection(actor.id(), clock.instant(), Texts.required("reason", reason, 2000));
		return saved(actor, usulan);
	}

	/**
	 * Dinsos' head of office endorses it (pengesahan). Two people: whoever submitted it last to Dinsos may not
	 * also endorse it (409 {@code ENDORSER_SUBMITTED}).
	 */
	@Transactional
	public UsulanView endorse(CurrentUser actor, UUID id) {
		Usulan usulan = locked(actor, id, Action.USULAN_ENDORSE, true);
		boolean submittedIt = jdbc.sql("""
				select by_user = :me from usulan_step where usulan_id = :id and status = 'SUBMITTED'
				order by at desc, id desc limit 1""")
			.param("me", actor.id()).param("id", id)
			.query(Boolean.class).optional().orElse(false);
		if (submittedIt) {
			throw new ConflictException(FieldProblem.of("status", "ENDORSER_SUBMITTED"));
		}
		usulan.endorse(actor.id(), clock.instant());
		return saved(actor, usulan);
	}

	/**
	 * The field check of a sanggah by the PSM (or TKSK) of its village: found eligible or not, with a note; a later
	 * check replaces an earlier one. Written into the usulan's changes as {@code fieldCheck}.
	 */
	@Transactional
	public UsulanView recordFieldCheck(CurrentUser actor, UUID id, Boolean eligible, String note) {
		if (eligible == null) {
			throw new InvalidInputException(FieldProblem.of("eligible", "REQUIRED"));
		}
		String text = Texts.blankToNull(note);
		if (text != null && text.length() > 500) {
			throw new InvalidInputException(FieldProblem.of("note", "TEXT_TOO_LONG"));
		}
		Usulan usulan = locked(actor, id, Action.SANGGAH_CHECK, false);
		// the PSM who wrote the objection down does not also judge it
		if (actor.id().equals(jdbc.sql("select created_by from usulan where id = :id").param("id", id).query(UUID.class)
			.single())) {
			throw new ConflictException(FieldProblem.of("status", "CHECKER_PROPOSED"));
		}
		ObjectNode content = (ObjectNode) UsulanChanges.JSON.readTree(usulan.changes());
		JsonNode recorded = content.path("changes").path("fieldCheck");
		if (recorded.path("eligible").isBoolean() && recorded.path("eligible").asBoolean() == eligible
				&& recorded.path("note").asString("").equals(text == null ? "" : text)) {
			// the same check again (a second tap, a retry): recorded once
			return queries.usulan(actor, id).orElseThrow();
		}
		Instant now = clock.instant();
		ObjectNode check = UsulanChanges.JSON.createObjectNode();
		check.put("eligible", eligible);
		if (text != null) {
			check.put("note", text);
		}
		check.put("by", actor.displayName());
		check.put("at", now.toString());
		if (content.get("changes") instanceof ObjectNode changes) {
			changes.set("fieldCheck", check);
		}
		usulan.recordFieldCheck(eligible, content.toString(), actor.id(), now, text);
		return saved(actor, usulan);
	}

	/** Dinsos sends an endorsed usulan to the ministry (entered into its system). */
	@Transactional
	public UsulanView send(CurrentUser actor, UUID id) {
		Usulan usulan = locked(actor, id, Action.USULAN_VERIFY, true);
		usulan.send(actor.id(), clock.instant());
		return saved(actor, usulan);
	}

	/**
	 * The ministry's result for an usulan sent to it (INCLUDED with a desil, NOT_INCLUDED, EXCLUDED with a code
	 * and reason), recorded by Dinsos' verifier: the results import's step for one usulan.
	 */
	@Transactional
	UsulanView decide(CurrentUser actor, UUID id, Usulan.Status result, Integer desil, String code, String reason) {
		Usulan usulan = locked(actor, id, Action.USULAN_VERIFY, true);
		usulan.decide(result, desil, code, reason, actor.id(), clock.instant());
		return saved(actor, usulan);
	}

	/**
	 * Dinsos endorses ({@code endorse}) or sends to the ministry several usulan at once, all or none: one that
	 * may not take the step stops them all (403, 404 or 409 as for one).
	 *
	 * @return how many moved
	 */
	@Transactional
	public int moveAll(CurrentUser actor, List<UUID> ids, boolean endorse) {
		if (ids == null || ids.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of("ids", "REQUIRED"));
		}
		if (ids.size() > MAX_MOVED) {
			throw new InvalidInputException(FieldProblem.of("ids", "TOO_MANY"));
		}
		for (UUID id : ids.stream().distinct().toList()) {
			if (endorse) {
				endorse(actor, id);
			}
			else {
				send(actor, id);
			}
		}
		return (int) ids.stream().distinct().count();
	}

	/** Whether the user works at Dinsos (or above): a territory of a whole district or wider. */
	static boolean districtWide(CurrentUser user) {
		return user.districtWide();
	}

	private UsulanView visible(CurrentUser actor, UUID id) {
		return queries.usulan(actor, id).orElseThrow(() -> new NotFoundException("Usulan"));
	}

	private Usulan locked(CurrentUser actor, UUID id, Action action, boolean dinsos) {
		UsulanView seen = visible(actor, id);
		if (!actor.may(action) || (dinsos && !districtWide(actor))) {
			throw new AccessDeniedException(action + " is not for " + actor.role() + " of " + actor.territory());
		}
		return store.lock(seen.id()).orElseThrow(() -> new NotFoundException("Usulan"));
	}

	private UsulanView saved(CurrentUser actor, Usulan usulan) {
		store.save(usulan);
		events.publish(usulan);
		return queries.usulan(actor, usulan.id()).orElseThrow();
	}
}
