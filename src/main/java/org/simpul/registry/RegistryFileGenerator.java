package org.simpul.registry;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes synthetic registry files in the import format (docs/formats/registry-import.md) for any regency:
 * realistic Indonesian names (older people often in the old spelling), household structures, NIK and KK
 * numbers consistent with district, birth date and sex, house conditions and programmes that follow the
 * welfare decile. About 2% of persons get a near-duplicate row (another NIK, a spelling variant of the
 * name, the same birth date) and about 1% of rows are invalid in a known way; both are listed in sidecar
 * files, so tests and benchmarks can check the outcome. The same seed always writes the same file.
 *
 * <pre>./mvnw -q compile exec:java -Dexec.mainClass=org.simpul.registry.RegistryFileGenerator \
 *     -Dexec.args="--regency 33.28 --persons 10000 --seed 42 --out target/tegal.csv"</pre>
 */
public final class RegistryFileGenerator {

	public static final String HEADER = "no_kk,nik,nama,tanggal_lahir,jenis_kelamin,hubungan_keluarga,kode_desa,"
			+ "tempat_lahir,alamat,rt,rw,desil,disabilitas,pekerjaan,pendidikan,atap,dinding,lantai,luas_lantai,"
			+ "sumber_listrik,jamban,sumber_air_minum,program";

	private static final String[] MEN = { "Slamet", "Budi", "Agus", "Joko", "Bambang", "Sugeng", "Wahyudi", "Darsono",
			"Suyono", "Sukardi", "Tarjo", "Rasmono", "Kasmadi", "Warsito", "Supriyadi", "Yusuf", "Ahmad", "Muhammad",
			"Abdul Rohman", "Sutrisno", "Eko", "Dwi", "Rizky", "Fajar", "Dimas", "Aditya", "Bayu", "Hendra", "Imam",
			"Nur Hidayat", "Cahyo", "Suharto", "Sunaryo", "Karyono", "Waluyo", "Parjo", "Rohmat", "Khoirul", "Syaiful",
			"Nyoto" };

	private static final String[] WOMEN = { "Siti", "Sri", "Nur", "Dewi", "Suminah", "Warsini", "Rukmini", "Tusinah",
			"Darsih", "Jumirah", "Sutinah", "Kusnaeni", "Rahayu", "Wulandari", "Lestari", "Aminah", "Khasanah", "Ayu",
			"Indah", "Putri", "Fitri", "Yuliani", "Suryani", "Murni", "Tarsih", "Cicih", "Nyai", "Syarifah", "Juwariyah",
			"Umi" };

	private static final String[] SECOND = { "Santoso", "Wibowo", "Susilo", "Prasetyo", "Saputra", "Nugroho",
			"Hidayat", "Setiawan", "Kurniawan", "Rahmawati", "Wati", "Ningsih", "Lestari", "Aminah", "Maryam",
			"Purnomo", "Riyadi", "Suyanto", "Haryanto", "Yulianti" };

	private static final String[] JOBS = { "Buruh tani", "Petani", "Pedagang", "Buruh harian lepas", "Nelayan",
			"Pengemudi ojek", "Tukang bangunan", "Mengurus rumah tangga", "Pelajar", "Tidak bekerja", "Wiraswasta" };

	/** Kinds of invalid rows, each with the reason the import must give. */
	private static final String[][] INVALID = { { "nik-day-72", "nik: NIK_INVALID_DATE" },
			{ "nik-15-digits", "nik: NIK_INVALID_LENGTH" }, { "unknown-village", "kode_desa: REGION_UNKNOWN" },
			{ "formula-name", "nama: NAME_INVALID" }, { "31-february", "tanggal_lahir: INVALID_DATE" },
			{ "sex-x", "jenis_kelamin: INVALID_VALUE" } };

	private final Random random;

	private final List<String[]> villages;

	private final List<String[]> focus;

	private final Map<String, Integer> serials = new HashMap<>();

	private final int serialBase;

	private RegistryFileGenerator(long seed, String regency, List<String> focusCodes, int serialBase) {
		this.random = new Random(seed);
		this.serialBase = serialBase;
		this.villages = villagesOf(regency);
		if (villages.isEmpty()) {
			throw new IllegalArgumentException("No villages in regency " + regency);
		}
		this.focus = villages.stream().filter(v -> focusCodes.stream().anyMatch(v[0]::startsWith)).toList();
	}

	/** What a generated file holds besides its rows: expected rejections and the injected duplicate pairs. */
	public record Summary(long rows, long persons, long households, List<String> expectedRejections,
			List<String> duplicatePairs) {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> options = new HashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
		}
		Path out = Path.of(options.getOrDefault("out", "registry.csv"));
		Summary summary = write(out, options.getOrDefault("regency", "33.28"),
				Integer.parseInt(options.getOrDefault("persons", "10000")), Long.parseLong(options.getOrDefault("seed", "42")),
				List.of(options.getOrDefault("focus", "").split(",")));
		Files.write(Path.of(out + ".expected-rejections.csv"), summary.expectedRejections(), StandardCharsets.UTF_8);
		Files.write(Path.of(out + ".duplicates.csv"), summary.duplicatePairs(), StandardCharsets.UTF_8);
		System.out.printf(Locale.ROOT, "%s: %d rows, %d persons in %d households, %d invalid, %d near-duplicates%n", out,
				summary.rows(), summary.persons(), summary.households(), summary.expectedRejections().size(),
				summary.duplicatePairs().size());
	}

	/**
	 * Writes about {@code persons} persons of {@code regency} to {@code out}; {@code focus} lists district or
	 * village code prefixes that get 70% of the households (empty: spread evenly).
	 */
	public static Summary write(Path out, String regency, int persons, long seed, List<String> focus) {
		return write(out, regency, persons, seed, focus, 0);
	}

	/** As {@link #write(Path, String, int, long, List)}, with NIK and KK serials starting above {@code serialBase}. */
	public static Summary write(Path out, String regency, int persons, long seed, List<String> focus, int serialBase) {
		try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			return new RegistryFileGenerator(seed, regency, focus.stream().filter(f -> !f.isBlank()).toList(), serialBase)
				.generate(writer, persons);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Summary generate(Writer out, int persons) throws IOException {
		BufferedWriter w = new BufferedWriter(out, 1 << 16);
		w.write(HEADER);
		w.write('\n');
		long line = 1;
		long written = 0;
		long households = 0;
		List<String> expected = new ArrayList<>();
		List<String> duplicates = new ArrayList<>();
		expected.add("line,reason");
		duplicates.add("nik,duplicate_nik");
		while (written < persons) {
			households++;
			String[] village = !focus.isEmpty() && random.nextDouble() < 0.7 ? pick(focus) : pick(villages);
			int decile = decile();
			LocalDate issued = LocalDate.of(2005 + random.nextInt(19), 1 + random.nextInt(12), 1 + random.nextInt(28));
			String district = village[1].replace(".", "");
			String kk = district + ddmmyy(issued, false) + serial(district + ddmmyy(issued, false));
			String household = householdColumns(village, decile);
			for (Person person : members(decile)) {
				line++;
				written++;
				String nik = nik(district, person.born(), person.female());
				w.write(row(kk, nik, person.name(), person.born().toString(), person.female() ? "P" : "L",
						person.relationship(), village[0], household, person, decile));
				if (random.nextDouble() < 0.02) {
					// a near-duplicate: the same person registered again under another NIK and a variant name
					line++;
					String otherKk = district + ddmmyy(issued.plusDays(1), false) + serial(district + ddmmyy(issued.plusDays(1), false));
					String otherNik = nik(district, person.born(), person.female());
					w.write(row(otherKk, otherNik, variant(person.name()), person.born().toString(),
							person.female() ? "P" : "L", "1", village[0], household, person, decile));
					duplicates.add(nik + "," + otherNik);
				}
				if (random.nextDouble() < 0.01) {
					line++;
					String[] kind = INVALID[random.nextInt(INVALID.length)];
					w.write(invalidRow(kind[0], kk, district, village[0]));
					expected.add(line + "," + kind[1]);
				}
			}
		}
		w.flush();
		return new Summary(line - 1, written, households, expected, duplicates);
	}

	private record Person(String name, LocalDate born, boolean female, String relationship, String education) {
	}

	private List<Person> members(int decile) {
		List<Person> members = new ArrayList<>();
		boolean femaleHead = random.nextDouble() < 0.15;
		LocalDate headBorn = LocalDate.of(1945 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String family = SECOND[random.nextInt(SECOND.length)];
		members.add(new Person(name(femaleHead, headBorn, family), headBorn, femaleHead, "1", education(headBorn, decile)));
		boolean spouse = !femaleHead && random.nextDouble() < 0.85;
		LocalDate spouseBorn = headBorn.plusYears(random.nextInt(7) - 1).plusDays(random.nextInt(200));
		if (spouse) {
			members.add(new Person(name(true, spouseBorn, null), spouseBorn, true, "3", education(spouseBorn, decile)));
		}
		int children = random.nextInt(decile <= 3 ? 5 : 4);
		LocalDate mother = spouse ? spouseBorn : headBorn;
		for (int c = 0; c < children; c++) {
			LocalDate born = mother.plusYears(19 + c * 2 + random.nextInt(3)).plusDays(random.nextInt(300));
			if (born.isAfter(LocalDate.of(2025, 12, 31))) {
				break;
			}
			boolean female = random.nextBoolean();
			members.add(new Person(name(female, born, family), born, female, "4", education(born, decile)));
		}
		if (random.nextDouble() < 0.1) {
			LocalDate born = headBorn.minusYears(22 + random.nextInt(8));
			boolean female = random.nextDouble() < 0.7;
			members.add(new Person(name(female, born, null), born, female, "7", "NONE"));
		}
		return members;
	}

	private String name(boolean female, LocalDate born, String family) {
		String given = female ? pick(WOMEN) : pick(MEN);
		String name = random.nextDouble() < 0.55 ? given : given + " " + (family != null && !female ? family : pick(SECOND));
		return born.getYear() < 1972 && random.nextDouble() < 0.6 ? oldSpelling(name) : name;
	}

	/** The spelling before 1972: u→oe, j→dj, c→tj, y→j, ny→nj, sy→sj, kh→ch. */
	static String oldSpelling(String name) {
		return name.replace("ny", "nj").replace("Ny", "Nj").replace("sy", "sj").replace("Sy", "Sj")
			.replace("kh", "ch").replace("Kh", "Ch").replace("j", "dj").replace("J", "Dj").replace("y", "j")
			.replace("Y", "J").replace("c", "tj").replace("C", "Tj").replace("u", "oe").replace("U", "Oe");
	}

	private String variant(String name) {
		String old = oldSpelling(name);
		if (!old.equals(name) && random.nextBoolean()) {
			return old;
		}
		// a typo: one letter doubled or dropped
		int at = 1 + random.nextInt(Math.max(1, name.length() - 2));
		return random.nextBoolean() ? name.substring(0, at) + name.charAt(at) + name.substring(at)
				: name.substring(0, at) + name.substring(at + 1);
	}

	private String education(LocalDate born, int decile) {
		int age = 2026 - born.getYear();
		if (age < 7) {
			return "NONE";
		}
		if (age < 13) {
			return "NOT_FINISHED_SD";
		}
		String[] levels = decile <= 3 ? new String[] { "NONE", "SD", "SD", "SMP" }
				: new String[] { "SD", "SMP", "SMA", "SMA", "DIPLOMA", "BACHELOR" };
		return pick(levels);
	}

	private String householdColumns(String[] village, int decile) {
		boolean poor = decile <= 3;
		String roof = poor ? pick(new String[] { "ZINC", "ASBESTOS", "TILE", "THATCH" }) : pick(new String[] { "TILE", "CONCRETE", "TILE" });
		String wall = poor ? pick(new String[] { "BAMBOO", "WOOD", "BRICK" }) : "BRICK";
		String floor = poor ? pick(new String[] { "EARTH", "CEMENT", "EARTH" }) : pick(new String[] { "CEMENT", "CERAMIC" });
		int area = poor ? 18 + random.nextInt(30) : 36 + random.nextInt(80);
		String power = poor ? pick(new String[] { "PLN_450", "PLN_NO_METER", "PLN_450" }) : pick(new String[] { "PLN_900", "PLN_1300" });
		String latrine = poor ? pick(new String[] { "SHARED", "NONE", "PUBLIC", "OWN" }) : "OWN";
		String water = poor ? pick(new String[] { "UNPROTECTED_WELL", "PROTECTED_WELL", "RIVER" })
				: pick(new String[] { "PIPED", "PROTECTED_WELL", "BOTTLED" });
		String address = "\"Dukuh " + village[2] + " No. " + (1 + random.nextInt(200)) + "\"";
		return String.join(",", "Tegal", address, "%03d".formatted(1 + random.nextInt(12)), "%03d".formatted(1 + random.nextInt(5)),
				String.valueOf(decile), roof, wall, floor, String.valueOf(area), power, latrine, water);
	}

	private String row(String kk, String nik, String name, String born, String sex, String relationship, String village,
			String household, Person person, int decile) {
		String[] h = household.split(",", -1);
		List<String> programmes = new ArrayList<>();
		boolean head = relationship.equals("1");
		if (head && decile <= 4 && random.nextDouble() < 0.5) {
			programmes.add("PKH");
		}
		if (head && decile <= 5 && random.nextDouble() < 0.6) {
			programmes.add("SEMBAKO");
		}
		if (decile <= 5 && random.nextDouble() < 0.7) {
			programmes.add("PBI-JK");
		}
		int age = 2026 - person.born().getYear();
		if (age >= 6 && age <= 18 && decile <= 4 && random.nextDouble() < 0.5) {
			programmes.add("PIP");
		}
		String disability = random.nextDouble() < 0.02 ? pick(new String[] { "PHYSICAL", "SENSORY", "INTELLECTUAL", "MENTAL" }) : "NONE";
		String job = age < 15 ? (age >= 6 ? "Pelajar" : "") : pick(JOBS);
		return String.join(",", kk, nik, quote(name), born, sex, relationship, village, h[0], h[1], h[2], h[3], h[4],
				disability, job, person.education(), h[5], h[6], h[7], h[8], h[9], h[10], h[11], String.join("|", programmes))
				+ "\n";
	}

	private String invalidRow(String kind, String kk, String district, String village) {
		LocalDate born = LocalDate.of(1980 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28));
		String nik = nik(district, born, false);
		String name = pick(MEN) + " " + pick(SECOND);
		String date = born.toString();
		String sex = "L";
		String code = village;
		switch (kind) {
			case "nik-day-72" -> nik = district + "72" + nik.substring(8, 12) + serial(district + "72" + nik.substring(8, 12));
			case "nik-15-digits" -> nik = nik.substring(0, 15);
			case "unknown-village" -> code = village.substring(0, 9) + "9999";
			case "formula-name" -> name = "=HYPERLINK(\"\"http://contoh\"\")";
			case "31-february" -> date = "31/02/" + born.getYear();
			case "sex-x" -> sex = "X";
			default -> throw new IllegalStateException(kind);
		}
		return String.join(",", kk, nik, kind.equals("formula-name") ? "\"" + name + "\"" : quote(name), date, sex, "4",
				code, "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "") + "\n";
	}

	private String nik(String district, LocalDate born, boolean female) {
		String date = ddmmyy(born, female);
		return district + date + serial(district + date);
	}

	private String serial(String key) {
		return "%04d".formatted(serialBase + serials.merge(key, 1, Integer::sum));
	}

	private static String ddmmyy(LocalDate date, boolean female) {
		return "%02d%02d%02d".formatted(date.getDayOfMonth() + (female ? 40 : 0), date.getMonthValue(), date.getYear() % 100);
	}

	private int decile() {
		int[] weights = { 14, 14, 13, 12, 11, 10, 9, 7, 6, 4 };
		int roll = random.nextInt(100);
		for (int d = 0; d < weights.length; d++) {
			roll -= weights[d];
			if (roll < 0) {
				return d + 1;
			}
		}
		return 10;
	}

	private <T> T pick(T[] values) {
		return values[random.nextInt(values.length)];
	}

	private <T> T pick(List<T> values) {
		return values.get(random.nextInt(values.size()));
	}

	private static String quote(String text) {
		return "\"" + text.replace("\"", "\"\"") + "\"";
	}

	/** The villages of a regency from the shipped region file: code, district code, name. */
	private static List<String[]> villagesOf(String regency) {
		List<String[]> result = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				RegistryFileGenerator.class.getResourceAsStream("/region/villages.csv"), StandardCharsets.UTF_8))) {
			CsvReader csv = new CsvReader(reader);
			csv.header();
			CsvReader.Record record;
			while ((record = csv.next()) != null) {
				if (record.fields().get(0).startsWith(regency + ".")) {
					result.add(new String[] { record.fields().get(0), record.fields().get(1), record.fields().get(2) });
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return result;
	}
}
