package org.simpul;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries hold (no cycles, no reaching into another module's internals); writes the module docs. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(SimpulApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() throws IOException {
		Path out = Path.of("target", "spring-modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
		// one diagram per module and the overview, each naming what it documents
		String overview = Files.readString(out.resolve("components.puml"));
		for (var module : modules) {
			Path own = out.resolve("module-" + module.getIdentifier() + ".puml");
			org.assertj.core.api.Assertions.assertThat(own).as(module.getIdentifier().toString()).exists();
			org.assertj.core.api.Assertions.assertThat(overview).contains(module.getDisplayName());
		}
	}
}
