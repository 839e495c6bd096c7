package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.DemoLogins;
import org.simpul.shared.crypto.BlindIndex;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The registry API: register, read (masked by role), search, and every bad input refused. */
@SimpulIntegrationTest
class RegistryIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BlindIndex index;

	private MvcTestResult post(String user, String uri, String body) {
		return mvc.post()
			.uri(uri)
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	private MvcTestResult get(String user, String uri, Object... vars) {
		return mvc.get().uri(uri, vars).header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	/** A household in Procot with a head (woman born 1980-05-15) and a child, fresh identifiers. */
	record Family(String kk, String headNik, String childNik, String body) {
	}

	static Family family(String village, String headName) {
		String district = village.substring(0, 8);
		String kk = TestIdentifiers.kk(district);
		String head = TestIdentifiers.nik(district, LocalDate.of(1980, 5, 15), Sex.F);
		String child = TestIdentifiers.nik(district, LocalDate.of(2015, 3, 12), Sex.M);
		return new Family(kk, head, child, """
				{"kkNumber": "%s", "villageCode": "%s", "rt": "2", "rw": "001",
				 "address": "Jl. Melati 4", "welfareDecile": 2,
				 "conditions": {"roof": "TILE", "wall": "BAMBOO", "floor": "EARTH", "floorAreaM2": 36,
				                "electricity": "PLN_450", "latrine": "NONE", "drinkingWater": "UNPROTECTED_WELL"},
				 "programmes": [{"code": "PKH", "status": "ACTIVE", "since": "2023-01-01"}],
				 "members": [{"nik": "%s", "name": "%s", "birthPlace": "Tegal",
				              "birthDate": "1980-05-15", "sex": "F", "relationship": "HEAD",
				              "programmes": [{"code": "PBI-JK", "status": "DEACTIVATED", "since": "2020-01-01", "until": "2025-06-30"}]},
				             {"nik": "%s", "name": "Budi Santoso", "birthDate": "2015-03-12", "sex": "M",
				              "relationship": "CHILD", "education": "SD"}]}"""
			.formatted(kk, village, head, headName, child));
	}

	@Test
	void aPersonsDisabilityIsWithheldFromRolesThatDoNotServeFamilies() throws Exception {
		Family family = family("33.28.10.1008", "Warsih Sensitif");
		MvcTestResult created = post("fo.procot", "/api/v1/households",
				family.body().replace("\"education\": \"SD\"", "\"education\": \"SD\", \"disability\": \"PHYSICAL\""));
		assertThat(created).hasStatus(HttpStatus.CREATED);
		String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		// the desk that serves the family, and the supervisor above it, see it
		for (String user : new String[] { "fo.procot", "tksk.slawi" }) {
			assertThat(get(user, "/api/v1/households/{id}", id)).hasStatusOk().bodyJson().satisfies(json -> {
				assertThat(json).extractingPath("$.members[1].disability").as(user).isEqualTo("PHYSICAL");
				assertThat(json).extractingPath("$.members[1].sensitiveWithheld").as(user).isEqualTo(false);
			});
		}
		// the system's administrator reads the household, but not the disability
		assertThat(get("admin", "/api/v1/households/{id}", id)).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.members[1].disability").isNull();
			assertThat(json).extractingPath("$.members[1].sensitiveWithheld").isEqualTo(true);
			assertThat(json).extractingPath("$.members[1].name").isEqualTo("Budi Santoso");
		});
	}

	@Test
	void registersTheHouseholdOfTheContract() throws Exception {
		Family family = family("33.28.10.1008", "Siti Aminah");
		MvcTestResult created = post("fo.procot", "/api/v1/households", family.body());
		assertThat(created).hasStatus(HttpStatus.CREATED).headers().containsHeader("Location");
		String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/households/" + id);
		assertThat(created).bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.villageName").isEqualTo("Procot");
			assertThat(json).extractingPath("$.rt").isEqualTo("002");
			assertThat(json).extractingPath("$.members[0].nik").isEqualTo(family.headNik());
			assertThat(json).extractingPath("$.members[0].relationship").isEqualTo("HEAD");
			assertThat(json).extractingPath("$.members[1].kkNumber").isEqualTo(family.kk());
			assertThat(json).extractingPath("$.programmes[0].code").isEqualTo("PKH");
			assertThat(json).extractingPath("$.members[0].programmes[0].status").isEqualTo("DEACTIVATED");
			assertThat(json).extractingPath("$.warnings").asArray().isEmpty();
		});
		assertThat(jdbc.sql("select action from registry_change where household_id = cast(:id as uuid) order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("MEMBER_ADDED", "MEMBER_ADDED", "CREATED");
		assertThat(jdbc.sql("select changes::text from registry_change where household_id = cast(:id as uuid)")
			.param("id", id)
			.query(String.class)
			.list()).noneSatisfy(change -> assertThat(change).contains(family.headNik()));

		// the manager sees the household masked; the facilitator of Procot in full
		assertThat(get("manajer.tegal", "/api/v1/households/{id}", id)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.members[0].nik")
			.isEqualTo(family.headNik().substring(0, 4) + "••••••••" + family.headNik().substring(12));
		assertThat(get("psm.procot", "/api/v1/households/{id}", id)).hasStatusOk()
			.headers()
			.hasValue("ETag", "\"0\"");
		String personId = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(),
				"$.members[1].id");
		assertThat(get("psm.procot", "/api/v1/persons/{id}", personId)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.name")
			.isEqualTo("Budi Santoso");
	}

	@Test
	void reportsNikMismatchesAsWarningsNotRejections() {
		Family family = family("33.28.10.1008", "Warni");
		String body = family.body().replace("\"birthDate\": \"1980-05-15\", \"sex\": \"F\"",
				"\"birthDate\": \"1980-05-16\", \"sex\": \"M\"");
		assertThat(post("fo.procot", "/api/v1/households", body)).hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.warnings[*].code")
			.asArray()
			.containsExactlyInAnyOrder("NIK_BIRTH_DATE_MISMATCH", "NIK_SEX_MISMATCH");
	}

	@Test
	void refusesARegisteredNikOrKkWith409() {
		Family first = family("33.28.10.1008", "Sumarni");
		assertThat(post("fo.procot", "/api/v1/households", first.body())).hasStatus(HttpStatus.CREATED);
		Family second = family("33.28.10.1008", "Sumirah");
		String sameNik = second.body().replace(second.headNik(), first.headNik());
		assertThat(post("fo.procot", "/api/v1/households", sameNik)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.errors[0].code").isEqualTo("DUPLICATE_NIK");
				assertThat(json).extractingPath("$.errors[0].field").isEqualTo("members[0].nik");
			});
		String sameKk = second.body().replace(second.kk(), first.kk());
		assertThat(post("fo.procot", "/api/v1/households", sameKk)).hasStatus(HttpStatus.CONFLICT)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("DUPLICATE_KK");
		// a NIK registered in Pedeslohor, seen from Procot: 409 without any detail of where
		Family elsewhere = family("33.28.11.2001", "Tarsih");
		assertThat(post("psm.pedeslohor", "/api/v1/households", elsewhere.body())).hasStatus(HttpStatus.CREATED);
		Family third = family("33.28.10.1008", "Kasih");
		MvcTestResult conflict = post("fo.procot", "/api/v1/households",
				third.body().replace(third.headNik(), elsewhere.headNik()));
		assertThat(conflict).hasStatus(HttpStatus.CONFLICT).bodyText().doesNotContain("Pedeslohor")
			.doesNotContain("33.28.11")
			.doesNotContain("Tarsih");
	}

	@Test
	void refusesBadInputNamingEveryFieldAndWritesNothing() {
		String kk = TestIdentifiers.kk("33.28.10");
		String body = """
				{"kkNumber": "%s", "villageCode": "33.28.10.1008", "rt": "02A", "welfareDecile": 11,
				 "conditions": {"floorAreaM2": -3},
				 "members": [
				   {"nik": "332810320580000", "name": "Terlalu Pendek", "birthDate": "1980-05-15", "sex": "F", "relationship": "WIFE"},
				   {"nik": "3328107205800003", "name": "Tanggal 72", "birthDate": "1980-05-15", "sex": "F", "relationship": "CHILD"},
				   {"nik": "9999991505800003", "name": "Wilayah Asing", "birthDate": "1980-05-15", "sex": "M", "relationship": "CHILD"},
				   {"nik": "3328101505800000", "name": "", "birthDate": "2999-01-01", "relationship": "CHILD"},
				   {"nik": "3328101513800003", "name": "%s", "birthDate": "1980-05-15", "sex": "M", "relationship": "CHILD"}]}"""
			.formatted(kk, "x".repeat(10_000));
		assertThat(post("fo.procot", "/api/v1/households", body)).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.errors[*].field").asArray().contains("rt", "welfareDecile",
						"conditions.floorAreaM2", "members", "members[0].nik", "members[1].nik", "members[2].nik",
						"members[3].nik", "members[3].name", "members[3].birthDate", "members[3].sex",
						"members[4].nik", "members[4].name");
				assertThat(json).extractingPath("$.errors[*].code").asArray().contains("HOUSEHOLD_WITHOUT_HEAD",
						"NIK_INVALID_LENGTH", "NIK_INVALID_DATE", "NIK_UNKNOWN_REGION", "NIK_INVALID_SERIAL",
						"DECILE_OUT_OF_RANGE");
			});
		assertThat(jdbc.sql("select count(*) from household where kk_index = :kk").param("kk", index.of(BlindIndex.Kind.KK, kk)).query(Long.class)
			.single()).isZero();
		assertThat(post("fo.procot", "/api/v1/households", """
				{"kkNumber": "%s", "villageCode": "33.28.10", "members": []}""".formatted(kk)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].code")
			.asArray()
			.contains("NOT_A_VILLAGE", "HOUSEHOLD_WITHOUT_MEMBERS");
		assertThat(post("fo.procot", "/api/v1/households", "{\"members\": [{\"sex\": \"X\"}]}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("members[0].sex");
		Family repeated = family("33.28.10.1008", "Ulang");
		assertThat(post("fo.procot", "/api/v1/households", repeated.body().replace(repeated.childNik(),
				repeated.headNik()).replace("\"birthDate\": \"2015-03-12\", \"sex\": \"M\"",
						"\"birthDate\": \"1980-05-15\", \"sex\": \"F\""))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].code")
			.asArray()
			.contains("NIK_REPEATED");
	}

	@Test
	void aVillageOutsideTheTerritoryAnswers404() {
		Family family = family("33.28.10.1008", "Salah Desa");
		assertThat(post("psm.pedeslohor", "/api/v1/households", family.body())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("manajer.temanggung", "/api/v1/households", family.body())).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(jdbc.sql("select count(*) from household where kk_index = :kk").param("kk", index.of(BlindIndex.Kind.KK, family.kk()))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void rolesWithoutRegistryAccessAreRefused() {
		assertThat(post("program.dinkes", "/api/v1/households", family("33.28.10.1008", "Dinkes").body()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("tksk.slawi", "/api/v1/households", family("33.28.10.1008", "Tksk").body()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(post("program.dinkes", "/api/v1/persons/search", "{\"name\": \"Siti\"}"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void findsAPersonByNikOnlyInsideTheTerritory() throws Exception {
		Family family = family("33.28.11.2001", "Rukmini");
		assertThat(post("psm.pedeslohor", "/api/v1/households", family.body())).hasStatus(HttpStatus.CREATED);
		String search = "{\"nik\": \"" + family.headNik() + "\"}";
		assertThat(post("psm.pedeslohor", "/api/v1/persons/search", search)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.content[0].name").isEqualTo("Rukmini");
				assertThat(json).extractingPath("$.content[0].villageName").isEqualTo("Pedeslohor");
				assertThat(json).extractingPath("$.page.totalElements").isEqualTo(1);
			});
		assertThat(post("psm.procot", "/api/v1/persons/search", search)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(0);
		assertThat(post("psm.procot", "/api/v1/persons/search", "{\"nik\": \"12345\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(post("psm.procot", "/api/v1/persons/search", "{}")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void aSearchMatchingThousandsRanksTheFirstThousandAndSaysSo() {
		// 1,001 persons called Kartosoewirjo in Rembul, each in a household of their own, with other second
		// words and birth dates (so that no duplicate scan pairs them); removed again at the end
		String village = "33.28.03.2001";
		jdbc.sql("""
				insert into household (id, version, kk_index, kk_cipher, village_code, created_at, updated_at)
				select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 0, 'kartosoewirjo-' || i,
				       '33280399' || lpad(i::text, 8, '0'), :village, now(), now()
				from generate_series(1, 1001) as i""").param("village", village).update();
		jdbc.sql("""
				insert into person (id, household_id, village_code, position, nik_index, nik_cipher, kk_index, kk_cipher,
				                    name, name_key, phonetic_key, birth_date, sex, relationship)
				select uuidv7(), ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, :village, 0,
				       'kartosoewirjo-' || i, '33280399' || lpad(i::text, 8, '0'), 'kartosoewirjo-' || i,
				       '33280399' || lpad(i::text, 8, '0'),
				       'Kartosoewirjo ' || w, 'kartosuwiryo ' || w, 'krtswr ' || w, date '1930-01-01' + i, 'M', 'HEAD'
				from generate_series(1, 1001) as i,
				     lateral (select translate(lpad(i::text, 4, '0'), '0123456789', 'bcdfgjklmn') as w) words""")
			.param("village", village)
			.update();
		try {
			assertThat(post("manajer.tegal", "/api/v1/persons/search",
					"{\"name\": \"Kartosuwiryo\", \"regionCode\": \"" + village + "\"}"))
				.hasStatusOk()
				.bodyJson()
				.satisfies(json -> {
					assertThat(json).extractingPath("$.page.totalElements").asNumber().isEqualTo(PersonSearch.CANDIDATES);
					assertThat(json).extractingPath("$.page.totalElementsCapped").isEqualTo(true);
					assertThat(json).extractingPath("$.content.length()").asNumber().isEqualTo(20);
				});
			// narrowed by the second word: the exact name first, a few look-alikes, counted exactly, no cap
			assertThat(post("manajer.tegal", "/api/v1/persons/search", "{\"name\": \"Kartosuwiryo bbkm\"}"))
				.bodyJson()
				.satisfies(json -> {
					assertThat(json).extractingPath("$.content[0].name").isEqualTo("Kartosoewirjo bbkm");
					assertThat(json).extractingPath("$.page.totalElements").asNumber()
						.satisfies(n -> assertThat(n.intValue()).isLessThan(PersonSearch.CANDIDATES));
					assertThat(json).extractingPath("$.page").asMap().doesNotContainKey("totalElementsCapped");
				});
		}
		finally {
			jdbc.sql("delete from person where village_code = :village and kk_index like 'kartosoewirjo-%'")
				.param("village", village).update();
			jdbc.sql("delete from household where village_code = :village and kk_index like 'kartosoewirjo-%'")
				.param("village", village).update();
		}
	}

	@Test
	void findsNamesThatSoundTheSame() {
		Family family = family("33.28.10.1008", "Mochammad Rifa'i Thohir");
		assertThat(post("fo.procot", "/api/v1/households", family.body())).hasStatus(HttpStatus.CREATED);
		assertThat(post("psm.procot", "/api/v1/persons/search", "{\"name\": \"Muhamad Rifai Tohir\"}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.content[0].name").isEqualTo("Mochammad Rifa'i Thohir");
				assertThat(json).extractingPath("$.page.totalElements").asNumber().isEqualTo(1);
			});
		// a word that no registered name resembles finds nobody
		assertThat(post("psm.procot", "/api/v1/persons/search", "{\"name\": \"Mochammad Xyzzyq\"}")).bodyJson()
			.extractingPath("$.page.totalElements")
			.asNumber()
			.isEqualTo(0);
	}

	@Test
	void findsNamesWhateverTheirSpelling() {
		Family family = family("33.28.10.1008", "Soeprapto Djojohadikoesoemo");
		assertThat(post("fo.procot", "/api/v1/households", family.body())).hasStatus(HttpStatus.CREATED);
		// old and new spellings, a typo in each word, the beginning of a word, and words swapped
		for (String spelling : List.of("Suprapto Joyohadikusumo", "Suprapto Djojohadikusumo", "soeprapto",
				"Supraptoo Jojohadikusumo", "Suprapro Joyohadikusuma", "Supra", "Joyohadikusumo Suprapto")) {
			assertThat(post("psm.procot", "/api/v1/persons/search", "{\"name\": \"" + spelling + "\"}"))
				.as(spelling)
				.hasStatusOk()
				.bodyJson()
				.extractingPath("$.content[*].name")
				.asArray()
				.contains("Soeprapto Djojohadikoesoemo");
		}
		assertThat(post("psm.pedeslohor", "/api/v1/persons/search", "{\"name\": \"Soeprapto\"}")).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.doesNotContain("Soeprapto Djojohadikoesoemo");
		assertThat(post("psm.procot", "/api/v1/persons/search",
				"{\"name\": \"Soeprapto\", \"regionCode\": \"33.28.11\"}")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(post("psm.procot", "/api/v1/persons/search",
				"{\"name\": \"Soeprapto\", \"welfareDecile\": 2, \"programme\": \"PKH\"}")).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.contains("Soeprapto Djojohadikoesoemo");
		assertThat(post("psm.procot", "/api/v1/persons/search",
				"{\"name\": \"Soeprapto\", \"welfareDecile\": 7}")).bodyJson()
			.extractingPath("$.content[*].name")
			.asArray()
			.doesNotContain("Soeprapto Djojohadikoesoemo");
	}
}
