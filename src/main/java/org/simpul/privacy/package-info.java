/**
 * Data-subject rights (UU PDP): the data protection officer finds everything Simpul holds about a registry
 * person in the officer's territory and exports it with its processing history (Pasal 32):
 * {@link org.simpul.privacy.DataSubjects}; and restricts a person's processing (Pasal 41) through
 * {@link org.simpul.registry.RegistryRestrictions}; receives requests on the law's 3×24-hour clock
 * ({@link org.simpul.privacy.DataSubjectRequests}); runs breach drills ({@link org.simpul.privacy.BreachDrills}).
 * The export also comes as a PDF ({@code DataSubjectPdf}), and the officer works at the pages
 * {@code /pelindungan-data} ({@code DataProtectionPages}). Publishes and listens to no events; asks the
 * modules that hold the data.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "access", "audit", "registry", "complaint", "casework", "referral" })
package org.simpul.privacy;
