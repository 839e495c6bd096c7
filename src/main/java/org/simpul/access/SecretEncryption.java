package org.simpul.access;

import org.simpul.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TOTP secrets and kept form drafts are encrypted at rest; those not under the current field key are
 * rewritten at start.
 */
@Configuration(proxyBeanMethods = false)
class SecretEncryption {

	@Bean
	EncryptedColumn totpSecret() {
		return new EncryptedColumn("app_user", "totp_secret");
	}

	@Bean
	EncryptedColumn formDraftFields() {
		return new EncryptedColumn("form_draft", "fields");
	}
}
