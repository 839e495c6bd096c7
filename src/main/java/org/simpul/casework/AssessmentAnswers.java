package org.simpul.casework;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.simpul.casework.AssessmentForm.Question;
import org.simpul.casework.AssessmentForms.FormView;
import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;

/**
 * An assessment form's answers as a page form or a phone's outbox sends them ({@code q.<question>} fields of
 * text), typed as the form's questions want them. A value that cannot be one is kept as typed and named as a
 * problem of its question ({@code answers.<question>}); the form's own rules (required, allowed options) are
 * the form's to check.
 */
final class AssessmentAnswers {

	/** The typed answers, and what could not be typed. */
	record Read(Map<String, Object> answers, List<FieldProblem> problems) {
	}

	private AssessmentAnswers() {
	}

	static Read read(FormView form, Function<String, List<String>> fields) {
		Map<String, Object> answers = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		for (Question question : form.form().questions().values()) {
			read(question, fields.apply("q." + question.id()), answers, problems);
		}
		return new Read(answers, problems);
	}

	private static void read(Question question, List<String> values, Map<String, Object> answers,
			List<FieldProblem> problems) {
		if (values == null || values.isEmpty()) {
			return;
		}
		String first = values.getFirst().strip();
		String field = "answers." + question.id();
		switch (question.kind()) {
			case MULTI_CHOICE -> answers.put(question.id(), List.copyOf(values));
			case YES_NO -> {
				if (!first.isEmpty()) {
					answers.put(question.id(), Boolean.valueOf(first));
				}
			}
			case NUMBER -> {
				if (!first.isEmpty()) {
					try {
						answers.put(question.id(), Decimals.parse(first));
					}
					catch (NumberFormatException ex) {
						answers.put(question.id(), first);
						problems.add(FieldProblem.of(field, "INVALID_VALUE"));
					}
				}
			}
			default -> {
				if (!first.isEmpty()) {
					answers.put(question.id(), first);
				}
			}
		}
	}
}
