/**
 * Casework: the case a complaint becomes once someone works on it ("Tugas saya", {@link org.simpul.casework.Caseload}:
 * a facilitator's open cases with what is due and the household to visit, and the untaken ones she may take); its assignment to a facilitator or
 * back-office officer of its territory, the case plan (changed against the version read), a timeline of
 * notes and steps, closure with an outcome and reopening with a reason: the {@code CaseFile} aggregate
 * (its status table, its events), kept by {@code CaseStore}. Assessments: versioned forms stored as data
 * ({@link org.simpul.casework.AssessmentForm}; national quick and deep forms with the schema, a district's
 * own versions published by its manager), answers checked on the server, the complaint becoming ASSESSED, and
 * a deep assessment's house conditions that differ from the registry recorded as registry proposals through
 * {@link org.simpul.registry.RegistryProposals}; a deep assessment goes one section a screen, its house questions
 * filled from the registry. Assessments and case notes also come from the field app's outbox
 * ({@code CaseFieldRecords}, with the phone's time). Always inside the caller's territory, through the complaint
 * module.
 * Publishes {@link org.simpul.shared.events.CaseEvent} (CaseAssigned, CasePlanned, CaseNoteAdded, CaseClosed,
 * CaseReopened, AssessmentRecorded) in the transaction of each change; the complaint follows them by
 * listening. Listens to none. Publishes the view {@code assessed_chronic_illness} (persons whose
 * family's assessment recorded a chronic or catastrophic illness) for the PBI-JK list's priority.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "complaint", "registry", "audit", "fieldsync" })
package org.simpul.casework;
