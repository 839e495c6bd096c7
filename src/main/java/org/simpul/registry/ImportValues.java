package org.simpul.registry;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The spellings a registry file may use for coded values (docs/formats/registry-import.md): the API's
 * codes, Dukcapil's numbers and the Indonesian words operators type. Unknown spellings are rejections,
 * never guesses.
 */
final class ImportValues {

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ofPattern("uuuu-MM-dd"),
			DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uuuu"),
			DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"))
		.stream()
		.map(f -> f.withResolverStyle(ResolverStyle.STRICT))
		.toList();

	private static final Map<String, Sex> SEX = Map.of("L", Sex.M, "LAKI-LAKI", Sex.M, "LAKI LAKI", Sex.M, "1", Sex.M,
			"M", Sex.M, "P", Sex.F, "PEREMPUAN", Sex.F, "2", Sex.F, "F", Sex.F);

	private static final Map<String, Relationship> RELATIONSHIP = new HashMap<>();

	private static final Map<String, Map<String, String>> WORDS = new HashMap<>();

	static {
		for (Relationship r : Relationship.values()) {
			RELATIONSHIP.put(String.valueOf(r.code()), r);
			RELATIONSHIP.put(r.name(), r);
		}
		String[][] words = { { "KEPALA KELUARGA", "HEAD" }, { "KEPALA RUMAH TANGGA", "HEAD" }, { "SUAMI", "HUSBAND" },
				{ "ISTRI", "WIFE" }, { "ISTERI", "WIFE" }, { "ANAK", "CHILD" }, { "MENANTU", "CHILD_IN_LAW" },
				{ "CUCU", "GRANDCHILD" }, { "ORANG TUA", "PARENT" }, { "ORANGTUA", "PARENT" }, { "MERTUA", "PARENT_IN_LAW" },
				{ "FAMILI LAIN", "OTHER_RELATIVE" }, { "PEMBANTU", "HOUSEHOLD_HELPER" }, { "LAINNYA", "OTHER" } };
		for (String[] w : words) {
			RELATIONSHIP.put(w[0], Relationship.valueOf(w[1]));
		}
		WORDS.put("roof", Map.of("BETON", "CONCRETE", "GENTENG", "TILE", "SENG", "ZINC", "ASBES", "ASBESTOS", "KAYU",
				"WOOD", "SIRAP", "WOOD", "JERAMI", "THATCH", "IJUK", "THATCH", "RUMBIA", "THATCH", "LAINNYA", "OTHER"));
		WORDS.put("wall", Map.of("TEMBOK", "BRICK", "BATA", "BRICK", "PLESTERAN", "CONCRETE", "KAYU", "WOOD", "PAPAN",
				"WOOD", "BAMBU", "BAMBOO", "ANYAMAN BAMBU", "BAMBOO", "LAINNYA", "OTHER"));
		WORDS.put("floor", Map.of("KERAMIK", "CERAMIC", "MARMER", "CERAMIC", "SEMEN", "CEMENT", "UBIN", "CEMENT",
				"KAYU", "WOOD", "BAMBU", "BAMBOO", "TANAH", "EARTH", "LAINNYA", "OTHER"));
		WORDS.put("electricity", Map.of("PLN 450", "PLN_450", "PLN 900", "PLN_900", "PLN 1300", "PLN_1300",
				"PLN 2200", "PLN_2200_PLUS", "PLN TANPA METERAN", "PLN_NO_METER", "NON PLN", "NON_PLN", "BUKAN PLN",
				"NON_PLN", "TIDAK ADA", "NONE"));
		WORDS.put("latrine", Map.of("SENDIRI", "OWN", "MILIK SENDIRI", "OWN", "BERSAMA", "SHARED", "UMUM", "PUBLIC",
				"TIDAK ADA", "NONE"));
		WORDS.put("drinkingWater", Map.of("LEDING", "PIPED", "LEDENG", "PIPED", "PAM", "PIPED", "SUMUR TERLINDUNG",
				"PROTECTED_WELL", "MATA AIR TERLINDUNG", "PROTECTED_SPRING", "SUMUR TAK TERLINDUNG", "UNPROTECTED_WELL",
				"MATA AIR TAK TERLINDUNG", "UNPROTECTED_SPRING", "SUNGAI", "RIVER", "AIR HUJAN", "RAIN", "AIR KEMASAN",
				"BOTTLED"));
		WORDS.put("disability", Map.of("TIDAK ADA", "NONE", "TIDAK", "NONE", "FISIK", "PHYSICAL", "INTELEKTUAL",
				"INTELLECTUAL", "MENTAL", "MENTAL", "SENSORIK", "SENSORY", "GANDA", "MULTIPLE"));
		WORDS.put("education", Map.of("TIDAK SEKOLAH", "NONE", "BELUM TAMAT SD", "NOT_FINISHED_SD", "SD", "SD", "SMP",
				"SMP", "SMA", "SMA", "SMK", "SMA", "D1", "DIPLOMA", "D3", "DIPLOMA", "S1", "BACHELOR", "S2", "POSTGRADUATE"));
	}

	private ImportValues() {
	}

	static Optional<LocalDate> date(String text) {
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(text.strip(), format));
			}
			catch (DateTimeParseException next) {
				// try the next accepted form
			}
		}
		return Optional.empty();
	}

	static Optional<Sex> sex(String text) {
		return Optional.ofNullable(SEX.get(key(text)));
	}

	static Optional<Relationship> relationship(String text) {
		return Optional.ofNullable(RELATIONSHIP.get(key(text)));
	}

	/** A coded field's value: the API code itself or one of its Indonesian words. */
	static <E extends Enum<E>> Optional<E> code(String field, Class<E> type, String text) {
		String key = key(text);
		String code = WORDS.getOrDefault(field, Map.of()).getOrDefault(key, key.replace(' ', '_'));
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(code)) {
				return Optional.of(value);
			}
		}
		return Optional.empty();
	}

	/** Upper case, '_' '.' and runs of spaces as one space, a trailing unit "VA" dropped; no regular expressions (hot path). */
	private static String key(String text) {
		StringBuilder key = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '_' || c == '.' || Character.isWhitespace(c)) {
				space = key.length() > 0;
				continue;
			}
			if (space) {
				key.append(' ');
				space = false;
			}
			key.append(Character.toUpperCase(c));
		}
		int length = key.length();
		if (length > 3 && key.charAt(length - 1) == 'A' && key.charAt(length - 2) == 'V' && key.charAt(length - 3) == ' ') {
			key.setLength(length - 3);
		}
		return key.toString();
	}
}
