package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.simpul.access.Action;
import org.simpul.access.Role;

/**
 * Which role may do what lives in one place, the {@link Action} table: no module keeps its own list of roles.
 * The access matrix judges the behaviour; this test keeps the shape.
 */
class AccessPolicyTests {

	private static final Path MAIN = Path.of("src/main/java/org/simpul");

	/** A set of roles spelled out in code: EnumSet.of(Role.…), Set<Role> fields, Set.of(Role.…). */
	private static final Pattern ROLE_LIST = Pattern.compile("EnumSet\\.of\\(\\s*Role\\.|Set<Role>\\s+[A-Z_]+\\s*=|Set\\.of\\(\\s*Role\\.");

	@Test
	void noModuleSpellsOutItsOwnListOfRoles() throws IOException {
		List<String> found = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				String name = MAIN.relativize(file).toString().replace('\\', '/');
				if (name.equals("access/Action.java") || name.equals("access/Role.java")) {
					continue;
				}
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					if (ROLE_LIST.matcher(lines.get(i)).find()) {
						found.add(name + ":" + (i + 1) + ": " + lines.get(i).strip());
					}
				}
			}
		}
		assertThat(found).as("role lists outside the access policy (add an Action instead)").isEmpty();
	}

	@Test
	void everyActionIsForSomeoneAndTheAgencyOnlyReceives() {
		for (Action action : Action.values()) {
			assertThat(action.roles()).as(action.name()).isNotEmpty();
		}
		// a programme manager acts only as the agency a referral was sent to (and sees that person's NIK)
		assertThat(Arrays.stream(Action.values()).filter(a -> a.allows(Role.PROGRAM_MANAGER)))
			.containsExactlyInAnyOrder(Action.REFERRAL_RECEIVE, Action.IDENTIFIERS_IN_FULL);
		// a viewer takes no action
		assertThat(Arrays.stream(Action.values()).filter(a -> a.allows(Role.VIEWER))).isEmpty();
	}
}
