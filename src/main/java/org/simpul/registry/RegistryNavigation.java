package org.simpul.registry;

import org.simpul.access.Action;
import org.simpul.access.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The registry's link in the navigation, for the roles that may read it. */
@Configuration(proxyBeanMethods = false)
class RegistryNavigation {

	@Bean
	NavigationEntry registryEntry() {
		return NavigationEntry.forAction(30, "/registri", "nav.registry", Action.REGISTRY_READ);
	}
}
