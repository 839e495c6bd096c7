package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Test fixture: API tokens of the demo users (password {@code Simpul-Demo-2026}). */
public final class DemoLogins {

	public static final String PASSWORD = "Simpul-Demo-2026";

	private DemoLogins() {
	}

	public static MvcTestResult requestToken(MockMvcTester mvc, String username, String password) {
		return mvc.post()
			.uri("/api/v1/auth/token")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
			.exchange();
	}

	/**
	 * Exempts a user a test created from the second factor, as the demo users are, where the second factor is
	 * not the test's subject (SecondFactorIntegrationTests is about it).
	 */
	public static void exemptFromSecondFactor(org.springframework.jdbc.core.simple.JdbcClient jdbc, String username) {
		jdbc.sql("update app_user set second_factor_exempt = true where username = :u").param("u", username).update();
	}

	/** A page session of a demo user, signed in through the login form. */
	public static org.springframework.mock.web.MockHttpSession session(MockMvcTester mvc, String username) {
		MvcTestResult result = mvc.post().uri("/masuk")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("username", username)
			.param("password", PASSWORD)
			.exchange();
		return (org.springframework.mock.web.MockHttpSession) result.getMvcResult().getRequest().getSession(false);
	}

	/** An API call as a demo user: {@code GET}, {@code POST} or {@code PUT}, with a JSON body when one is given. */
	public static org.springframework.test.web.servlet.assertj.MvcTestResult call(MockMvcTester mvc, String username,
			String method, String uri, String body) {
		var request = switch (method) {
			case "PUT" -> mvc.put().uri(uri);
			case "DELETE" -> mvc.delete().uri(uri);
			case "POST" -> mvc.post().uri(uri);
			default -> mvc.get().uri(uri);
		};
		request.header("Authorization", "Bearer " + token(mvc, username));
		if (body != null) {
			request.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content(body);
		}
		return request.exchange();
	}

	public static String token(MockMvcTester mvc, String username) {
		return token(mvc, username, PASSWORD);
	}

	public static String token(MockMvcTester mvc, String username, String password) {
		MvcTestResult result = requestToken(mvc, username, password);
		assertThat(result).hasStatusOk();
		try {
			String body = result.getResponse().getContentAsString();
			return body.replaceAll(".*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Tokens cached per user for tests that only read; fifteen minutes outlast any test class. */
	public static final class Cache {

		private final Map<String, String> tokens = new ConcurrentHashMap<>();

		private final MockMvcTester mvc;

		public Cache(MockMvcTester mvc) {
			this.mvc = mvc;
		}

		public String bearer(String username) {
			return "Bearer " + tokens.computeIfAbsent(username, user -> token(mvc, user));
		}
	}
}
