package org.simpul.audit;

import org.simpul.access.AccessControl;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/audit/verification}: checks the audit trail's hash chain (DPO and administrators). */
@RestController
class AuditController {

	private final AuditVerification verification;

	private final AccessControl access;

	AuditController(AuditVerification verification, AccessControl access) {
		this.verification = verification;
		this.access = access;
	}

	@PostMapping("/api/v1/audit/verification")
	AuditVerification.Result verify() {
		return verification.verify(access.requireUser());
	}
}
