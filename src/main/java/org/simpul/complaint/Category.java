package org.simpul.complaint;

/** The complaint domains of the seed list (DOMAIN.md §3): education, health, civil registration, social, economy. */
public enum Category {
	HEALTH, EDUCATION, CIVIL_REGISTRATION, SOCIAL, ECONOMY, OTHER
}
