package org.simpul.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.simpul.access.Role;
import org.simpul.audit.AuditTrail;
import org.simpul.casework.Caseload;
import org.simpul.complaint.Category;
import org.simpul.complaint.Channel;
import org.simpul.complaint.ComplaintStatus;
import org.simpul.directory.PuskesosLevel;
import org.simpul.directory.PuskesosStatus;
import org.simpul.privacy.DataSubjectRequests;
import org.simpul.referral.Referral;
import org.simpul.pbi.Deactivations;
import org.simpul.pbi.Reactivation;
import org.simpul.update.Usulan;
import org.simpul.region.RegionLevel;
import org.simpul.registry.IdentifierProblem;
import org.simpul.registry.RegistryCodes;
import org.simpul.registry.RegistryProposals;

/**
 * Every message key a template or the code uses exists in Bahasa Indonesia and in English, and both
 * files hold the same keys.
 */
class I18nTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path JAVA = Path.of("src/main/java");

	@Test
	void bothLanguagesHoldTheSameKeys() throws IOException {
		assertThat(load("id").stringPropertyNames()).containsExactlyInAnyOrderElementsOf(load("en").stringPropertyNames());
	}

	/** Keys built from a prefix and a value: every value the code can produce must have its key. */
	private static final Map<String, List<String>> COMPUTED = computed();

	private static Map<String, List<String>> computed() {
		Map<String, List<String>> computed = new HashMap<>(Map.of(
				"role.", names(Role.values()),
				"level.", names(RegionLevel.values()),
				"puskesos.level.", names(PuskesosLevel.values()),
				"puskesos.status.", names(PuskesosStatus.values()),
				"error.", List.of("400.heading", "400.body", "403.heading", "403.body", "404.heading", "404.body",
						"500.heading", "500.body", "503.heading", "503.body")));
		// registry codes: labels per coded field ('roof.TILE'), and the field labels themselves ('registry.roof')
		RegistryCodes.all().forEach((field, codes) -> computed.put(field + ".", codes));
		computed.put("import.status.", List.of("QUEUED", "RUNNING", "COMPLETED", "FAILED"));
		computed.put("forms.kind.", List.of("QUICK", "DEEP"));
		computed.put("case.event.", List.of("ASSESSED", "PLANNED", "ASSIGNED", "NOTE", "CLOSED", "REOPENED"));
		computed.put("complaint.status.", names(ComplaintStatus.values()));
		computed.put("tasks.due.", names(Caseload.Due.values()));
		computed.put("complaint.category.", names(Category.values()));
		computed.put("complaint.channel.", names(Channel.values()));
		computed.put("referral.status.", names(Referral.Status.values()));
		computed.put("referral.escalated.", List.of("SUPERVISOR", "MANAGER"));
		computed.put("privacy.action.", names(AuditTrail.Action.values()));
		computed.put("privacy.kind.", names(DataSubjectRequests.Kind.values()));
		computed.put("privacy.status.", names(DataSubjectRequests.Status.values()));
		computed.put("import.failure.", List.of("FILE_EMPTY", "HEADER_MISSING", "RECORD_TOO_LONG", "IMPORT_FAILED"));
		computed.put("directory.level.", List.of("NATIONAL", "PROVINCE", "REGENCY", "VILLAGE"));
		computed.put("usulan.status.", names(Usulan.Status.values()));
		computed.put("musdes.kind.", List.of("MUSDES", "SPTJM"));
		computed.put("usulan.attachment.", List.of("PHOTO_FRONT", "PHOTO_INSIDE", "KK", "DOCUMENT"));
		computed.put("usulan.kind.", names(Usulan.Kind.values()));
		computed.put("usulan.new.", names(Usulan.Kind.values()));
		computed.put("usulan.source.", names(Usulan.Source.values()));
		computed.put("usulan.removal.", List.of("DIED", "MOVED", "ABLE", "NOT_FOUND", "PPU", "PBPU"));
		computed.put("usulan.programme.", List.of("PKH", "SEMBAKO", "PBI_JK"));
		computed.put("pbi.status.", names(Reactivation.Status.values()));
		computed.put("pbi.category.", names(Reactivation.Category.values()));
		computed.put("pbi.reason.", Deactivations.REASONS);
		computed.put("pbi.document.", List.of("HEALTH_LETTER", "SKTM", "KTP", "KK", "OTHER"));
		computed.put("pbi.segment.", List.of("PBPU", "PBI_APBD"));
		computed.put("pbi.step.", List.of("SUBMITTED_VERIFIED", "VERIFIED_LETTER_ISSUED", "LETTER_ISSUED_ENTERED",
				"ENTERED_ANSWERED", "APPROVED_ACTIVE"));
		computed.put("registry.correct.", List.of("sex", "relationship"));
		computed.put("month.", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"));
		computed.put("month.short.", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"));
		computed.put("registry.", List.copyOf(RegistryCodes.all().keySet().stream()
			.filter(field -> !field.equals("membership"))
			.toList()));
		return computed;
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	@Test
	void everyKeyTheTemplatesUseExists() throws IOException {
		Set<String> used = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		Pattern literal = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
		Pattern prefixed = Pattern.compile("(?:#\\{'|#messages\\.msg\\(')([A-Za-z0-9_.]+)' \\+");
		Pattern computedElsewhere = Pattern.compile("#\\{\\$\\{(\\w+)}");
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				String text = Files.readString(file);
				Matcher m = literal.matcher(text);
				while (m.find()) {
					used.add(m.group(1));
				}
				Matcher p = prefixed.matcher(text);
				while (p.find()) {
					prefixes.add(p.group(1));
				}
				Matcher c = computedElsewhere.matcher(text);
				while (c.find()) {
					String variable = c.group(1);
					// flash keys and error keys are checked below and in everyErrorCodeTheCodeUsesHasAMessage;
					// ${c} runs over the registry's coded fields, whose labels come from RegistryCodes
					assertThat(variable).as("message key held in ${%s} (%s)", variable, file)
						.isIn("notice", "warning", "messageKey", "errors", "error", "nikError", "searchError", "c", "label");
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(prefixes).as("computed key prefixes the test knows the values of").isSubsetOf(COMPUTED.keySet());
		// keys computed in templates from enumerations, and keys the controllers put into the model
		prefixes.forEach(prefix -> COMPUTED.get(prefix).forEach(value -> used.add(prefix + value)));
		COMPUTED.get("error.").forEach(value -> used.add("error." + value));
		RegistryCodes.all()
			.forEach((field, codes) -> codes.forEach(code -> used.add(field + "." + code)));
		used.addAll(keysSetByControllers());
		// ${label} of registry/proposal.html: the label of each field a registry proposal may change
		RegistryProposals.FIELDS.keySet()
			.forEach(field -> used.add("registry." + (field.equals("floorAreaM2") ? "floorArea" : field)));
		for (String language : new String[] { "id", "en" }) {
			Set<String> keys = load(language).stringPropertyNames();
			assertThat(used).as("keys used by templates and controllers, missing in messages_%s", language)
				.allSatisfy(key -> assertThat(keys).contains(key));
		}
	}

	/** Flash messages such as {@code addFlashAttribute("notice", "users.created")}. */
	private static Set<String> keysSetByControllers() throws IOException {
		Set<String> keys = new TreeSet<>();
		Pattern flash = Pattern.compile("addFlashAttribute\\(\"(?:notice|warning)\",\\s*\"([A-Za-z0-9_.]+)\"\\)");
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = flash.matcher(Files.readString(file));
				while (m.find()) {
					keys.add(m.group(1));
				}
			}
		}
		assertThat(keys).contains("users.created");
		// the home page's work items, contributed by the modules (HomeWork)
		Pattern work = Pattern.compile("new Item\\(\"([A-Za-z0-9_.]+)\"");
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = work.matcher(Files.readString(file));
				while (m.find()) {
					keys.add(m.group(1));
				}
			}
		}
		assertThat(keys).contains("home.work.inbox", "home.work.awaitingAssessment");
		return keys;
	}

	@Test
	void everyErrorCodeTheCodeUsesHasAMessage() throws IOException {
		Set<String> codes = new TreeSet<>();
		List<String> unknownSources = new ArrayList<>();
		Pattern literalCode = Pattern.compile("\"([A-Z][A-Z0-9_]+)\"");
		Pattern policy = Pattern.compile("Optional\\.of\\(\"([A-Z_]+)\"\\)");
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String text = Files.readString(file);
				Matcher policies = policy.matcher(text);
				while (policies.find()) {
					codes.add(policies.group(1));
				}
				// every FieldProblem.of(field, code): the code as a literal, a choice of literals, or a variable whose
				// values this test must know (a code passed through a variable has a message too)
				int at = text.indexOf("FieldProblem.of(");
				while (at >= 0) {
					String code = codeArgument(text, at + "FieldProblem.of(".length());
					if (code != null) {
						Matcher literals = literalCode.matcher(code);
						boolean any = false;
						while (literals.find()) {
							codes.add(literals.group(1));
							any = true;
						}
						if (!any) {
							codes.addAll(variableCodes(file, text, code.strip(), unknownSources));
						}
					}
					at = text.indexOf("FieldProblem.of(", at + 1);
				}
			}
		}
		assertThat(unknownSources).as("codes passed through variables whose values this test does not know").isEmpty();
		assertThat(codes).contains("USERNAME_TAKEN", "PASSWORD_TOO_SHORT", "NIK_INVALID_DATE", "TEXT_TOO_LONG");
		for (String language : new String[] { "id", "en" }) {
			Set<String> keys = load(language).stringPropertyNames();
			assertThat(codes).as("error codes without a message in messages_%s", language)
				.allSatisfy(code -> assertThat(keys).contains("problem." + code));
		}
	}

	/** The second argument of a call whose arguments start at {@code from}; null for the declaration itself. */
	private static String codeArgument(String text, int from) {
		int depth = 0;
		int comma = -1;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '"') {
				i = text.indexOf('"', i + 1);
				continue;
			}
			if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				if (depth == 0) {
					return comma < 0 ? null : text.substring(comma + 1, i);
				}
				depth--;
			}
			else if (c == ',' && depth == 0 && comma < 0) {
				comma = i;
			}
		}
		return null;
	}

	/** The values a code variable takes, from where it is set; an unknown source is noted. */
	private static Set<String> variableCodes(Path file, String text, String code, List<String> unknown) {
		String name = file.getFileName().toString();
		Set<String> values = new TreeSet<>();
		if (code.endsWith(".name()")) {
			for (Object problem : IdentifierProblem.values()) {
				values.add(problem.toString());
			}
		}
		else if (code.startsWith("BeanValidationCodes.code(")) {
			values.addAll(Set.of("REQUIRED", "LENGTH_OUT_OF_RANGE", "INVALID_FORMAT", "TOO_SMALL", "TOO_LARGE",
					"NOT_IN_PAST", "INVALID_VALUE"));
		}
		else if (code.equals("code") && name.equals("UserManagement.java")) {
			// PasswordPolicy's codes, found through their Optional.of above
		}
		else if (code.equals("code") && (name.equals("Referral.java") || name.equals("Usulan.java"))) {
			// the workflows' refusals: move(next, "CODE") and refused("CODE")
			Matcher m = Pattern.compile("(?:move\\([^,()]+,|refused\\()\\s*\"([A-Z_]+)\"").matcher(text);
			while (m.find()) {
				values.add(m.group(1));
			}
			assertThat(values).as("the workflow's refusal codes").isNotEmpty();
		}
		else if (code.equals("code") && name.equals("AssessmentForm.java")) {
			Matcher m = Pattern.compile("return \"([A-Z_]+)\"").matcher(text);
			while (m.find()) {
				values.add(m.group(1));
			}
			assertThat(values).as("AssessmentForm's value problems").isNotEmpty();
		}
		else {
			unknown.add(name + ": " + code);
		}
		return values;
	}

	@Test
	void everyPageShowsDatesOneWay() throws IOException {
		// dd-MM-yyyy (with HH:mm for times) on every page; ISO only in form inputs and the API
		Pattern format = Pattern.compile("#temporals\\.format\\([^)]*?'([^']+)'\\)");
		int seen = 0;
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
				Matcher m = format.matcher(Files.readString(file));
				while (m.find()) {
					seen++;
					assertThat(m.group(1)).as("date format in %s", file).isIn("dd-MM-yyyy", "dd-MM-yyyy HH:mm");
				}
			}
		}
		assertThat(seen).isGreaterThan(10);
	}

	@Test
	void everyImportFailureHasAMessage() throws IOException {
		Set<String> failures = new TreeSet<>();
		Pattern raised = Pattern.compile("(?:new UnreadableFile\\(|fail\\(job, |ex instanceof OutOfMemoryError \\? )\"([A-Z_]+)\"");
		Pattern chosen = Pattern.compile("[\"'](IMPORT_[A-Z_]+|FILE_TOO_COMPLEX)[\"']");
		for (String file : new String[] { "registry/RegistryImportRun.java", "registry/RegistryImports.java" }) {
			String text = Files.readString(JAVA.resolve("org/simpul").resolve(file));
			for (Pattern pattern : new Pattern[] { raised, chosen }) {
				Matcher m = pattern.matcher(text);
				while (m.find()) {
					failures.add(m.group(1).startsWith("HEADER_MISSING_") ? "HEADER_MISSING" : m.group(1));
				}
			}
		}
		failures.add("HEADER_MISSING");
		assertThat(failures).contains("FILE_EMPTY", "IMPORT_FAILED", "IMPORT_ABANDONED", "TOO_MANY_COLUMNS");
		for (String language : new String[] { "id", "en" }) {
			Set<String> keys = load(language).stringPropertyNames();
			assertThat(failures).as("import failures without a message in messages_%s", language)
				.allSatisfy(code -> assertThat(keys).contains("import.failure." + code));
		}
	}

	@Test
	void everyRoleAndLevelHasALabel() throws IOException {
		for (String language : new String[] { "id", "en" }) {
			Set<String> keys = load(language).stringPropertyNames();
			for (Role role : Role.values()) {
				assertThat(keys).contains("role." + role.name());
			}
			for (RegionLevel level : RegionLevel.values()) {
				assertThat(keys).contains("level." + level.name());
			}
		}
	}

	private static Properties load(String language) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(Path.of("src/main/resources/messages/messages_" + language
				+ ".properties"))) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
