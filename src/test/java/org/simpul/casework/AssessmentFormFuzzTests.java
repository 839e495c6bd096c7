package org.simpul.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.simpul.registry.RegistryProposals;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fuzz test of the JSON bodies an assessment takes: a form definition (what a manager publishes) and the
 * answers (what a phone sends), as one text with the two parts separated by U+001E. Whatever the text, the
 * JSON parser refuses it or the form names its problems; nothing else is ever thrown. Corpus in
 * {@code AssessmentFormFuzzTestsInputs/formsAndAnswersNeverThrow/}; {@code JAZZER_FUZZ=1} fuzzes.
 */
class AssessmentFormFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> ANSWERS = new TypeReference<>() {
	};

	@FuzzTest(maxDuration = "30s")
	void formsAndAnswersNeverThrow(String input) {
		if (input == null) {
			return;
		}
		int split = input.indexOf('\u001e');
		String definition = split < 0 ? input : input.substring(0, split);
		String answers = split < 0 ? "{}" : input.substring(split + 1);
		AssessmentForm form;
		Map<String, Object> given;
		try {
			form = JSON.readValue(definition, AssessmentForm.class);
			given = JSON.readValue(answers, ANSWERS);
		}
		catch (JacksonException notJson) {
			return; // the API answers 400 naming the body
		}
		if (form == null || given == null) {
			return;
		}
		if (form.definitionProblems(RegistryProposals.FIELDS).isEmpty()) {
			assertThat(form.answerProblems(given)).allSatisfy(p -> assertThat(p.field()).startsWith("answers."));
			assertThat(form.answerProblems(form.withoutHidden(given)))
				.noneSatisfy(p -> assertThat(p.code()).isEqualTo("NOT_APPLICABLE"));
		}
	}
}
