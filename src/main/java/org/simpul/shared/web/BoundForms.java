package org.simpul.shared.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.simpul.shared.FieldProblem;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * What a page form bound by Spring MVC (a form object with its {@link BindingResult}) gives back: the values to
 * show again as they were typed, and the binding's refusals as the same field problems a service names. Pages
 * bind instead of reading request parameters by hand and converting them one by one.
 */
public final class BoundForms {

	private BoundForms() {
	}

	/** Each field as the form shows it again: what was typed when it did not bind, else its value ("" for none). */
	public static Map<String, String> typed(BindingResult binding, String... fields) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : fields) {
			Object value = binding.getFieldValue(field);
			values.put(field, value == null ? "" : value.toString());
		}
		return values;
	}

	/**
	 * The values that did not bind, as field problems: a date that is not one is {@code INVALID_DATE}, any other
	 * value of the wrong type {@code INVALID_VALUE}; {@code names} renames a field as the service names it
	 * ({@code subjectSex} → {@code subject.sex}).
	 */
	public static List<FieldProblem> problems(BindingResult binding, Map<String, String> names) {
		return problems(binding, names, Map.of());
	}

	/** As {@link #problems(BindingResult, Map)}, with a field's own code for a value that is not of its type. */
	public static List<FieldProblem> problems(BindingResult binding, Map<String, String> names,
			Map<String, String> codes) {
		List<FieldProblem> problems = new ArrayList<>();
		for (FieldError error : binding.getFieldErrors()) {
			Class<?> type = binding.getFieldType(error.getField());
			boolean date = type != null && (LocalDate.class.equals(type) || Temporal.class.isAssignableFrom(type));
			problems.add(FieldProblem.of(names.getOrDefault(error.getField(), error.getField()),
					codes.getOrDefault(error.getField(), date ? "INVALID_DATE" : "INVALID_VALUE")));
		}
		return problems;
	}
}
