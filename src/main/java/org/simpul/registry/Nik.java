package org.simpul.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Nomor Induk Kependudukan: 6-digit district of first registration, birth date DDMMYY (40 added to the
 * day for women), 4-digit serial. Only structurally valid values exist as {@code Nik}; {@link #toString()}
 * masks, so a NIK never reaches a log line by accident. Build one with {@link IdentifierRules}, which also
 * checks the district against the region list.
 */
public record Nik(String value) {

	public Nik {
		if (value == null || value.length() != 16 || !Identifiers.allDigits(value)) {
			throw new IllegalArgumentException("Not a NIK");
		}
	}

	/** The problems that make {@code text} no NIK, leaving the region check aside; empty when it is one. */
	static List<IdentifierProblem> structuralProblems(String text, LocalDate today) {
		String value = Identifiers.digitsOnly(text);
		List<IdentifierProblem> problems = new ArrayList<>();
		if (!Identifiers.allDigits(value)) {
			problems.add(IdentifierProblem.NIK_NOT_DIGITS);
			return problems;
		}
		if (value.length() != 16) {
			problems.add(IdentifierProblem.NIK_INVALID_LENGTH);
			return problems;
		}
		int day = Integer.parseInt(value.substring(6, 8));
		int month = Integer.parseInt(value.substring(8, 10));
		int year = Integer.parseInt(value.substring(10, 12));
		if (Identifiers.date(day > 40 ? day - 40 : day, month, year, today).isEmpty()) {
			problems.add(IdentifierProblem.NIK_INVALID_DATE);
		}
		if (value.endsWith("0000")) {
			problems.add(IdentifierProblem.NIK_INVALID_SERIAL);
		}
		return problems;
	}

	/** The district code of first registration, dotted: {@code 33.28.10}. */
	public String districtCode() {
		return Identifiers.districtCode(value);
	}

	public boolean encodesFemale() {
		return Integer.parseInt(value.substring(6, 8)) > 40;
	}

	/** The birth date the NIK encodes, read with {@code today} to place the two-digit year. */
	public LocalDate encodedBirthDate(LocalDate today) {
		int day = Integer.parseInt(value.substring(6, 8));
		return Identifiers.date(day > 40 ? day - 40 : day, Integer.parseInt(value.substring(8, 10)),
				Integer.parseInt(value.substring(10, 12)), today).orElseThrow();
	}

	/** Mismatches with the recorded birth date and sex: warnings, because real data has them. */
	public List<IdentifierProblem> warnings(LocalDate birthDate, Sex sex, LocalDate today) {
		List<IdentifierProblem> warnings = new ArrayList<>();
		if (birthDate != null) {
			LocalDate encoded = encodedBirthDate(today);
			// the two-digit year cannot tell 1925 from 2025: compare day, month and year within the century
			if (encoded.getDayOfMonth() != birthDate.getDayOfMonth() || encoded.getMonthValue() != birthDate.getMonthValue()
					|| encoded.getYear() % 100 != birthDate.getYear() % 100) {
				warnings.add(IdentifierProblem.NIK_BIRTH_DATE_MISMATCH);
			}
		}
		if (sex != null && (sex == Sex.F) != encodesFemale()) {
			warnings.add(IdentifierProblem.NIK_SEX_MISMATCH);
		}
		return warnings;
	}

	public String masked() {
		return Identifiers.masked(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
