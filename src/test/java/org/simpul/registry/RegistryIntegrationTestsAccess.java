package org.simpul.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.simpul.access.DemoLogins;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The registry's fixtures for other modules' tests: a family registered in Procot through the API, a duplicate pair. */
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
		List<String> heads = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(),
				"$.members[?(@.relationship == 'HEAD')].id");
		return heads.getFirst();
	}

	/**
	 * A duplicate candidate for two persons, as the scan would propose it, without the scan's rules (which
	 * leave out a restricted person: a test of that rule needs the pair anyway). Answers the candidate's id.
	 */
	public static UUID duplicateCandidate(JdbcClient jdbc, String personA, String personB) {
		UUID candidate = UUID.randomUUID();
		boolean ordered = personA.compareTo(personB) < 0;
		jdbc.sql("insert into duplicate_candidate (id, person_a, person_b, score, blocks, status, found_at)"
				+ " values (:id, cast(:a as uuid), cast(:b as uuid), 0.97, 'KK', 'OPEN', now())")
			.param("id", candidate)
			.param("a", ordered ? personA : personB)
			.param("b", ordered ? personB : personA)
			.update();
		return candidate;
	}
}
