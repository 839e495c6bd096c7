package org.simpul.access;

import java.net.URI;
import java.util.UUID;

import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The users API ({@code /api/v1/users}), for administrators and district managers, always inside the caller's territory. */
@RestController
@RequestMapping("/api/v1/users")
class UserController {

	private final UserManagement users;

	private final AccessControl access;

	UserController(UserManagement users, AccessControl access) {
		this.users = users;
		this.access = access;
	}

	record CreateUser(UUID id, String username, String password, String displayName, Role role, String regionCode) {
	}

	record ChangeUser(String displayName, Role role, String regionCode) {
	}

	record NewPassword(String password) {
	}

	@PostMapping
	ResponseEntity<UserView> create(@RequestBody CreateUser body) {
		UserView user = users.create(access.requireUser(), new UserManagement.NewUser(body.id(), body.username(), body.password(),
				body.displayName(), body.role(), body.regionCode()));
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
			.eTag(PreconditionFailedException.etag(user.version()))
			.body(user);
	}

	@GetMapping
	PageResponse<UserView> list(@RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		return users.list(access.requireUser(), q, new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	ResponseEntity<UserView> get(@PathVariable UUID id) {
		return withEtag(users.find(access.requireUser(), id));
	}

	@PutMapping("/{id}")
	ResponseEntity<UserView> change(@PathVariable UUID id, @RequestHeader(HttpHeaders.IF_MATCH) String ifMatch,
			@RequestBody ChangeUser body) {
		return withEtag(users.change(access.requireUser(), id, ifMatch,
				new UserManagement.UserChange(body.displayName(), body.role(), body.regionCode())));
	}

	@PostMapping("/{id}/deactivate")
	ResponseEntity<UserView> deactivate(@PathVariable UUID id) {
		return withEtag(users.deactivate(access.requireUser(), id));
	}

	@PostMapping("/{id}/activate")
	ResponseEntity<UserView> activate(@PathVariable UUID id) {
		return withEtag(users.activate(access.requireUser(), id));
	}

	@PostMapping("/{id}/password")
	ResponseEntity<UserView> resetPassword(@PathVariable UUID id, @RequestBody NewPassword body) {
		return withEtag(users.resetPassword(access.requireUser(), id, body.password()));
	}

	/** Clears the user's authenticator (a lost phone); they enrol again at their next page login. */
	@PostMapping("/{id}/second-factor/reset")
	ResponseEntity<UserView> resetSecondFactor(@PathVariable UUID id) {
		return withEtag(users.resetSecondFactor(access.requireUser(), id));
	}

	private static ResponseEntity<UserView> withEtag(UserView user) {
		return ResponseEntity.ok().eTag(PreconditionFailedException.etag(user.version())).body(user);
	}
}
