package org.simpul;

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
	void writesModuleDocumentation() throws java.io.IOException {
		java.nio.file.Path out = java.nio.file.Path.of("target", "spring-modulith-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString())).writeDocumentation();
		// one diagram per module and the overview, each naming what it documents
		String overview = java.nio.file.Files.readString(out.resolve("components.puml"));
		for (var module : modules) {
			java.nio.file.Path own = out.resolve("module-" + module.getIdentifier() + ".puml");
			org.assertj.core.api.Assertions.assertThat(own).as(module.getIdentifier().toString()).exists();
			org.assertj.core.api.Assertions.assertThat(overview).contains(module.getDisplayName());
		}
	}
}
