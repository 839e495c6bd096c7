package org.simpul;

import org.simpul.shared.ShutdownLimit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/**
 * Simpul: one web application for SLRT and the village Puskesos. Modules live in the sub-packages; see
 * their {@code package-info.java} and the README's module table.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
public class SimpulApplication {

	public static void main(String[] args) {
		ShutdownLimit.install(SpringApplication.run(SimpulApplication.class, args));
	}
}
