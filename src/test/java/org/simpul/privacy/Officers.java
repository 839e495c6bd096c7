package org.simpul.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.simpul.access.DemoLogins;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A data protection officer for a territory, created by the administrator (the demo one serves Tegal only). */
final class Officers {

	private Officers() {
	}

	/**
	 * Creates one for {@code region}; answers the username (password: the demo password). Like the demo users
	 * it is exempt from the second factor, which is not these tests' subject (SecondFactorIntegrationTests).
	 */
	static String create(MockMvcTester mvc, org.springframework.jdbc.core.simple.JdbcClient jdbc, String region) {
		String username = "dpo." + UUID.randomUUID().toString().substring(0, 8);
		assertThat(DemoLogins.call(mvc, "admin", "POST", "/api/v1/users", """
				{"username": "%s", "password": "%s", "displayName": "Pejabat PDP", "role": "DPO", "regionCode": "%s"}"""
			.formatted(username, DemoLogins.PASSWORD, region))).hasStatus(HttpStatus.CREATED);
		DemoLogins.exemptFromSecondFactor(jdbc, username);
		return username;
	}
}
