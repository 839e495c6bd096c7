package org.simpul.complaint;

import org.simpul.shared.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The complaint's columns encrypted at rest: the reporter's phone number and the NIK given for a subject the
 * registry does not hold (found by the person's id, never searched, so no blind index). Values from before
 * encryption, and those of a key being rotated out, are rewritten at start ({@code FieldRotation}).
 */
@Configuration(proxyBeanMethods = false)
class ComplaintEncryption {

	@Bean
	EncryptedColumn reporterPhone() {
		return new EncryptedColumn("complaint", "reporter_phone");
	}

	@Bean
	EncryptedColumn subjectNik() {
		return new EncryptedColumn("complaint", "subject_nik");
	}
}
