package org.simpul.shared;

import java.math.BigDecimal;

/**
 * Decimal numbers typed by people or sent by devices (a floor area, a latitude, an answer): read with bounds on
 * their digits and exponent. {@code new BigDecimal("1e-999999999")} is one digit, but scaling or printing it
 * makes a billion; a number past these bounds is not one a field asks for, and is refused before any
 * arithmetic.
 */
public final class Decimals {

	private static final int MAX_TEXT = 40;

	private static final int MAX_SCALE = 12;

	private static final int MAX_PRECISION = 24;

	private Decimals() {
	}

	/**
	 * The number {@code text} writes (a comma as the decimal mark too), or {@link NumberFormatException} when it is
	 * none, or past the bounds.
	 */
	public static BigDecimal parse(String text) {
		if (text == null || text.strip().length() > MAX_TEXT) {
			throw new NumberFormatException("not a bounded decimal");
		}
		BigDecimal value = new BigDecimal(text.strip().replace(',', '.'));
		if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE || value.precision() > MAX_PRECISION) {
			throw new NumberFormatException("not a bounded decimal");
		}
		return value;
	}
}
