package org.simpul.complaint;

/** The complaint domains the SLRT desk takes: education, health, civil registration, social, economy. */
public enum Category {
	HEALTH, EDUCATION, CIVIL_REGISTRATION, SOCIAL, ECONOMY, OTHER
}
