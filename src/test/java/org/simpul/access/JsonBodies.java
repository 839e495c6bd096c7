package org.simpul.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UnsupportedEncodingException;

import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Test fixture: reads the {@code id} of a created resource from a 201 answer. */
final class JsonBodies {

	private JsonBodies() {
	}

	static String id(MvcTestResult created) {
		assertThat(created).hasStatus(org.springframework.http.HttpStatus.CREATED);
		try {
			return created.getResponse().getContentAsString().replaceAll(".*\"id\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
