package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module's SQL touches only its own tables. A module declares its tables by creating them in its own
 * migrations ({@code db/migration/<module>}); what it creates as a view is published for other modules to
 * read. Every SQL text in a module's code (string literals and text blocks) and every statement of its
 * migrations may name its own tables and views and other modules' published views, never another module's
 * table. A migration's foreign key to a table of a module it depends on (its {@code allowedDependencies}) is
 * a declared dependency, not a query, and is allowed.
 */
class TableOwnershipTests {

	private static final Path JAVA = Path.of("src/main/java/org/simpul");

	private static final Path TESTS = Path.of("src/test/java/org/simpul");

	private static final Pattern WRITTEN = Pattern.compile(
			"(?i)\\b(?:insert\\s+into|update|delete\\s+from)\\s+([a-z_][a-z0-9_]*)");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern CREATED = Pattern.compile(
			"(?i)create\\s+(?:unlogged\\s+)?(table|view|materialized\\s+view)\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

	/** A table named where a statement reads or writes it. */
	private static final Pattern NAMED = Pattern.compile(
			"(?i)\\b(?:from|join|into|update|table|truncate|on)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)\\breferences\\s+([a-z_][a-z0-9_]*)");

	private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
			Pattern.DOTALL);

	private static final Pattern DEPENDENCIES = Pattern.compile("allowedDependencies\\s*=\\s*\\{?([^})]*)");

	private record Owner(String module, boolean view) {
	}

	@Test
	void noModuleNamesATableItDoesNotOwn() throws IOException {
		Map<String, Owner> owners = owners();
		assertThat(owners).as("tables found in the migrations").containsKeys("complaint", "referral", "person");
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(JAVA)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = JAVA.relativize(file).getName(0).toString();
				if (module.endsWith(".java")) {
					continue;
				}
				Matcher strings = STRINGS.matcher(Files.readString(file));
				while (strings.find()) {
					String sql = strings.group(1) != null ? strings.group(1) : strings.group(2);
					check(module, sql, owners, found, JAVA.relativize(file).toString());
				}
			}
		}
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				String module = MIGRATIONS.relativize(file).getName(0).toString();
				String sql = Files.readString(file).replaceAll("--[^\\n]*", "");
				Set<String> dependencies = dependencies(module);
				Matcher keys = FOREIGN_KEY.matcher(sql);
				while (keys.find()) {
					Owner owner = owners.get(keys.group(1).toLowerCase());
					if (owner != null && !owner.module().equals(module) && !dependencies.contains(owner.module())) {
						found.add(file.getFileName() + ": a foreign key to " + keys.group(1) + " of " + owner.module()
								+ ", which " + module + " does not depend on");
					}
				}
				check(module, FOREIGN_KEY.matcher(sql).replaceAll(""), owners, found, file.getFileName().toString());
			}
		}
		assertThat(found).as("SQL naming another module's table (read its API or a view it publishes)").isEmpty();
	}

	/**
	 * A module's tests set up what they need through the other modules' APIs or the fixtures those modules'
	 * tests offer (each in its own package), never by writing another module's tables. The tests of the whole
	 * application (the access matrix, the browser stories, row-level security) stand above the modules, and so
	 * do the shared kernel's (encryption at rest, the embedded database's restarts), which try the platform on
	 * the application's own tables.
	 */
	@Test
	void aModulesTestsWriteOnlyItsOwnTables() throws IOException {
		Map<String, Owner> owners = owners();
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(TESTS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String module = TESTS.relativize(file).getName(0).toString();
				if (module.endsWith(".java") || module.equals("e2e") || module.equals("bench") || module.equals("shared")) {
					continue;
				}
				Matcher strings = STRINGS.matcher(Files.readString(file));
				while (strings.find()) {
					Matcher written = WRITTEN.matcher(strings.group(1) != null ? strings.group(1) : strings.group(2));
					while (written.find()) {
						Owner owner = owners.get(written.group(1).toLowerCase());
						if (owner != null && !owner.module().equals(module) && !owner.module().equals("shared")) {
							found.add(TESTS.relativize(file) + ": writes " + written.group(1) + " of " + owner.module());
						}
					}
				}
			}
		}
		assertThat(found).as("a test writing another module's table (use that module's API or fixtures)").isEmpty();
	}

	private static void check(String module, String sql, Map<String, Owner> owners, List<String> found, String where) {
		Matcher named = NAMED.matcher(sql);
		while (named.find()) {
			String table = named.group(1).toLowerCase();
			Owner owner = owners.get(table);
			if (owner != null && !owner.module().equals(module) && !owner.view()) {
				found.add(where + ": " + module + " names " + table + " of " + owner.module());
			}
		}
	}

	/** Every table and view the migrations create, with the module whose migrations create it. */
	private static Map<String, Owner> owners() throws IOException {
		Map<String, Owner> owners = new HashMap<>();
		try (Stream<Path> files = Files.walk(MIGRATIONS)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
				String module = MIGRATIONS.relativize(file).getName(0).toString();
				Matcher created = CREATED.matcher(Files.readString(file).replaceAll("--[^\\n]*", ""));
				while (created.find()) {
					Owner before = owners.put(created.group(2).toLowerCase(),
							new Owner(module, !created.group(1).equalsIgnoreCase("table")));
					assertThat(before == null || before.module().equals(module))
						.as(created.group(2) + " created by two modules").isTrue();
				}
			}
		}
		return owners;
	}

	/** The modules {@code module} may depend on, from its package-info. */
	private static Set<String> dependencies(String module) throws IOException {
		Path info = JAVA.resolve(module).resolve("package-info.java");
		Set<String> modules = new TreeSet<>();
		if (Files.exists(info)) {
			Matcher m = DEPENDENCIES.matcher(Files.readString(info));
			if (m.find()) {
				for (String name : m.group(1).split(",")) {
					modules.add(name.replace("\"", "").strip());
				}
			}
		}
		return modules;
	}
}
