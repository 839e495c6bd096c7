package org.simpul.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.simpul.access.CurrentUser;
import org.simpul.region.RegionCatalog;
import org.simpul.region.RegionCode;
import org.simpul.region.RegionLevel;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.RegionTime;
import org.springframework.stereotype.Component;

/**
 * Checks NIK and KK numbers completely: structure, a real date, a serial, and a district that exists in the
 * region list (the six-digit prefix of a known kecamatan). District answers are cached: the list changes
 * only with a new release.
 */
@Component
public class IdentifierRules {

	private final RegionCatalog regions;

	private final Clock clock;

	private final Map<String, Boolean> knownDistricts = new ConcurrentHashMap<>();

	private final RegionTime time;

	IdentifierRules(RegionCatalog regions, Clock clock, RegionTime time) {
		this.regions = regions;
		this.clock = clock;
		this.time = time;
	}

	/** Whether a name typed for a person is one the registry accepts (Latin script, a letter at least). */
	public boolean acceptableName(String name) {
		List<FieldProblem> problems = new ArrayList<>();
		HouseholdRegistration.checkName("name", name, problems);
		return problems.isEmpty();
	}

	/** A NIK or KK number masked for anyone ({@code 3328••••••••0003}); one masked already stays as it is. */
	public String masked(String identifier) {
		return identifier == null || identifier.contains("\u2022") ? identifier : Identifiers.masked(identifier);
	}

	/**
	 * The date after which a date is in the future where no region is at hand (the structure of a NIK): today
	 * in Indonesia's easternmost zone, so that a child born today is accepted at 01:00 WIB too.
	 */
	public LocalDate today() {
		return time.latestToday();
	}

	/** Today in the region's zone (WIB, WITA or WIT): a birth or departure after it is in the future there. */
	public LocalDate today(String regionCode) {
		return time.today(regionCode);
	}

	/**
	 * A NIK or KK number as {@code user} may see it: whole for the roles that identify and serve families,
	 * masked ({@code 3328••••••••0003}) for everyone else. Other modules show identifiers through this.
	 */
	public String shownTo(CurrentUser user, String identifier) {
		return identifier == null ? null : RegistryAccess.show(user, identifier);
	}

	/** Everything wrong with {@code text} as a NIK; empty when it is a valid one. */
	public List<IdentifierProblem> nikProblems(String text) {
		List<IdentifierProblem> problems = new ArrayList<>(Nik.structuralProblems(text, today()));
		String value = Identifiers.digitsOnly(text);
		if (problems.isEmpty() && !districtExists(Identifiers.districtCode(value))) {
			problems.add(IdentifierProblem.NIK_UNKNOWN_REGION);
		}
		return problems;
	}

	public List<IdentifierProblem> kkProblems(String text) {
		List<IdentifierProblem> problems = new ArrayList<>(KkNumber.structuralProblems(text, today()));
		String value = Identifiers.digitsOnly(text);
		if (problems.isEmpty() && !districtExists(Identifiers.districtCode(value))) {
			problems.add(IdentifierProblem.KK_UNKNOWN_REGION);
		}
		return problems;
	}

	/** The NIK in {@code text}, which must have no {@link #nikProblems(String)}. */
	public Nik nik(String text) {
		return new Nik(Identifiers.digitsOnly(text));
	}

	public KkNumber kk(String text) {
		return new KkNumber(Identifiers.digitsOnly(text));
	}

	/** Loads every district once, so that checking many identifiers asks the database nothing more. */
	public void preloadDistricts() {
		if (knownDistricts.size() < 7000) {
			regions.codes(RegionLevel.DISTRICT).forEach(code -> knownDistricts.put(code, true));
		}
	}

	private boolean districtExists(String districtCode) {
		return knownDistricts.computeIfAbsent(districtCode,
				code -> RegionCode.parse(code).map(regions::exists).orElse(false));
	}
}
