package org.simpul.directory;

import java.util.List;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

/** An agency's programme managers: {@code GET}, and {@code PUT} / {@code DELETE} of one member (idempotent). */
@RestController
class AgencyController {

	private final AgencyMembers members;

	private final AccessControl access;

	AgencyController(AgencyMembers members, AccessControl access) {
		this.members = members;
		this.access = access;
	}

	@GetMapping("/api/v1/agencies/{id}/members")
	List<AgencyMembers.Member> members(@PathVariable UUID id) {
		return members.members(access.requireUser(), id);
	}

	@PutMapping("/api/v1/agencies/{id}/members/{userId}")
	ResponseEntity<Void> add(@PathVariable UUID id, @PathVariable UUID userId) {
		members.add(access.requireUser(), id, userId);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/api/v1/agencies/{id}/members/{userId}")
	ResponseEntity<Void> remove(@PathVariable UUID id, @PathVariable UUID userId) {
		members.remove(access.requireUser(), id, userId);
		return ResponseEntity.noContent().build();
	}
}
