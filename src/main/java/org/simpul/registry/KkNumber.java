package org.simpul.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Kartu Keluarga number: 6-digit district, issue date DDMMYY, 4-digit serial. {@link #toString()} masks.
 */
public record KkNumber(String value) {

	public KkNumber {
		if (value == null || value.length() != 16 || !Identifiers.allDigits(value)) {
			throw new IllegalArgumentException("Not a KK number");
		}
	}

	static List<IdentifierProblem> structuralProblems(String text, LocalDate today) {
		String value = Identifiers.digitsOnly(text);
		List<IdentifierProblem> problems = new ArrayList<>();
		if (!Identifiers.allDigits(value)) {
			problems.add(IdentifierProblem.KK_NOT_DIGITS);
			return problems;
		}
		if (value.length() != 16) {
			problems.add(IdentifierProblem.KK_INVALID_LENGTH);
			return problems;
		}
		if (Identifiers.date(Integer.parseInt(value.substring(6, 8)), Integer.parseInt(value.substring(8, 10)),
				Integer.parseInt(value.substring(10, 12)), today).isEmpty()) {
			problems.add(IdentifierProblem.KK_INVALID_DATE);
		}
		if (value.endsWith("0000")) {
			problems.add(IdentifierProblem.KK_INVALID_SERIAL);
		}
		return problems;
	}

	public String districtCode() {
		return Identifiers.districtCode(value);
	}

	public String masked() {
		return Identifiers.masked(value);
	}

	@Override
	public String toString() {
		return masked();
	}
}
