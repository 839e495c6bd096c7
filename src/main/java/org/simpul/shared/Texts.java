package org.simpul.shared;

/**
 * Free text a request must carry: stripped, present, not longer than a limit and without a NUL character (which the
 * database cannot store); else a 400 naming the field.
 */
public final class Texts {

	private Texts() {
	}

	public static String required(String field, String text, int max) {
		String value = text == null ? "" : text.strip();
		if (value.isEmpty()) {
			throw new InvalidInputException(FieldProblem.of(field, "REQUIRED"));
		}
		if (value.length() > max) {
			throw new InvalidInputException(FieldProblem.of(field, "TEXT_TOO_LONG"));
		}
		if (value.indexOf('\u0000') >= 0) {
			throw new InvalidInputException(FieldProblem.of(field, "TEXT_INVALID_CHARACTER"));
		}
		return value;
	}

	/** The text stripped, or null when it is missing or blank (an optional field left empty). */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
