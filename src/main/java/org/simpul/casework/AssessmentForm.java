package org.simpul.casework;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.simpul.shared.FieldProblem;

/**
 * An assessment form as data: titled sections of questions, each of a type, perhaps required,
 * perhaps shown only when an earlier answer is one of some values. The form checks its own definition
 * (before a manager publishes it) and checks a set of answers against its rules (before anything is stored).
 *
 * <p>Answers are JSON values: a choice is its option's value, a multiple choice a list of values, a number a
 * number, a date {@code YYYY-MM-DD}, a yes/no {@code true} or {@code false}, a text a string.
 */
public record AssessmentForm(String title, List<Section> sections) {

	public enum Kind {
		/** At intake or on the spot: urgency, safety, immediate needs. */
		QUICK,
		/** On a home visit: household conditions, eligibility, root causes. */
		DEEP
	}

	public enum Type {
		CHOICE, MULTI_CHOICE, NUMBER, TEXT, DATE, YES_NO
	}

	public record Section(String id, String title, List<Question> questions) {
	}

	/**
	 * One question. {@code registryField} names the registry's house condition it asks about (see
	 * {@link org.simpul.registry.RegistryProposals#FIELDS}); a different answer becomes a registry proposal.
	 */
	@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
	public record Question(String id, String label, String type, Boolean required, List<Option> options,
			BigDecimal min, BigDecimal max, Integer maxLength, ShowIf showIf, String registryField, String hint) {

		@com.fasterxml.jackson.annotation.JsonIgnore
		Type kind() {
			return Type.valueOf(type);
		}
	}

	public record Option(String value, String label) {
	}

	/** The question is shown when the answer to {@code question} is (or, for a multiple choice, holds) one of {@code anyOf}. */
	public record ShowIf(String question, List<String> anyOf) {
	}

	static final int MAX_TEXT = 2000;

	static final int MAX_QUESTIONS = 200;

	/** Questions in order, by id. */
	@com.fasterxml.jackson.annotation.JsonIgnore
	Map<String, Question> questions() {
		Map<String, Question> all = new LinkedHashMap<>();
		sections().forEach(s -> s.questions().forEach(q -> all.put(q.id(), q)));
		return all;
	}

	/**
	 * What is wrong with this definition, each named by its path ({@code sections[1].questions[0].options}):
	 * ids unique and plain, types known, choices with options, show-if conditions on an earlier choice or
	 * yes/no question and its values, registry fields known with their codes as option values.
	 */
	public List<FieldProblem> definitionProblems(Map<String, Set<String>> registryFields) {
		List<FieldProblem> problems = new ArrayList<>();
		if (title == null || title.isBlank() || title.length() > 200) {
			problems.add(FieldProblem.of("title", title == null || title.isBlank() ? "REQUIRED" : "TEXT_TOO_LONG"));
		}
		if (sections == null || sections.isEmpty()) {
			problems.add(FieldProblem.of("sections", "REQUIRED"));
			return problems;
		}
		Map<String, Question> earlier = new LinkedHashMap<>();
		Set<String> sectionIds = new HashSet<>();
		int count = 0;
		for (int s = 0; s < sections.size(); s++) {
			Section section = sections.get(s);
			String at = "sections[" + s + "]";
			if (section == null) {
				problems.add(FieldProblem.of(at, "REQUIRED"));
				continue;
			}
			if (!plainId(section.id()) || !sectionIds.add(section.id())) {
				problems.add(FieldProblem.of(at + ".id", plainId(section.id()) ? "DUPLICATE_ID" : "INVALID_ID"));
			}
			if (section.title() == null || section.title().isBlank()) {
				problems.add(FieldProblem.of(at + ".title", "REQUIRED"));
			}
			if (section.questions() == null || section.questions().isEmpty()) {
				problems.add(FieldProblem.of(at + ".questions", "REQUIRED"));
				continue;
			}
			for (int q = 0; q < section.questions().size(); q++) {
				Question question = section.questions().get(q);
				String path = at + ".questions[" + q + "]";
				if (question == null) {
					problems.add(FieldProblem.of(path, "REQUIRED"));
					continue;
				}
				count++;
				questionProblems(question, path, earlier, registryFields, problems);
				if (plainId(question.id())) {
					earlier.putIfAbsent(question.id(), question);
				}
			}
		}
		if (count > MAX_QUESTIONS) {
			problems.add(FieldProblem.of("sections", "TOO_MANY_QUESTIONS"));
		}
		return problems;
	}

	private static void questionProblems(Question question, String path, Map<String, Question> earlier,
			Map<String, Set<String>> registryFields, List<FieldProblem> problems) {
		if (!plainId(question.id())) {
			problems.add(FieldProblem.of(path + ".id", "INVALID_ID"));
		}
		else if (earlier.containsKey(question.id())) {
			problems.add(FieldProblem.of(path + ".id", "DUPLICATE_ID"));
		}
		if (question.label() == null || question.label().isBlank() || question.label().length() > 500) {
			problems.add(FieldProblem.of(path + ".label", question.label() == null || question.label().isBlank()
					? "REQUIRED" : "TEXT_TOO_LONG"));
		}
		Type type = type(question.type());
		if (type == null) {
			problems.add(FieldProblem.of(path + ".type", "INVALID_VALUE"));
			return;
		}
		boolean choice = type == Type.CHOICE || type == Type.MULTI_CHOICE;
		if (choice) {
			Set<String> values = new HashSet<>();
			if (question.options() == null || question.options().isEmpty()) {
				problems.add(FieldProblem.of(path + ".options", "REQUIRED"));
			}
			else {
				for (int o = 0; o < question.options().size(); o++) {
					Option option = question.options().get(o);
					if (option == null || !plainId(option.value()) || !values.add(option.value())
							|| option.label() == null || option.label().isBlank()) {
						problems.add(FieldProblem.of(path + ".options[" + o + "]", "INVALID_OPTION"));
					}
				}
			}
		}
		else if (question.options() != null && !question.options().isEmpty()) {
			problems.add(FieldProblem.of(path + ".options", "NOT_APPLICABLE"));
		}
		if (question.min() != null && question.max() != null && question.min().compareTo(question.max()) > 0) {
			problems.add(FieldProblem.of(path + ".max", "OUT_OF_RANGE"));
		}
		if (question.maxLength() != null && (question.maxLength() < 1 || question.maxLength() > MAX_TEXT)) {
			problems.add(FieldProblem.of(path + ".maxLength", "OUT_OF_RANGE"));
		}
		if (question.showIf() != null) {
			ShowIf showIf = question.showIf();
			Question on = showIf.question() == null ? null : earlier.get(showIf.question());
			if (on == null || type(on.type()) == null || !List.of(Type.CHOICE, Type.MULTI_CHOICE, Type.YES_NO)
				.contains(type(on.type()))) {
				problems.add(FieldProblem.of(path + ".showIf.question", "SHOW_IF_UNKNOWN"));
			}
			else if (showIf.anyOf() == null || showIf.anyOf().isEmpty()
					|| !values(on).containsAll(showIf.anyOf())) {
				problems.add(FieldProblem.of(path + ".showIf.anyOf", "INVALID_OPTION"));
			}
		}
		if (question.registryField() != null) {
			Set<String> codes = registryFields.get(question.registryField());
			if (codes == null) {
				problems.add(FieldProblem.of(path + ".registryField", "REGISTRY_FIELD_UNKNOWN"));
			}
			else if (codes.isEmpty() ? type != Type.NUMBER
					: type != Type.CHOICE || question.options() == null
							|| !codes.containsAll(question.options().stream()
								.filter(Objects::nonNull).map(Option::value).toList())) {
				problems.add(FieldProblem.of(path + ".registryField", "REGISTRY_FIELD_MISMATCH"));
			}
		}
	}

	private static Set<String> values(Question question) {
		if (type(question.type()) == Type.YES_NO) {
			return Set.of("true", "false");
		}
		Set<String> values = new HashSet<>();
		if (question.options() != null) {
			question.options().stream().filter(Objects::nonNull).forEach(o -> values.add(o.value()));
		}
		return values;
	}

	private static Type type(String type) {
		try {
			return type == null ? null : Type.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean plainId(String id) {
		return id != null && id.matches("[A-Za-z][A-Za-z0-9_]{0,59}");
	}

	/** Whether the question is shown, given the answers so far. */
	boolean shown(Question question, Map<String, Object> answers) {
		ShowIf showIf = question.showIf();
		if (showIf == null) {
			return true;
		}
		Object answer = answers.get(showIf.question());
		if (answer instanceof Collection<?> chosen) {
			return chosen.stream().anyMatch(c -> showIf.anyOf().contains(String.valueOf(c)));
		}
		return answer != null && showIf.anyOf().contains(String.valueOf(answer));
	}

	/** The answers without those to questions the other answers hide (a page sends every field it has). */
	Map<String, Object> withoutHidden(Map<String, Object> answers) {
		Map<String, Object> kept = new LinkedHashMap<>();
		for (Question question : questions().values()) {
			if (answers.containsKey(question.id()) && shown(question, kept)) {
				kept.put(question.id(), answers.get(question.id()));
			}
		}
		return kept;
	}

	/**
	 * What is wrong with a set of answers, each named {@code answers.<question id>}: an unknown question, an
	 * answer to a hidden question, a required answer missing, a value of the wrong type, a choice that is not
	 * an option, a number out of range, a text too long, a date that is not one.
	 */
	List<FieldProblem> answerProblems(Map<String, Object> answers) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Question> questions = questions();
		answers.keySet().stream().filter(id -> !questions.containsKey(id))
			.forEach(id -> problems.add(FieldProblem.of("answers." + id, "UNKNOWN_QUESTION")));
		for (Question question : questions.values()) {
			String field = "answers." + question.id();
			Object answer = answers.get(question.id());
			boolean empty = answer == null || answer instanceof String text && text.isBlank()
					|| answer instanceof Collection<?> list && list.isEmpty();
			if (!shown(question, answers)) {
				if (!empty) {
					problems.add(FieldProblem.of(field, "NOT_APPLICABLE"));
				}
				continue;
			}
			if (empty) {
				if (Boolean.TRUE.equals(question.required())) {
					problems.add(FieldProblem.of(field, "REQUIRED"));
				}
				continue;
			}
			String code = valueProblem(question, answer);
			if (code != null) {
				problems.add(FieldProblem.of(field, code));
			}
		}
		return problems;
	}

	private static String valueProblem(Question question, Object answer) {
		return switch (question.kind()) {
			case CHOICE -> answer instanceof String value ? values(question).contains(value) ? null : "INVALID_CHOICE"
					: "INVALID_VALUE";
			case MULTI_CHOICE -> answer instanceof Collection<?> chosen
					? chosen.stream().allMatch(c -> c instanceof String v && values(question).contains(v))
							&& new HashSet<>(chosen).size() == chosen.size() ? null : "INVALID_CHOICE"
					: "INVALID_VALUE";
			case YES_NO -> answer instanceof Boolean ? null : "INVALID_VALUE";
			case TEXT -> answer instanceof String text
					? text.length() > (question.maxLength() == null ? MAX_TEXT : question.maxLength()) ? "TEXT_TOO_LONG"
							: null
					: "INVALID_VALUE";
			case DATE -> answer instanceof String text ? date(text) : "INVALID_VALUE";
			case NUMBER -> answer instanceof Number number ? range(question, new BigDecimal(number.toString()))
					: "INVALID_VALUE";
		};
	}

	private static String date(String text) {
		try {
			LocalDate.parse(text);
			return null;
		}
		catch (DateTimeParseException ex) {
			return "INVALID_DATE";
		}
	}

	private static String range(Question question, BigDecimal value) {
		if (question.min() != null && value.compareTo(question.min()) < 0
				|| question.max() != null && value.compareTo(question.max()) > 0) {
			return "OUT_OF_RANGE";
		}
		return null;
	}
}
