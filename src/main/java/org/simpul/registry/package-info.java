/**
 * The social registry: households with their members (NIK, KK, SHDK relationship), welfare decile, house
 * conditions, programme memberships and the history of every change; members who leave (died, moved away)
 * stay on record as former members. Search by NIK and by name (old spellings, typos and sound-alikes
 * forgiven through the {@code name_word} dictionary, ADR 0005), an edit page for a household and its
 * members, bulk CSV and XLSX imports as background jobs, duplicate candidates for review, registry proposals
 * (usulan) recorded beside a household and never written over it ({@link org.simpul.registry.RegistryProposals}),
 * from deep assessments and from home visits ({@link org.simpul.registry.HouseholdVisits}: the house as found, a
 * note, the phone's position, photos); the field app's household and visit records ({@code RegistryFieldRecords});
 * always inside the caller's territory. Corrections of a registered household (its data, members joining,
 * leaving, moving, a member's name, birth date, sex or relationship through {@code HouseholdMembers.correct}, a
 * proposal accepted) are the district's ({@code RegistryAccess.requireCorrector}); the village
 * proposes them as usulan, and {@link org.simpul.registry.RegistryResults} sets the desil a result list ranks.
 * Every read and write of a person's or household's data is recorded
 * on the audit trail ({@link org.simpul.audit.AuditTrail}). NIK and KK numbers are stored encrypted and found
 * by their blind index ({@code StoredIdentifiers}, {@code RegistryEncryption}); households and persons are
 * under row-level security per territory, crossed only by the placement views (ADR 0008).
 * Publishes {@link org.simpul.registry.PersonsMerged} inside a merge's transaction,
 * {@link org.simpul.registry.HouseholdEvent} (registered, changed: one per history row) and
 * {@link org.simpul.registry.RegistryImported} in the transaction of each change, and
 * {@link org.simpul.registry.ConditionsFound} when an assessment or a visit found the house different (the
 * update module makes it an usulan); listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "fieldsync" })
package org.simpul.registry;
