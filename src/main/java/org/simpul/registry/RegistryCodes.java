package org.simpul.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** The codes each coded form field offers, for the pages ({@code ${@registryCodes.values('roof')}}). */
@Component("registryCodes")
public class RegistryCodes {

	private static final Map<String, Class<? extends Enum<?>>> FIELDS = Map.ofEntries(
			Map.entry("roof", Conditions.Roof.class), Map.entry("wall", Conditions.Wall.class),
			Map.entry("floor", Conditions.Floor.class), Map.entry("electricity", Conditions.Electricity.class),
			Map.entry("latrine", Conditions.Latrine.class), Map.entry("drinkingWater", Conditions.DrinkingWater.class),
			Map.entry("sex", Sex.class), Map.entry("relationship", Relationship.class),
			Map.entry("education", PersonAttributes.Education.class),
			Map.entry("disability", PersonAttributes.Disability.class),
			Map.entry("maritalStatus", PersonAttributes.MaritalStatus.class),
			Map.entry("membership", PersonAttributes.MembershipStatus.class),
			Map.entry("leaveReason", PersonAttributes.LeaveReason.class));

	public List<String> values(String field) {
		Class<? extends Enum<?>> type = FIELDS.get(field);
		return type == null ? List.of() : Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
	}

	/** Every coded field and its codes: the message files must label each (I18nTests). */
	public static Map<String, List<String>> all() {
		RegistryCodes codes = new RegistryCodes();
		return FIELDS.keySet().stream().collect(Collectors.toMap(f -> f, codes::values));
	}
}
