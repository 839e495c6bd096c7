package org.simpul.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.simpul.registry.NewHousehold.Member;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;
import org.springframework.util.MultiValueMap;

/**
 * Reads the household page form ({@code kkNumber}, {@code members[2].nik}, …) into a {@link NewHousehold},
 * keeping what the user typed so that the form can be shown again with its errors. A value that is not a
 * known code or date becomes a field problem here; everything else is checked by {@link HouseholdRegistration}.
 */
final class HouseholdForm {

	private static final Pattern MEMBER_FIELD = Pattern.compile("members\\[(\\d{1,2})]\\.(\\w+)");

	/** What the user typed, by field name, for showing the form again. */
	final Map<String, String> values;

	final List<Integer> memberIndexes;

	final List<FieldProblem> problems = new ArrayList<>();

	private HouseholdForm(Map<String, String> values, List<Integer> memberIndexes) {
		this.values = values;
		this.memberIndexes = memberIndexes;
	}

	static HouseholdForm read(MultiValueMap<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		TreeSet<Integer> indexes = new TreeSet<>();
		params.forEach((name, list) -> {
			String value = list.isEmpty() ? "" : list.getFirst();
			values.put(name, value);
			Matcher m = MEMBER_FIELD.matcher(name);
			if (m.matches()) {
				indexes.add(Integer.parseInt(m.group(1)));
			}
		});
		return new HouseholdForm(values, new ArrayList<>(indexes));
	}

	static HouseholdForm empty(String villageCode) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("villageCode", villageCode == null ? "" : villageCode);
		values.put("members[0].relationship", "HEAD");
		return new HouseholdForm(values, new ArrayList<>(List.of(0)));
	}

	/** The edit form of a registered household: its own fields filled in, no new member yet. */
	static HouseholdForm of(Views.HouseholdView h) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("villageCode", h.villageCode());
		values.put("rt", h.rt() == null ? "" : h.rt());
		values.put("rw", h.rw() == null ? "" : h.rw());
		values.put("address", h.address() == null ? "" : h.address());
		values.put("welfareDecile", h.welfareDecile() == null ? "" : h.welfareDecile().toString());
		Conditions c = h.conditions();
		values.put("roof", c.roof() == null ? "" : c.roof().name());
		values.put("wall", c.wall() == null ? "" : c.wall().name());
		values.put("floor", c.floor() == null ? "" : c.floor().name());
		values.put("floorAreaM2", c.floorAreaM2() == null ? "" : c.floorAreaM2().stripTrailingZeros().toPlainString());
		values.put("electricity", c.electricity() == null ? "" : c.electricity().name());
		values.put("latrine", c.latrine() == null ? "" : c.latrine().name());
		values.put("drinkingWater", c.drinkingWater() == null ? "" : c.drinkingWater().name());
		values.put("version", Integer.toString(h.version()));
		return new HouseholdForm(values, new ArrayList<>());
	}

	/** A new member row of the edit form starts as a child of the household, the commonest case. */
	void addNewMember() {
		addMember();
		values.put("members[" + memberIndexes.getLast() + "].relationship", "CHILD");
	}

	void addMember() {
		memberIndexes.add(memberIndexes.isEmpty() ? 0 : memberIndexes.getLast() + 1);
	}

	void removeMember(int index) {
		memberIndexes.remove(Integer.valueOf(index));
		values.keySet().removeIf(key -> key.startsWith("members[" + index + "]."));
	}

	String value(String field) {
		return values.getOrDefault(field, "");
	}

	/** The household, with member positions renumbered from 0 in the order shown. */
	NewHousehold toNewHousehold() {
		List<Member> members = new ArrayList<>();
		for (int shown = 0; shown < memberIndexes.size(); shown++) {
			String at = "members[" + memberIndexes.get(shown) + "].";
			String field = "members[" + shown + "].";
			members.add(new Member(null, text(at + "nik"), null, text(at + "name"), text(at + "birthPlace"),
					date(at + "birthDate", field + "birthDate"), code(Sex.class, at + "sex", field + "sex"),
					code(Relationship.class, at + "relationship", field + "relationship"),
					code(PersonAttributes.Disability.class, at + "disability", field + "disability"),
					code(PersonAttributes.Education.class, at + "education", field + "education"), text(at + "occupation"),
					code(PersonAttributes.MaritalStatus.class, at + "maritalStatus", field + "maritalStatus"), List.of()));
		}
		Conditions conditions = new Conditions(code(Conditions.Roof.class, "roof", "conditions.roof"),
				code(Conditions.Wall.class, "wall", "conditions.wall"),
				code(Conditions.Floor.class, "floor", "conditions.floor"), decimal("floorAreaM2", "conditions.floorAreaM2"),
				code(Conditions.Electricity.class, "electricity", "conditions.electricity"),
				code(Conditions.Latrine.class, "latrine", "conditions.latrine"),
				code(Conditions.DrinkingWater.class, "drinkingWater", "conditions.drinkingWater"));
		return new NewHousehold(null, text("kkNumber"), text("villageCode"), text("rt"), text("rw"), text("address"),
				integer("welfareDecile"), conditions, members, List.of());
	}

	/** The form field a problem of the registration names ({@code members[1].nik} is the second row shown). */
	String formField(String problemField) {
		Matcher m = Pattern.compile("members\\[(\\d+)](.*)").matcher(problemField);
		if (m.matches() && Integer.parseInt(m.group(1)) < memberIndexes.size()) {
			return "members[" + memberIndexes.get(Integer.parseInt(m.group(1))) + "]" + m.group(2);
		}
		return problemField.startsWith("conditions.") ? problemField.substring("conditions.".length()) : problemField;
	}

	private String text(String field) {
		String value = values.get(field);
		return value == null || value.isBlank() ? null : value.strip();
	}

	private <E extends Enum<E>> E code(Class<E> type, String field, String problemField) {
		String value = text(field);
		if (value == null) {
			return null;
		}
		Optional<E> found = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value)).findFirst();
		if (found.isEmpty()) {
			problems.add(FieldProblem.of(problemField, "INVALID_VALUE"));
		}
		return found.orElse(null);
	}

	private LocalDate date(String field, String problemField) {
		String value = text(field);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of(problemField, "INVALID_DATE"));
			return null;
		}
	}

	private Integer integer(String field) {
		String value = text(field);
		try {
			return value == null ? null : Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of(field, "INVALID_VALUE"));
			return null;
		}
	}

	private BigDecimal decimal(String field, String problemField) {
		String value = text(field);
		try {
			return value == null ? null : Decimals.parse(value);
		}
		catch (NumberFormatException ex) {
			problems.add(FieldProblem.of(problemField, "INVALID_VALUE"));
			return null;
		}
	}
}
