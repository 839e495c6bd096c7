package org.simpul.directory;

import java.util.List;

import org.simpul.access.AccessControl;
import org.simpul.directory.ProviderDirectory.Provider;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/providers}: the services a referral from a region can go to . */
@RestController
class ProviderController {

	private final ProviderDirectory providers;

	private final AccessControl access;

	ProviderController(ProviderDirectory providers, AccessControl access) {
		this.providers = providers;
		this.access = access;
	}

	@GetMapping("/api/v1/providers")
	PageResponse<Provider> providers(@RequestParam(required = false) String regionCode,
			@RequestParam(required = false) String category, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		PageRequest request = new PageRequest(page, size);
		List<Provider> all = providers.serving(access.requireUser(), regionCode, category);
		int from = (int) Math.min(all.size(), request.offset());
		return PageResponse.of(all.subList(from, Math.min(all.size(), from + size)), request, all.size());
	}
}
