package org.simpul.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@SimpulIntegrationTest
class RegionIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsEveryRegionOfTheNationalList() {
		Map<String, Long> counts = jdbc.sql("select length(code), count(*) from region group by 1")
			.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(
				Map.of("2", 38L, "5", 514L, "8", 7285L, "13", 83762L));
		assertThat(jdbc.sql("select count(*) from region r where parent_code is not null "
				+ "and not exists (select 1 from region p where p.code = r.parent_code)").query(Long.class).single())
			.isZero();
	}

	@Test
	void kabupatenTegalHas18DistrictsAnd287Villages() {
		assertThat(mvc.get().uri("/api/v1/regions?level=DISTRICT&parentCode=33.28&size=200"))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(18);
		long villages = jdbc.sql("select count(*) from region where length(code) = 13 and code like '33.28.%'")
			.query(Long.class)
			.single();
		assertThat(villages).isEqualTo(287);
	}

	@Test
	void answersARegionAsTheContractSays() {
		assertThat(mvc.get().uri("/api/v1/regions/33.28")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.isStrictlyEqualTo("""
					{"code": "33.28", "name": "Kabupaten Tegal", "level": "REGENCY", "parentCode": "33"}""");
		assertThat(mvc.get().uri("/api/v1/regions/33")).bodyJson()
			.isStrictlyEqualTo("""
					{"code": "33", "name": "Jawa Tengah", "level": "PROVINCE", "parentCode": null}""");
		assertThat(mvc.get().uri("/api/v1/regions/33.28.10.1008")).bodyJson()
			.isStrictlyEqualTo("""
					{"code": "33.28.10.1008", "name": "Procot", "level": "VILLAGE", "parentCode": "33.28.10"}""");
	}

	@Test
	void listsChildrenOrderedByCode() {
		var result = mvc.get().uri("/api/v1/regions/33.28/children");
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(18);
		assertThat(result).bodyJson().extractingPath("$[0].code").isEqualTo("33.28.01");
		assertThat(result).bodyJson().extractingPath("$[17].code").isEqualTo("33.28.18");
		assertThat(result).bodyJson().extractingPath("$[9]").isEqualTo(
				Map.of("code", "33.28.10", "name", "Slawi", "level", "DISTRICT", "parentCode", "33.28"));
		assertThat(mvc.get().uri("/api/v1/regions/33.28.10.1008/children")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("[]");
	}

	@Test
	void pagesRegionsWithOptionalFilters() {
		assertThat(mvc.get().uri("/api/v1/regions?level=VILLAGE&parentCode=33.28.10&page=1&size=4")).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{"content": [
					  {"code": "33.28.10.1010", "name": "Slawi Wetan", "level": "VILLAGE", "parentCode": "33.28.10"},
					  {"code": "33.28.10.2001", "name": "Kalisapu", "level": "VILLAGE", "parentCode": "33.28.10"},
					  {"code": "33.28.10.2002", "name": "Dukuhwringin", "level": "VILLAGE", "parentCode": "33.28.10"},
					  {"code": "33.28.10.2003", "name": "Dukuhsalam", "level": "VILLAGE", "parentCode": "33.28.10"}],
					 "page": {"size": 4, "number": 1, "totalElements": 10, "totalPages": 3}}""");
		assertThat(mvc.get().uri("/api/v1/regions?level=PROVINCE&size=200")).bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(38);
		assertThat(mvc.get().uri("/api/v1/regions")).bodyJson().extractingPath("$.page.totalElements").isEqualTo(91599);
	}

	@Test
	void unknownOrMalformedRegionsAnswer404AsProblems() {
		for (String code : List.of("99.99", "33.28.99", "x", "33.28.10.1008.1", "3328")) {
			assertThat(mvc.get().uri("/api/v1/regions/{code}", code)).hasStatus(HttpStatus.NOT_FOUND)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(mvc.get().uri("/api/v1/regions/{code}/children", code)).hasStatus(HttpStatus.NOT_FOUND);
		}
	}

	@Test
	void badFiltersAnswer400NamingTheField() {
		assertThat(mvc.get().uri("/api/v1/regions?level=KOTA")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("level");
		assertThat(mvc.get().uri("/api/v1/regions?size=201")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("PAGE_SIZE_OUT_OF_RANGE");
		assertThat(mvc.get().uri("/api/v1/regions?page=-1")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/regions?page=abc")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("page");
		assertThat(mvc.get().uri("/api/v1/regions?parentCode=33.2")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void searchesByNameInsideARegion() {
		assertThat(mvc.get().uri("/api/v1/regions?q=procot&parentCode=33.28.10")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.content[0].code")
			.isEqualTo("33.28.10.1008");
		assertThat(mvc.get().uri("/api/v1/regions?q=pedeslohor")).bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(2);
		// the filters keep their meaning next to q: a direct parent, a level
		assertThat(mvc.get().uri("/api/v1/regions?q=procot&parentCode=33.28")).bodyJson()
			.extractingPath("$.page.totalElements")
			.isEqualTo(0);
		assertThat(mvc.get().uri("/api/v1/regions?q=slawi&level=DISTRICT")).bodyJson()
			.extractingPath("$.content[*].code")
			.asArray()
			.contains("33.28.10")
			.allSatisfy(code -> assertThat(code.toString()).hasSize(8));
	}
}
