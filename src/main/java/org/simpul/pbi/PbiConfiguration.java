package org.simpul.pbi;

import org.simpul.access.Action;
import org.simpul.access.NavigationEntry;
import org.simpul.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The PBI-JK module's link in the navigation, and what it keeps encrypted (rewritten at start when the key rotates). */
@Configuration(proxyBeanMethods = false)
class PbiConfiguration {

	@Bean
	NavigationEntry pbiEntry() {
		return NavigationEntry.forAction(37, "/pbi", "nav.pbi", Action.PBI_READ);
	}

	@Bean
	EncryptedColumn deactivationNikColumn() {
		return new EncryptedColumn("pbi_deactivation", "nik_cipher");
	}

	@Bean
	EncryptedColumn documentColumn() {
		return new EncryptedColumn("pbi_document", "content_cipher");
	}
}
