package org.simpul.complaint;

import java.net.URI;
import java.util.UUID;

import org.simpul.access.AccessControl;
import org.simpul.complaint.PpksLists.ListView;
import org.simpul.complaint.PpksLists.NewList;
import org.simpul.complaint.PpksLists.Overview;
import org.simpul.complaint.PpksLists.Published;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A regency's own PPKS lists: read by anyone whose work touches the regency, published and put in or out of
 * force by its manager (or an administrator).
 */
@RestController
class PpksListController {

	private final PpksLists lists;

	private final AccessControl access;

	PpksListController(PpksLists lists, AccessControl access) {
		this.lists = lists;
		this.access = access;
	}

	@GetMapping("/api/v1/ppks-lists")
	Overview overview(@RequestParam(required = false) String regencyCode) {
		return lists.overview(access.requireUser(), regencyCode);
	}

	@PostMapping("/api/v1/ppks-lists")
	ResponseEntity<ListView> publish(@RequestBody NewList body) {
		Published published = lists.publish(access.requireUser(), body);
		if (!published.created()) {
			return ResponseEntity.ok(published.list());
		}
		return ResponseEntity.created(URI.create("/api/v1/ppks-lists?regencyCode=" + published.list().regencyCode()))
			.body(published.list());
	}

	@PostMapping("/api/v1/ppks-lists/{id}/activate")
	ResponseEntity<ListView> activate(@PathVariable UUID id) {
		return ResponseEntity.status(HttpStatus.OK).body(lists.activate(access.requireUser(), id));
	}

	@PostMapping("/api/v1/ppks-lists/{id}/deactivate")
	ResponseEntity<ListView> deactivate(@PathVariable UUID id) {
		return ResponseEntity.status(HttpStatus.OK).body(lists.deactivate(access.requireUser(), id));
	}
}
