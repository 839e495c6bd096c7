package org.simpul.directory;

import org.simpul.access.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Puskesos directory, open to every signed-in user. */
@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

	@Bean
	NavigationEntry puskesosEntry() {
		return NavigationEntry.forEveryone(70, "/puskesos", "nav.puskesos");
	}
}
