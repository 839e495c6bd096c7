package org.simpul.shared;

/**
 * One bad field of a request: its path ({@code members[0].nik}), an English code for programs
 * ({@code NIK_INVALID_DATE}) and a message for people. The message is a message-file key until the web
 * layer resolves it in the caller's language.
 */
public record FieldProblem(String field, String code, String message) {

	public static FieldProblem of(String field, String code) {
		return new FieldProblem(field, code, "problem." + code);
	}
}
