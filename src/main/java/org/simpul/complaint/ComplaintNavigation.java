package org.simpul.complaint;

import org.simpul.access.Action;
import org.simpul.access.NavigationEntry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service desk (Pengaduan) for the roles that take complaints; the PPKS lists for those who publish them. */
@Configuration(proxyBeanMethods = false)
class ComplaintNavigation {

	@Bean
	NavigationEntry complaintsEntry() {
		return NavigationEntry.forAction(10, "/pengaduan", "nav.complaints", Action.COMPLAINT_INTAKE);
	}

	@Bean
	NavigationEntry ppksListsEntry() {
		return NavigationEntry.forAction(40, "/ppks", "nav.ppks", Action.PPKS_LIST_PUBLISH);
	}
}
