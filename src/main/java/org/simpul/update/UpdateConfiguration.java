package org.simpul.update;

import org.simpul.access.Action;
import org.simpul.access.NavigationEntry;
import org.simpul.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The update module's link in the navigation, and what it keeps encrypted (rewritten at start when the key rotates). */
@Configuration(proxyBeanMethods = false)
class UpdateConfiguration {

	@Bean
	NavigationEntry usulanEntry() {
		return NavigationEntry.forAction(35, "/usulan", "nav.usulan", Action.USULAN_READ);
	}

	@Bean
	EncryptedColumn usulanChangesColumn() {
		return new EncryptedColumn("usulan", "changes_cipher");
	}

	@Bean
	EncryptedColumn musdesDocumentColumn() {
		return new EncryptedColumn("musdes", "document_cipher");
	}

	@Bean
	EncryptedColumn usulanAttachmentColumn() {
		return new EncryptedColumn("usulan_attachment", "content_cipher");
	}
}
