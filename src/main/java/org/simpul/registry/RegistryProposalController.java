package org.simpul.registry;

import java.util.Set;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry proposals (usulan) of the caller's territory: {@code GET /api/v1/registry-proposals?status=}. */
@RestController
class RegistryProposalController {

	private static final Set<String> STATUSES = Set.of("PROPOSED", "ACCEPTED", "REJECTED");

	private final RegistryProposals proposals;

	private final AccessControl access;

	RegistryProposalController(RegistryProposals proposals, AccessControl access) {
		this.proposals = proposals;
		this.access = access;
	}

	@GetMapping("/api/v1/registry-proposals")
	PageResponse<RegistryProposals.Proposal> list(@RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (status != null && !STATUSES.contains(status)) {
			throw new InvalidInputException(FieldProblem.of("status", "INVALID_VALUE"));
		}
		return proposals.list(access.requireUser(), status, new PageRequest(page, size));
	}

	record Refusal(String reason) {
	}

	/** The household takes the proposed value, with history ({@code 204}); decided already {@code 409}. */
	@org.springframework.web.bind.annotation.PostMapping("/api/v1/registry-proposals/{id}/accept")
	org.springframework.http.ResponseEntity<Void> accept(@org.springframework.web.bind.annotation.PathVariable UUID id) {
		proposals.accept(access.requireUser(), id);
		return org.springframework.http.ResponseEntity.noContent().build();
	}

	@org.springframework.web.bind.annotation.PostMapping("/api/v1/registry-proposals/{id}/reject")
	org.springframework.http.ResponseEntity<Void> reject(@org.springframework.web.bind.annotation.PathVariable UUID id,
			@org.springframework.web.bind.annotation.RequestBody(required = false) Refusal refusal) {
		proposals.reject(access.requireUser(), id, refusal == null ? null : refusal.reason());
		return org.springframework.http.ResponseEntity.noContent().build();
	}
}
