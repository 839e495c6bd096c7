package org.simpul.registry;

/** Why a NIK or KK number is refused, or what about it deserves a warning; codes of the API. */
public enum IdentifierProblem {
	NIK_INVALID_LENGTH, NIK_NOT_DIGITS, NIK_UNKNOWN_REGION, NIK_INVALID_DATE, NIK_INVALID_SERIAL,
	KK_INVALID_LENGTH, KK_NOT_DIGITS, KK_UNKNOWN_REGION, KK_INVALID_DATE, KK_INVALID_SERIAL,
	/** Warnings: real data has them, so they are shown, never silently corrected or refused. */
	NIK_BIRTH_DATE_MISMATCH, NIK_SEX_MISMATCH
}
