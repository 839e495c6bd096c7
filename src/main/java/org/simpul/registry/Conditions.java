package org.simpul.registry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * House conditions the registry records (roof, walls, floor and its area, electricity, latrine, drinking
 * water, as DTSEN asks them); every field is optional. The enumerations hold the
 * codes of the API; screens show their Indonesian labels.
 */
public record Conditions(Roof roof, Wall wall, Floor floor, BigDecimal floorAreaM2, Electricity electricity,
		Latrine latrine, DrinkingWater drinkingWater) {

	public static final Conditions UNKNOWN = new Conditions(null, null, null, null, null, null, null);

	/**
	 * The conditions the registry knows, by the names registry proposals and assessment questions use
	 * ({@code roof}, {@code floorAreaM2}, …), as codes or decimal text; the unknown ones left out.
	 */
	public Map<String, String> byField() {
		Map<String, String> fields = new LinkedHashMap<>();
		putKnown(fields, "roof", roof);
		putKnown(fields, "wall", wall);
		putKnown(fields, "floor", floor);
		if (floorAreaM2 != null) {
			fields.put("floorAreaM2", floorAreaM2.stripTrailingZeros().toPlainString());
		}
		putKnown(fields, "electricity", electricity);
		putKnown(fields, "latrine", latrine);
		putKnown(fields, "drinkingWater", drinkingWater);
		return fields;
	}

	private static void putKnown(Map<String, String> fields, String name, Enum<?> value) {
		if (value != null) {
			fields.put(name, value.name());
		}
	}

	public enum Roof {
		CONCRETE, TILE, ZINC, ASBESTOS, WOOD, THATCH, OTHER
	}

	public enum Wall {
		BRICK, CONCRETE, WOOD, BAMBOO, OTHER
	}

	public enum Floor {
		CERAMIC, CEMENT, WOOD, BAMBOO, EARTH, OTHER
	}

	public enum Electricity {
		PLN_450, PLN_900, PLN_1300, PLN_2200_PLUS, PLN_NO_METER, NON_PLN, NONE
	}

	public enum Latrine {
		OWN, SHARED, PUBLIC, NONE
	}

	public enum DrinkingWater {
		PIPED, PROTECTED_WELL, PROTECTED_SPRING, UNPROTECTED_WELL, UNPROTECTED_SPRING, RIVER, RAIN, BOTTLED
	}
}
