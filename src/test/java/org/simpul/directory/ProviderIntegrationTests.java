package org.simpul.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.SimpulIntegrationTest;
import org.simpul.access.CurrentUser;
import org.simpul.access.DemoLogins;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.simpul.access.UserLookup;
import org.simpul.region.RegionCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The referral catalogue: national programmes everywhere, Kabupaten Tegal's agencies in Tegal, a village's
 * own service only there; read within the caller's reach; the demo programme manager works for Dinkes.
 */
@SimpulIntegrationTest
class ProviderIntegrationTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ProviderDirectory providers;

	@Autowired
	UserLookup users;

	private MvcTestResult get(String user, String uri) {
		return mvc.get().uri(uri).header("Authorization", "Bearer " + DemoLogins.token(mvc, user)).exchange();
	}

	@Test
	void aVillageOfTegalIsServedByItsVillageTheDistrictAndTheNation() {
		assertThat(get("fo.procot", "/api/v1/providers?regionCode=33.28.10.1008")).hasStatusOk().bodyJson()
			.satisfies(json -> {
				List<String> codes = com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.content[*].code");
				assertThat(codes).startsWith("DESA-3328101008-BLTDD")
					.contains("DINKES-3328-JAMKESDA", "DISDUKCAPIL-3328-DOKUMEN", "DINSOS-3328-REHSOS", "BAZNAS-3328-ZIS",
							"KEMENSOS-PKH", "BPJS-PBI-JK", "PIP");
				// national agencies come last, after the district's
				assertThat(codes.indexOf("KEMENSOS-PKH")).isGreaterThan(codes.indexOf("DINKES-3328-JAMKESDA"));
				assertThat(json).extractingPath("$.content[0].agency.level").isEqualTo("VILLAGE");
				assertThat(json).extractingPath("$.content[0].defaultDueDays").isEqualTo(14);
				assertThat(json).extractingPath("$.page.totalElements").isEqualTo(codes.size());
			});
		// another village of the district: not Procot's own service
		assertThat(get("psm.pedeslohor", "/api/v1/providers?regionCode=33.28.11.2001")).hasStatusOk().bodyJson()
			.satisfies(json -> {
				List<String> codes = com.jayway.jsonpath.JsonPath.read(json.getJson(), "$.content[*].code");
				assertThat(codes).contains("DINKES-3328-JAMKESDA", "KEMENSOS-PKH").doesNotContain("DESA-3328101008-BLTDD");
			});
		// one category; Temanggung sees only the national programmes
		assertThat(get("manajer.tegal", "/api/v1/providers?regionCode=33.28&category=HEALTH")).hasStatusOk().bodyJson()
			.satisfies(json -> assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(json.getJson(), "$.content[*].code"))
				.containsExactly("DINKES-3328-JAMKESDA", "DINKES-3328-LAYANAN", "BPJS-PBI-JK"));
		assertThat(get("manajer.temanggung", "/api/v1/providers?regionCode=33.23")).hasStatusOk().bodyJson()
			.satisfies(json -> assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(json.getJson(), "$.content[*].code"))
				.containsExactlyInAnyOrder("KEMENSOS-PKH", "KEMENSOS-SEMBAKO", "KEMENSOS-ATENSI", "BPJS-PBI-JK", "PIP"));
	}

	@Test
	void outsideTheCallersReachTheRegionDoesNotExistAndBadInputIsNamed() {
		assertThat(get("fo.procot", "/api/v1/providers?regionCode=33.23")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("psm.procot", "/api/v1/providers?regionCode=33.28.11.2001")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("fo.procot", "/api/v1/providers?regionCode=33.28.10.1008&category=FOOD"))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyJson().extractingPath("$.errors[0].field").isEqualTo("category");
		assertThat(get("fo.procot", "/api/v1/providers?regionCode=tegal")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson().extractingPath("$.errors[0].field").isEqualTo("regionCode");
		assertThat(get("fo.procot", "/api/v1/providers")).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.get().uri("/api/v1/providers?regionCode=33.28").exchange()).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void servesAndTheProgrammeManagersAgency() {
		ProviderDirectory.Provider jamkesda = providers.serving(
				new CurrentUser(UUID.randomUUID(), "t", "t", Role.MANAGER,
						Territory.of("33.28")), "33.28", "HEALTH").getFirst();
		assertThat(providers.serves(jamkesda.id(), RegionCode.of("33.28.10.1008"))).isTrue();
		assertThat(providers.serves(jamkesda.id(), RegionCode.of("33.23.01.2001"))).isFalse();
		assertThat(providers.provider(jamkesda.id())).hasValueSatisfying(p -> assertThat(p.regionCodes()).containsExactly("33.28"));
		UUID dinkesManager = users.byUsername("program.dinkes").orElseThrow().id();
		assertThat(providers.agencyOf(dinkesManager)).hasValueSatisfying(a -> assertThat(a.code()).isEqualTo("DINKES-3328"));
		assertThat(providers.agencyOf(users.byUsername("fo.procot").orElseThrow().id())).isEmpty();
	}
}
