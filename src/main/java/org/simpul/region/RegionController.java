package org.simpul.region;

import java.util.Arrays;
import java.util.List;

import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.PageResponse;
import org.simpul.shared.PageResponse.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public region API; no login needed, unknown codes answer 404. The list also takes
 * {@code q}, a part of the name, alongside the level and direct-parent filters.
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

	private final RegionCatalog regions;

	RegionController(RegionCatalog regions) {
		this.regions = regions;
	}

	@GetMapping("/{code}")
	Region region(@PathVariable String code) {
		return regions.require(code);
	}

	@GetMapping("/{code}/children")
	List<Region> children(@PathVariable String code) {
		return regions.children(regions.require(code).regionCode());
	}

	@GetMapping
	PageResponse<Region> page(@RequestParam(required = false) String level,
			@RequestParam(required = false) String parentCode, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		PageRequest request = new PageRequest(page, size);
		RegionLevel wanted = level == null || level.isBlank() ? null : parseLevel(level);
		RegionCode parent = null;
		if (parentCode != null && !parentCode.isBlank()) {
			parent = RegionCode.parse(parentCode.strip())
				.orElseThrow(() -> new InvalidInputException(FieldProblem.of("parentCode", "REGION_CODE_INVALID")));
		}
		return regions.page(wanted, parent, q, request);
	}

	private static RegionLevel parseLevel(String level) {
		return Arrays.stream(RegionLevel.values())
			.filter(value -> value.name().equalsIgnoreCase(level.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(FieldProblem.of("level", "REGION_LEVEL_INVALID")));
	}

}
