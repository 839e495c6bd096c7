package org.simpul.pbi;

import org.simpul.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the PBI-JK module keeps encrypted (rewritten at start when the key rotates). */
@Configuration(proxyBeanMethods = false)
class PbiConfiguration {

	@Bean
	EncryptedColumn deactivationNikColumn() {
		return new EncryptedColumn("pbi_deactivation", "nik_cipher");
	}
}
