package org.simpul.registry;

import java.net.URI;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.registry.Views.PersonSummary;
import org.simpul.registry.Views.PersonView;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry API: households, persons, search by NIK or name. */
@RestController
class RegistryController {

	private final HouseholdRegistration registration;

	private final HouseholdMembers members;

	private final HouseholdQueries queries;

	private final PersonSearch search;

	private final HouseholdChanges changes;

	private final AccessControl access;

	RegistryController(HouseholdRegistration registration, HouseholdMembers members, HouseholdQueries queries, PersonSearch search,
			HouseholdChanges changes, AccessControl access) {
		this.registration = registration;
		this.members = members;
		this.queries = queries;
		this.search = search;
		this.changes = changes;
		this.access = access;
	}

	@PutMapping("/api/v1/households/{id}")
	ResponseEntity<HouseholdView> change(@PathVariable UUID id,
			@RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody HouseholdChanges.HouseholdChange body) {
		HouseholdView household = changes.change(access.requireUser(), id, ifMatch, body);
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(household.version())).body(household);
	}

	@PostMapping("/api/v1/households")
	ResponseEntity<HouseholdView> register(@RequestBody NewHousehold body) {
		HouseholdView household = registration.register(access.requireUser(), body, "API");
		return ResponseEntity.created(URI.create("/api/v1/households/" + household.id()))
			.eTag(PreconditionFailedException.etag(household.version()))
			.body(household);
	}

	@GetMapping("/api/v1/households/{id}")
	ResponseEntity<HouseholdView> household(@PathVariable UUID id) {
		HouseholdView household = queries.household(access.requireUser(), id)
			.orElseThrow(() -> new NotFoundException("Household"));
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(household.version())).body(household);
	}

	@PostMapping("/api/v1/households/{id}/members")
	ResponseEntity<HouseholdView> addMember(@PathVariable UUID id, @RequestBody NewHousehold.Member member) {
		HouseholdView household = registration.addMember(access.requireUser(), id, member);
		return ResponseEntity.status(HttpStatus.CREATED)
			.eTag(PreconditionFailedException.etag(household.version()))
			.body(household);
	}

	record Move(UUID householdId) {
	}

	@PostMapping("/api/v1/persons/{id}/move")
	ResponseEntity<HouseholdView> move(@PathVariable UUID id, @RequestBody Move move) {
		if (move.householdId() == null) {
			throw new InvalidInputException(FieldProblem.of("householdId", "REQUIRED"));
		}
		HouseholdView household = members.moveMember(access.requireUser(), id, move.householdId());
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(household.version())).body(household);
	}

	@PostMapping("/api/v1/persons/{id}/leave")
	ResponseEntity<HouseholdView> leave(@PathVariable UUID id, @RequestBody HouseholdMembers.Departure departure) {
		HouseholdView household = members.leave(access.requireUser(), id, departure, "API");
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(household.version())).body(household);
	}

	/**
	 * The district's correction of a member's name, birth date, sex or relationship (a typing error), against the
	 * household's version read ({@code If-Match}); fields left out stay as registered.
	 */
	@PutMapping("/api/v1/persons/{id}")
	ResponseEntity<HouseholdView> correct(@PathVariable UUID id,
			@RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody HouseholdMembers.PersonCorrection body) {
		HouseholdView household = members.correct(access.requireUser(), id, ifMatch, body, "API");
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(household.version())).body(household);
	}

	@GetMapping("/api/v1/persons/{id}")
	PersonView person(@PathVariable UUID id) {
		return queries.person(access.requireUser(), id).orElseThrow(() -> new NotFoundException("Person"));
	}

	@PostMapping("/api/v1/persons/search")
	PageResponse<PersonSummary> search(@RequestBody PersonSearch.Query query,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return search.search(access.requireUser(), query, new PageRequest(page, size));
	}
}
