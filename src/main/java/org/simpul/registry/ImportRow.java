package org.simpul.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.simpul.access.Territory;
import org.simpul.region.RegionCode;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;

/**
 * One data row of a registry file, checked on its own (identifiers, dates, codes, village inside the
 * uploader's territory) and turned into a line for the staging table; what needs the whole file or the
 * database (a NIK twice, a household without head, a person registered elsewhere) is checked in SQL.
 */
final class ImportRow {

	static final List<String> REQUIRED = List.of("no_kk", "nik", "nama", "tanggal_lahir", "jenis_kelamin",
			"hubungan_keluarga", "kode_desa");

	static final List<String> OPTIONAL = List.of("tempat_lahir", "alamat", "rt", "rw", "desil", "disabilitas",
			"pekerjaan", "pendidikan", "atap", "dinding", "lantai", "luas_lantai", "sumber_listrik", "jamban",
			"sumber_air_minum", "program");

	/** The staging columns, in COPY order. */
	static final String STAGING_COLUMNS = "line, kk, kk_cipher, kk_shown, nik, nik_cipher, nik_shown, name, name_key, phonetic_key, birth_place, birth_date, sex,"
			+ " relationship, village_code, address, rt, rw, decile, disability, education, occupation, roof, wall, floor,"
			+ " floor_area, electricity, latrine, drinking_water, programmes";

	private ImportRow() {
	}

	/** The context a row is checked in. */
	record Context(Map<String, Integer> columns, IdentifierRules identifiers, StoredIdentifiers stored,
			Function<String, Boolean> isVillage, Territory territory, Set<String> programmes,
			Function<String, LocalDate> today) {

		String value(List<String> fields, String column) {
			Integer index = columns.get(column);
			if (index == null || index >= fields.size()) {
				return "";
			}
			return fields.get(index).strip();
		}
	}

	/** Either the staging line (CSV text for COPY) or the problems that reject the row. */
	record Checked(String staging, List<FieldProblem> problems) {
	}

	static Checked check(long line, List<String> fields, Context c) {
		List<FieldProblem> problems = new ArrayList<>();
		String kk = Identifiers.digitsOnly(c.value(fields, "no_kk"));
		c.identifiers().kkProblems(kk).forEach(p -> problems.add(FieldProblem.of("no_kk", p.name())));
		String nik = Identifiers.digitsOnly(c.value(fields, "nik"));
		c.identifiers().nikProblems(nik).forEach(p -> problems.add(FieldProblem.of("nik", p.name())));
		String name = c.value(fields, "nama");
		HouseholdRegistration.checkName("nama", name, problems);
		if (!name.isEmpty() && "=+-@".indexOf(name.charAt(0)) >= 0) {
			problems.add(FieldProblem.of("nama", "NAME_INVALID")); // a spreadsheet formula, not a name
		}
		Optional<LocalDate> birthDate = ImportValues.date(c.value(fields, "tanggal_lahir"));
		if (birthDate.isEmpty()) {
			problems.add(FieldProblem.of("tanggal_lahir", "INVALID_DATE"));
		}
		else if (birthDate.get().isAfter(c.today().apply(c.value(fields, "kode_desa"))) || birthDate.get().getYear() < 1900) {
			problems.add(FieldProblem.of("tanggal_lahir", "INVALID_DATE"));
		}
		Optional<Sex> sex = ImportValues.sex(c.value(fields, "jenis_kelamin"));
		if (sex.isEmpty()) {
			problems.add(FieldProblem.of("jenis_kelamin", "INVALID_VALUE"));
		}
		Optional<Relationship> relationship = ImportValues.relationship(c.value(fields, "hubungan_keluarga"));
		if (relationship.isEmpty()) {
			problems.add(FieldProblem.of("hubungan_keluarga", "INVALID_VALUE"));
		}
		String village = c.value(fields, "kode_desa");
		Optional<RegionCode> villageCode = RegionCode.parse(village);
		if (villageCode.isEmpty() || !c.isVillage().apply(village)) {
			problems.add(FieldProblem.of("kode_desa", "REGION_UNKNOWN"));
		}
		else if (!c.territory().covers(villageCode.get())) {
			problems.add(FieldProblem.of("kode_desa", "VILLAGE_OUTSIDE_TERRITORY"));
		}
		String rt = digits(c.value(fields, "rt"), "rt", problems);
		String rw = digits(c.value(fields, "rw"), "rw", problems);
		Integer decile = null;
		String decileText = c.value(fields, "desil");
		if (!decileText.isEmpty()) {
			try {
				decile = Integer.valueOf(decileText);
				if (decile < 1 || decile > 10) {
					problems.add(FieldProblem.of("desil", "DECILE_OUT_OF_RANGE"));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(FieldProblem.of("desil", "DECILE_OUT_OF_RANGE"));
			}
		}
		BigDecimal area = null;
		String areaText = c.value(fields, "luas_lantai").replace(',', '.');
		if (!areaText.isEmpty()) {
			try {
				area = Decimals.parse(areaText);
				if (area.signum() <= 0 || area.compareTo(BigDecimal.valueOf(10_000)) > 0) {
					problems.add(FieldProblem.of("luas_lantai", "TOO_SMALL_OR_LARGE"));
				}
			}
			catch (NumberFormatException ex) {
				problems.add(FieldProblem.of("luas_lantai", "INVALID_VALUE"));
			}
		}
		List<String> programmes = new ArrayList<>();
		for (String code : c.value(fields, "program").split("\\|")) {
			String p = code.strip().toUpperCase(Locale.ROOT);
			if (p.isEmpty()) {
				continue;
			}
			if (!c.programmes().contains(p)) {
				problems.add(FieldProblem.of("program", "PROGRAMME_UNKNOWN"));
			}
			else if (!programmes.contains(p)) {
				programmes.add(p);
			}
		}
		String address = c.value(fields, "alamat");
		String birthPlace = c.value(fields, "tempat_lahir");
		String occupation = c.value(fields, "pekerjaan");
		if (address.length() > 500 || birthPlace.length() > 100 || occupation.length() > 100) {
			problems.add(FieldProblem.of(address.length() > 500 ? "alamat" : birthPlace.length() > 100 ? "tempat_lahir"
					: "pekerjaan", "LENGTH_OUT_OF_RANGE"));
		}
		String disability = coded("disabilitas", "disability", PersonAttributes.Disability.class, fields, c, problems);
		String education = coded("pendidikan", "education", PersonAttributes.Education.class, fields, c, problems);
		String roof = coded("atap", "roof", Conditions.Roof.class, fields, c, problems);
		String wall = coded("dinding", "wall", Conditions.Wall.class, fields, c, problems);
		String floor = coded("lantai", "floor", Conditions.Floor.class, fields, c, problems);
		String electricity = coded("sumber_listrik", "electricity", Conditions.Electricity.class, fields, c, problems);
		String latrine = coded("jamban", "latrine", Conditions.Latrine.class, fields, c, problems);
		String water = coded("sumber_air_minum", "drinkingWater", Conditions.DrinkingWater.class, fields, c, problems);
		if (!problems.isEmpty()) {
			return new Checked(null, problems);
		}
		// the staging table holds each identifier's blind index, ciphertext and masked form, never its digits
		String staging = String.join(",", String.valueOf(line), c.stored().kkIndex(kk), c.stored().seal(kk),
				Identifiers.masked(kk), c.stored().nikIndex(nik), c.stored().seal(nik), Identifiers.masked(nik),
				csv(name.strip()),
				csv(IndonesianNames.normalise(name)), csv(IndonesianNames.phonetic(name)), csv(birthPlace),
				birthDate.get().toString(), sex.get().name(), relationship.get().name(), village, csv(address), nullable(rt),
				nullable(rw), decile == null ? "" : decile.toString(), nullable(disability), nullable(education),
				csv(occupation), nullable(roof), nullable(wall), nullable(floor), area == null ? "" : area.toPlainString(),
				nullable(electricity), nullable(latrine), nullable(water), csv(String.join("|", programmes)));
		return new Checked(staging + "\n", List.of());
	}

	private static <E extends Enum<E>> String coded(String column, String field, Class<E> type, List<String> fields,
			Context c, List<FieldProblem> problems) {
		String text = c.value(fields, column);
		if (text.isEmpty()) {
			return null;
		}
		Optional<E> value = ImportValues.code(field, type, text);
		if (value.isEmpty()) {
			problems.add(FieldProblem.of(column, "INVALID_VALUE"));
			return null;
		}
		return value.get().name();
	}

	private static String digits(String text, String column, List<FieldProblem> problems) {
		if (text.isEmpty()) {
			return null;
		}
		if (text.length() > 3 || !Identifiers.allDigits(text)) {
			problems.add(FieldProblem.of(column, "INVALID_FORMAT"));
			return null;
		}
		return "%03d".formatted(Integer.parseInt(text));
	}

	/** A text field for COPY's CSV format: empty is NULL, anything else quoted. */
	private static String csv(String text) {
		return text == null || text.isEmpty() ? "" : "\"" + text.replace("\"", "\"\"") + "\"";
	}

	private static String nullable(String code) {
		return code == null ? "" : code;
	}
}
