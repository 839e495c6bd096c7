package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.simpul.access.DemoLogins;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** For other modules' tests: a family registered in Procot through the API. */
public final class RegistryIntegrationTestsAccess {

	private RegistryIntegrationTestsAccess() {
	}

	/** Registers a family headed by {@code headName} in Procot; answers the head's person id. */
	public static String registerFamily(MockMvcTester mvc, JdbcClient jdbc, String headName) throws Exception {
		RegistryIntegrationTests.Family family = RegistryIntegrationTests.family("33.28.10.1008", headName);
		MvcTestResult created = mvc.post().uri("/api/v1/households")
			.header("Authorization", "Bearer " + DemoLogins.token(mvc, "fo.procot"))
			.contentType(MediaType.APPLICATION_JSON).content(family.body()).exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		java.util.List<String> heads = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(),
				"$.members[?(@.relationship == 'HEAD')].id");
		return heads.getFirst();
	}
}
