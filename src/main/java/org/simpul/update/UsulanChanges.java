package org.simpul.update;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.simpul.registry.IdentifierProblem;
import org.simpul.registry.IdentifierRules;
import org.simpul.registry.Relationship;
import org.simpul.registry.RegistryProposals;
import org.simpul.registry.Sex;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.update.Usulan.Kind;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an usulan changes, by kind, checked field by field (each problem named as {@code changes.members[0].nik})
 * and kept as canonical JSON. The shapes:
 * <ul>
 * <li>ENTER: {@code members} (1–30 persons: {@code name} required; {@code nik}, {@code birthDate}, {@code sex},
 * {@code relationship}, {@code birthPlace}) and, for a new household, {@code household} ({@code kkNumber},
 * {@code address}, {@code rt}, {@code rw}, {@code conditions}); about a registered household, its newcomers, or
 * none: the household itself as the registry holds it (one the village registered that DTSEN does not hold);</li>
 * <li>CHANGE: any of {@code address}, {@code rt}, {@code rw}, {@code conditions} (the registry's house
 * fields), and for a person {@code name}, {@code birthDate}, {@code sex}, {@code relationship};</li>
 * <li>REMOVE: {@code removalReason} (DIED, MOVED, ABLE, NOT_FOUND, PPU, PBPU) and an optional {@code date};</li>
 * <li>PROGRAMME: {@code programme} (PKH, SEMBAKO, PBI_JK);</li>
 * <li>SANGGAH: {@code objectorName} required, {@code objectorAddress}, {@code programme}, {@code latitude},
 * {@code longitude}.</li>
 * </ul>
 * A draft may be incomplete (a complaint brings a name, not yet a NIK; a removal its reason only in words);
 * completeness is the integrity checks' question before the village submits. The house's fields may also be
 * given beside the others (as the household API takes them): they are the {@code conditions}. Unknown fields
 * are refused, never dropped.
 */
@Component
class UsulanChanges {

	static final JsonMapper JSON = JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

	static final Set<String> REMOVAL_REASONS = Set.of("DIED", "MOVED", "ABLE", "NOT_FOUND", "PPU", "PBPU");

	static final Set<String> PROGRAMMES = Set.of("PKH", "SEMBAKO", "PBI_JK");

	static final int MAX_MEMBERS = 30;

	private static final int MAX_TEXT = 200;

	private final IdentifierRules identifiers;

	UsulanChanges(IdentifierRules identifiers) {
		this.identifiers = identifiers;
	}

	/**
	 * The checked changes of an usulan of {@code kind}; {@code onHousehold} and {@code onPerson} say what it is
	 * about in the registry (an ENTER without a household makes a new one).
	 */
	ObjectNode check(Kind kind, JsonNode changes, boolean onHousehold, boolean onPerson) {
		List<FieldProblem> problems = new ArrayList<>();
		ObjectNode out = JSON.createObjectNode();
		if (changes != null && !changes.isNull() && !changes.isObject()) {
			throw new InvalidInputException(FieldProblem.of("changes", "INVALID_VALUE"));
		}
		JsonNode in = changes == null || changes.isNull() ? JSON.createObjectNode() : changes;
		if (kind == Kind.ENTER) {
			in = flattenedHousehold(in);
		}
		if (kind == Kind.CHANGE) {
			in = flattenedConditions(in);
		}
		Set<String> allowed = switch (kind) {
			case ENTER -> Set.of("members", "household");
			case CHANGE -> Set.of("address", "rt", "rw", "conditions", "name", "birthDate", "sex", "relationship");
			case REMOVE -> Set.of("removalReason", "date");
			case PROGRAMME -> Set.of("programme");
			case SANGGAH -> Set.of("objectorName", "objectorAddress", "programme", "latitude", "longitude");
		};
		for (Map.Entry<String, JsonNode> property : in.properties()) {
			if (!allowed.contains(property.getKey())) {
				problems.add(FieldProblem.of("changes." + property.getKey(), "UNKNOWN_FIELD"));
			}
		}
		switch (kind) {
			case ENTER -> {
				JsonNode members = in.get("members");
				if (onHousehold && (members == null || members.isNull() || members.isArray() && members.isEmpty())) {
					// no newcomers: the registered household itself, as the registry holds it, is proposed
				}
				else if (members == null || !members.isArray() || members.isEmpty()) {
					problems.add(FieldProblem.of("changes.members", "REQUIRED"));
				}
				else if (members.size() > MAX_MEMBERS) {
					problems.add(FieldProblem.of("changes.members", "TOO_MANY"));
				}
				else {
					ArrayNode list = out.putArray("members");
					for (int i = 0; i < members.size(); i++) {
						list.add(member(members.get(i), "changes.members[" + i + "]", problems));
					}
				}
				JsonNode household = in.get("household");
				if (household != null && !household.isNull()) {
					if (onHousehold) {
						problems.add(FieldProblem.of("changes.household", "NOT_ALLOWED_FOR_EXISTING_HOUSEHOLD"));
					}
					else {
						out.set("household", household(household, "changes.household", problems));
					}
				}
			}
			case CHANGE -> {
				ObjectNode place = JSON.createObjectNode();
				text(in, "address", "changes.address", place, problems, false);
				code(in, "rt", "changes.rt", place, problems);
				code(in, "rw", "changes.rw", place, problems);
				if (in.has("conditions")) {
					if (!onHousehold) {
						problems.add(FieldProblem.of("changes.conditions", "HOUSEHOLD_REQUIRED"));
					}
					else {
						place.set("conditions", conditions(in.get("conditions"), "changes.conditions", problems));
					}
				}
				if (!onPerson && (in.has("name") || in.has("birthDate") || in.has("sex") || in.has("relationship"))) {
					problems.add(FieldProblem.of("personId", "REQUIRED"));
				}
				else if (onPerson) {
					text(in, "name", "changes.name", place, problems, false);
					date(in, "birthDate", "changes.birthDate", place, problems);
					choice(in, "sex", "changes.sex", SEXES, place, problems);
					choice(in, "relationship", "changes.relationship", names(Relationship.values()), place, problems);
				}
				out.setAll(place);
				if (out.isEmpty() && problems.isEmpty()) {
					problems.add(FieldProblem.of("changes", "NOTHING_TO_CHANGE"));
				}
			}
			case REMOVE -> {
				choice(in, "removalReason", "changes.removalReason", REMOVAL_REASONS, out, problems);
				date(in, "date", "changes.date", out, problems);
			}
			case PROGRAMME -> {
				choice(in, "programme", "changes.programme", PROGRAMMES, out, problems);
			}
			case SANGGAH -> {
				text(in, "objectorName", "changes.objectorName", out, problems, true);
				text(in, "objectorAddress", "changes.objectorAddress", out, problems, false);
				choice(in, "programme", "changes.programme", PROGRAMMES, out, problems);
				coordinate(in, "latitude", "changes.latitude", 90, out, problems);
				coordinate(in, "longitude", "changes.longitude", 180, out, problems);
			}
		}
		if (kind != Kind.ENTER && kind != Kind.CHANGE && !onHousehold && !onPerson) {
			problems.add(FieldProblem.of("householdId", "REQUIRED"));
		}
		if (kind == Kind.ENTER && onPerson) {
			problems.add(FieldProblem.of("personId", "NOT_ALLOWED"));
		}
		if (kind == Kind.CHANGE && !onHousehold && !onPerson) {
			problems.add(FieldProblem.of("householdId", "REQUIRED"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return out;
	}

	/**
	 * A new family's card, address and house given beside its members ({@code kkNumber}, {@code address},
	 * {@code rt}, {@code rw}, {@code conditions}, as the household API takes them) are its {@code household}.
	 */
	private static JsonNode flattenedHousehold(JsonNode in) {
		Set<String> householdFields = Set.of("kkNumber", "address", "rt", "rw", "conditions");
		boolean flat = false;
		for (String field : householdFields) {
			flat |= in.has(field);
		}
		if (!flat || in.has("household")) {
			return in;
		}
		ObjectNode copy = (ObjectNode) in.deepCopy();
		ObjectNode household = copy.putObject("household");
		for (String field : householdFields) {
			if (copy.has(field)) {
				household.set(field, copy.remove(field));
			}
		}
		return copy;
	}

	/** A change's house fields given beside the others ({@code "latrine": "OWN"}) are its {@code conditions}. */
	private static JsonNode flattenedConditions(JsonNode in) {
		boolean flat = RegistryProposals.FIELDS.keySet().stream().anyMatch(in::has);
		if (!flat) {
			return in;
		}
		ObjectNode copy = (ObjectNode) in.deepCopy();
		ObjectNode conditions = copy.has("conditions") && copy.get("conditions").isObject()
				? (ObjectNode) copy.get("conditions") : copy.putObject("conditions");
		for (String field : RegistryProposals.FIELDS.keySet()) {
			if (copy.has(field)) {
				conditions.set(field, copy.remove(field));
			}
		}
		return copy;
	}

	private ObjectNode member(JsonNode member, String path, List<FieldProblem> problems) {
		ObjectNode out = JSON.createObjectNode();
		if (member == null || !member.isObject()) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return out;
		}
		Set<String> allowed = Set.of("nik", "name", "birthDate", "birthPlace", "sex", "relationship");
		for (Map.Entry<String, JsonNode> property : member.properties()) {
			if (!allowed.contains(property.getKey())) {
				problems.add(FieldProblem.of(path + "." + property.getKey(), "UNKNOWN_FIELD"));
			}
		}
		if (!member.has("name")) {
			problems.add(FieldProblem.of(path + ".name", "REQUIRED"));
		}
		text(member, "name", path + ".name", out, problems, true);
		if (member.has("nik") && !member.get("nik").isNull()) {
			JsonNode nik = member.get("nik");
			String value = nik.isString() ? nik.asString().strip() : "";
			List<IdentifierProblem> wrong = identifiers.nikProblems(value);
			if (!nik.isString() || !wrong.isEmpty()) {
				problems.add(FieldProblem.of(path + ".nik", wrong.isEmpty() ? "INVALID_VALUE" : wrong.getFirst().name()));
			}
			else {
				out.put("nik", value);
			}
		}
		text(member, "birthPlace", path + ".birthPlace", out, problems, false);
		date(member, "birthDate", path + ".birthDate", out, problems);
		choice(member, "sex", path + ".sex", SEXES, out, problems);
		choice(member, "relationship", path + ".relationship", names(Relationship.values()), out, problems);
		return out;
	}

	private ObjectNode household(JsonNode household, String path, List<FieldProblem> problems) {
		ObjectNode out = JSON.createObjectNode();
		if (!household.isObject()) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return out;
		}
		Set<String> allowed = Set.of("kkNumber", "address", "rt", "rw", "conditions");
		for (Map.Entry<String, JsonNode> property : household.properties()) {
			if (!allowed.contains(property.getKey())) {
				problems.add(FieldProblem.of(path + "." + property.getKey(), "UNKNOWN_FIELD"));
			}
		}
		if (household.has("kkNumber") && !household.get("kkNumber").isNull()) {
			JsonNode kk = household.get("kkNumber");
			String value = kk.isString() ? kk.asString().strip() : "";
			List<IdentifierProblem> wrong = identifiers.kkProblems(value);
			if (!kk.isString() || !wrong.isEmpty()) {
				problems.add(FieldProblem.of(path + ".kkNumber", wrong.isEmpty() ? "INVALID_VALUE" : wrong.getFirst().name()));
			}
			else {
				out.put("kkNumber", value);
			}
		}
		text(household, "address", path + ".address", out, problems, false);
		code(household, "rt", path + ".rt", out, problems);
		code(household, "rw", path + ".rw", out, problems);
		if (household.has("conditions")) {
			out.set("conditions", conditions(household.get("conditions"), path + ".conditions", problems));
		}
		return out;
	}

	private static ObjectNode conditions(JsonNode conditions, String path, List<FieldProblem> problems) {
		ObjectNode out = JSON.createObjectNode();
		if (conditions == null || !conditions.isObject()) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return out;
		}
		for (Map.Entry<String, JsonNode> property : conditions.properties()) {
			String name = property.getKey();
			JsonNode value = property.getValue();
			Set<String> codes = RegistryProposals.FIELDS.get(name);
			if (codes == null) {
				problems.add(FieldProblem.of(path + "." + name, "UNKNOWN_FIELD"));
			}
			else if (value == null || value.isNull()) {
				continue;
			}
			else if (codes.isEmpty()) {
				try {
					BigDecimal number = Decimals.parse(value.isNumber() ? value.asString() : value.isString() ? value.asString() : "x");
					if (number.signum() <= 0 || number.compareTo(BigDecimal.valueOf(10_000)) > 0) {
						problems.add(FieldProblem.of(path + "." + name, "NUMBER_OUT_OF_RANGE"));
					}
					else {
						out.put(name, number.stripTrailingZeros().toPlainString());
					}
				}
				catch (IllegalArgumentException ex) {
					problems.add(FieldProblem.of(path + "." + name, "INVALID_NUMBER"));
				}
			}
			else if (!value.isString() || !codes.contains(value.asString())) {
				problems.add(FieldProblem.of(path + "." + name, "INVALID_VALUE"));
			}
			else {
				out.put(name, value.asString());
			}
		}
		return out;
	}

	private static void text(JsonNode in, String name, String path, ObjectNode out, List<FieldProblem> problems,
			boolean required) {
		JsonNode value = in.get(name);
		if (value == null || value.isNull()) {
			return;
		}
		if (!value.isString()) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return;
		}
		String text = value.asString().strip();
		if (text.isEmpty()) {
			if (required) {
				problems.add(FieldProblem.of(path, "REQUIRED"));
			}
			return;
		}
		if (text.length() > MAX_TEXT) {
			problems.add(FieldProblem.of(path, "TEXT_TOO_LONG"));
			return;
		}
		out.put(name, text);
	}

	/** RT and RW: one to three digits, kept as three ("2" → "002"). */
	private static void code(JsonNode in, String name, String path, ObjectNode out, List<FieldProblem> problems) {
		JsonNode value = in.get(name);
		if (value == null || value.isNull()) {
			return;
		}
		String text = value.isString() || value.isIntegralNumber() ? value.asString().strip() : "";
		if (!text.matches("[0-9]{1,3}")) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return;
		}
		out.put(name, "%03d".formatted(Integer.parseInt(text)));
	}

	private static void date(JsonNode in, String name, String path, ObjectNode out, List<FieldProblem> problems) {
		JsonNode value = in.get(name);
		if (value == null || value.isNull()) {
			return;
		}
		try {
			LocalDate date = LocalDate.parse(value.isString() ? value.asString().strip() : "");
			if (date.getYear() < 1900 || date.getYear() > 2100) {
				problems.add(FieldProblem.of(path, "INVALID_DATE"));
				return;
			}
			out.put(name, date.toString());
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(path, "INVALID_DATE"));
		}
	}

	private static void choice(JsonNode in, String name, String path, Set<String> codes, ObjectNode out,
			List<FieldProblem> problems) {
		JsonNode value = in.get(name);
		if (value == null || value.isNull()) {
			return;
		}
		if (!value.isString() || !codes.contains(value.asString().strip())) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return;
		}
		out.put(name, value.asString().strip());
	}

	private static void coordinate(JsonNode in, String name, String path, int bound, ObjectNode out,
			List<FieldProblem> problems) {
		JsonNode value = in.get(name);
		if (value == null || value.isNull()) {
			return;
		}
		if (!value.isNumber() || Math.abs(value.asDouble()) > bound || !Double.isFinite(value.asDouble())) {
			problems.add(FieldProblem.of(path, "INVALID_VALUE"));
			return;
		}
		out.put(name, value.asDouble());
	}

	static Set<String> names(Enum<?>[] values) {
		Set<String> names = new HashSet<>();
		for (Enum<?> value : values) {
			names.add(value.name());
		}
		return names;
	}

	/** The sexes a change may name (the registry's own codes). */
	static final Set<String> SEXES = names(Sex.values());
}
