package org.simpul.shared.web;

import java.util.Map;

/** Maps Jakarta Validation constraint names to the English error codes of the API. */
final class BeanValidationCodes {

	private static final Map<String, String> CODES = Map.of("NotNull", "REQUIRED", "NotBlank", "REQUIRED",
			"NotEmpty", "REQUIRED", "Size", "LENGTH_OUT_OF_RANGE", "Pattern", "INVALID_FORMAT", "Min", "TOO_SMALL",
			"Max", "TOO_LARGE", "Email", "INVALID_FORMAT", "Past", "NOT_IN_PAST", "PastOrPresent", "NOT_IN_PAST");

	private BeanValidationCodes() {
	}

	static String code(String constraint) {
		return constraint == null ? "INVALID_VALUE" : CODES.getOrDefault(constraint, "INVALID_VALUE");
	}
}
