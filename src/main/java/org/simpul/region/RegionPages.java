package org.simpul.region;

import java.util.List;

import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The region browser (Wilayah): drill down from the provinces to the villages, or search by name. The
 * page starts at {@code ?kode=}, or at the country when none is given; {@code ?q=} searches.
 */
@Controller
class RegionPages {

	private final RegionCatalog regions;

	RegionPages(RegionCatalog regions) {
		this.regions = regions;
	}

	@GetMapping("/wilayah")
	String browse(@RequestParam(required = false) String kode, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Region current = kode == null || kode.isBlank() ? null : regions.require(kode.strip());
		model.addAttribute("current", current);
		model.addAttribute("lineage", current == null ? List.of() : regions.lineage(current.regionCode()));
		model.addAttribute("q", q);
		if (q != null && !q.isBlank()) {
			model.addAttribute("results", regions.search(q, current == null ? null : current.regionCode(),
					new PageRequest(Math.max(page, 0), 50)));
		}
		else {
			model.addAttribute("children",
					current == null ? regions.provinces() : regions.children(current.regionCode()));
		}
		return "region/browse";
	}

	@GetMapping("/lisensi-data")
	String dataLicence() {
		return "region/licence";
	}
}
