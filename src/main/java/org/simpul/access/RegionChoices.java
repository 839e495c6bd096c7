package org.simpul.access;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.simpul.region.Region;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;

/**
 * The territories offered in the user form: the manager's own territory, the chosen one with its
 * ancestors inside the manager's territory, and the children of each, so that a district manager can
 * reach any village in two or three choices without typing a code.
 */
final class RegionChoices {

	private RegionChoices() {
	}

	static List<Region> around(RegionCatalog regions, Territory territory, RegionCode chosen) {
		Map<String, Region> choices = new LinkedHashMap<>();
		List<Region> path = new ArrayList<>();
		if (chosen != null && territory.covers(chosen)) {
			regions.lineage(chosen).stream().filter(r -> territory.covers(r.regionCode())).forEach(path::add);
		}
		if (path.isEmpty()) {
			territory.regionCode().flatMap(regions::find).ifPresent(path::add);
		}
		if (path.isEmpty()) {
			regions.provinces().forEach(province -> choices.put(province.code(), province));
		}
		for (Region region : path) {
			choices.put(region.code(), region);
			if (region.level() != RegionLevel.VILLAGE) {
				regions.children(region.regionCode()).forEach(child -> choices.putIfAbsent(child.code(), child));
			}
		}
		return choices.values().stream().sorted(Comparator.comparing(Region::code)).toList();
	}
}
