package org.simpul.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The shared shape of NIK and KK numbers (Dukcapil): 16 digits = 6-digit district of registration +
 * a DDMMYY date + a 4-digit serial, never 0000. There is no check digit. Whether the district exists is
 * asked of the region list by {@link IdentifierRules}.
 */
final class Identifiers {

	private Identifiers() {
	}

	static String digitsOnly(String text) {
		return text == null ? "" : text.strip().replace(" ", "").replace(".", "");
	}

	static boolean allDigits(String value) {
		return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
	}

	/** The dotted district code of the first six digits: {@code 332810} → {@code 33.28.10}. */
	static String districtCode(String value) {
		return value.substring(0, 2) + "." + value.substring(2, 4) + "." + value.substring(4, 6);
	}

	/**
	 * The date written as DDMMYY at positions 6–11, in the last hundred years up to {@code today}, if real.
	 * Two-digit years are read as the latest century that does not put the date after today.
	 */
	static Optional<LocalDate> date(int day, int month, int twoDigitYear, LocalDate today) {
		int century = today.getYear() / 100 * 100;
		for (int year : new int[] { century + twoDigitYear, century - 100 + twoDigitYear }) {
			try {
				LocalDate date = LocalDate.of(year, month, day);
				if (!date.isAfter(today)) {
					return Optional.of(date);
				}
			}
			catch (DateTimeException impossible) {
				// day 31 in a 30-day month, 29 February outside a leap year: try the other century
			}
		}
		return Optional.empty();
	}

	static String masked(String value) {
		return value.length() < 8 ? "••••" : value.substring(0, 4) + "••••••••" + value.substring(value.length() - 4);
	}
}
