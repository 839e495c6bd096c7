package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.simpul.access.DemoLogins;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the OpenAPI document, fed boundary and malformed values as an administrator and as a
 * district manager: path ids that are not UUIDs or belong to nothing, query parameters of the wrong type or
 * out of range, bodies that are empty, not JSON, of the wrong JSON type, with every declared field of the
 * wrong type, or with very long text. Whatever the answer, it is never a 5xx and never shows a stack trace or
 * an exception's name.
 */
@SimpulIntegrationTest
class NegativeApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JsonMapper json;

	record Call(String caller, String method, String path, String query, String body, MediaType type) {

		@Override
		public String toString() {
			String shown = body == null ? "" : " " + (body.length() > 80 ? body.substring(0, 80) + "…" : body);
			return caller + " " + method + " " + path + (query.isEmpty() ? "" : "?" + query) + shown;
		}
	}

	static final String LONG = "x".repeat(20_000);

	@Test
	void noOperationAnswersMalformedInputWithAServerError() throws Exception {
		JsonNode api = json.readTree(mvc.get().uri("/v3/api-docs").exchange().getResponse().getContentAsString());
		JsonNode schemas = api.path("components").path("schemas");
		List<Call> calls = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase();
				if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					continue;
				}
				operations++;
				for (String caller : new String[] { "admin", "manajer.tegal" }) {
					calls.addAll(variants(caller, method, path.getKey(), operation.getValue(), schemas));
				}
			}
		}
		assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(50);
		Map<String, String> tokens = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (Call call : calls) {
			String token = tokens.computeIfAbsent(call.caller(), user -> DemoLogins.token(mvc, user));
			var request = mvc.method(HttpMethod.valueOf(call.method()))
				.uri(call.path() + (call.query().isEmpty() ? "" : "?" + call.query()))
				.header("Authorization", "Bearer " + token)
				.header("If-Match", "\"0\"")
				.header("Idempotency-Key", UUID.randomUUID().toString());
			if (call.body() != null) {
				request = request.contentType(call.type()).content(call.body());
			}
			MvcTestResult result = request.exchange();
			int status = result.getResponse().getStatus();
			String body = result.getResponse().getContentAsString();
			if (status >= 500 || body.contains("Exception") || body.contains("\tat ") || body.contains("at org.")
					|| body.contains("at java.")) {
				failures.add(status + " for " + call + ": " + (body.length() > 300 ? body.substring(0, 300) : body));
			}
		}
		System.out.printf("NegativeApiTests: %d operations, %,d malformed calls, %d answered with a server error%n",
				operations, calls.size(), failures.size());
		assertThat(failures).isEmpty();
	}

	/** The malformed calls for one operation. */
	private List<Call> variants(String caller, String method, String template, JsonNode operation, JsonNode schemas) {
		List<Call> calls = new ArrayList<>();
		List<String> pathParams = new ArrayList<>();
		List<JsonNode> queryParams = new ArrayList<>();
		for (JsonNode parameter : operation.path("parameters")) {
			if ("path".equals(parameter.path("in").asString())) {
				pathParams.add(parameter.path("name").asString());
			}
			else if ("query".equals(parameter.path("in").asString())) {
				queryParams.add(parameter);
			}
		}
		String unknownIds = fill(template, pathParams, UUID.randomUUID().toString());
		// path ids: not a UUID, far too long, and a UUID of nothing
		if (!pathParams.isEmpty()) {
			for (String value : new String[] { "not-a-uuid", "1", LONG.substring(0, 3000), "%27%22%3C" }) {
				calls.add(new Call(caller, method, fill(template, pathParams, value), "", jsonBodyOrNull(method), MediaType.APPLICATION_JSON));
			}
		}
		calls.add(new Call(caller, method, unknownIds, "", jsonBodyOrNull(method), MediaType.APPLICATION_JSON));
		// query parameters: each of the wrong type, negative, huge, very long
		for (JsonNode parameter : queryParams) {
			String name = parameter.path("name").asString();
			for (String value : new String[] { "abc", "-1", "99999999999999999999", LONG.substring(0, 3000), "" }) {
				calls.add(new Call(caller, method, unknownIds, name + "=" + value, jsonBodyOrNull(method),
						MediaType.APPLICATION_JSON));
			}
		}
		// bodies
		JsonNode content = operation.path("requestBody").path("content");
		if (!content.isMissingNode() && !content.isEmpty()) {
			for (String body : new String[] { "", "{", "[]", "\"text\"", "42", "null", "{\"unknown\": true}",
					"{\"a\": " + "[".repeat(2_000) + "]".repeat(2_000) + "}" }) {
				calls.add(new Call(caller, method, unknownIds, "", body, MediaType.APPLICATION_JSON));
			}
			calls.add(new Call(caller, method, unknownIds, "", "<xml/>", MediaType.APPLICATION_XML));
			JsonNode schema = content.path("application/json").path("schema");
			Map<String, JsonNode> properties = properties(schema, schemas);
			if (!properties.isEmpty()) {
				calls.add(new Call(caller, method, unknownIds, "", wrongTypes(properties, schemas), MediaType.APPLICATION_JSON));
				calls.add(new Call(caller, method, unknownIds, "", longTexts(properties), MediaType.APPLICATION_JSON));
			}
		}
		return calls;
	}

	private static String jsonBodyOrNull(String method) {
		return List.of("POST", "PUT", "PATCH").contains(method) ? "{}" : null;
	}

	private static String fill(String template, List<String> names, String value) {
		String path = template;
		for (String name : names) {
			path = path.replace("{" + name + "}", value);
		}
		return path;
	}

	/** The properties of a body's schema, following a reference. */
	private static Map<String, JsonNode> properties(JsonNode schema, JsonNode schemas) {
		JsonNode resolved = resolve(schema, schemas);
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : resolved.path("properties").properties()) {
			properties.put(property.getKey(), resolve(property.getValue(), schemas));
		}
		return properties;
	}

	private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
		String ref = schema.path("$ref").asString("");
		return ref.isEmpty() ? schema : schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
	}

	/** Every declared field with a value of another JSON type than its schema's. */
	private static String wrongTypes(Map<String, JsonNode> properties, JsonNode schemas) {
		StringBuilder body = new StringBuilder("{");
		for (Iterator<Map.Entry<String, JsonNode>> it = properties.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, JsonNode> property = it.next();
			String type = property.getValue().path("type").asString("object");
			String wrong = switch (type) {
				case "string" -> "{\"nested\": [1, 2]}";
				case "integer", "number" -> "\"not a number\"";
				case "boolean" -> "\"maybe\"";
				case "array" -> "\"not a list\"";
				default -> "12345";
			};
			body.append('"').append(property.getKey()).append("\": ").append(wrong).append(it.hasNext() ? ", " : "");
		}
		return body.append('}').toString();
	}

	/** Every declared field as 20,000 characters of text. */
	private static String longTexts(Map<String, JsonNode> properties) {
		StringBuilder body = new StringBuilder("{");
		for (Iterator<String> it = properties.keySet().iterator(); it.hasNext();) {
			body.append('"').append(it.next()).append("\": \"").append(LONG).append('"').append(it.hasNext() ? ", " : "");
		}
		return body.append('}').toString();
	}
}
