/**
 * The Puskesos service desk: complaint intake (channel, category, PPKS codes from a taxonomy that is data,
 * the subject from the registry or captured on the spot), tickets with a number per village and year and a
 * tracking code shown once, public tracking without personal data ({@code /lacak}; the page adds the outcome
 * recorded at resolution and the Puskesos to ask, from the directory), the desk's pages (work queue searched
 * by ticket, name or NIK, intake with an inline NIK look-up, receipt, corrections) and a regency's own PPKS lists, mapped to the
 * national 26 and versioned ({@code /ppks}). Always inside the caller's territory. The complaint's progress is
 * the {@code Complaint} aggregate (its status table {@link org.simpul.complaint.ComplaintStatus}), moved by
 * {@code ComplaintProgress} as it hears the case's and the referrals' events ({@code shared.events}). Publishes
 * {@link org.simpul.complaint.ComplaintStatusChanged} through the event publication registry and listens to
 * it itself to tell the citizen (ADR 0006). Follows the registry's
 * {@link org.simpul.registry.PersonsMerged} so that a complaint's subject is never a merged-away record, and
 * {@link org.simpul.shared.events.UsulanEvent} so that the citizen's tracking shows where the registry update
 * the complaint led to stands ({@code ComplaintRegistryUpdates}), and
 * {@link org.simpul.shared.events.ReactivationEvent} so that it shows the PBI-JK reactivation a health complaint
 * brought ({@code ComplaintReactivations}; the answer is sent to the citizen once). A health complaint's page shows
 * whether its person was removed from PBI-JK (the PBI module's published {@code pbi_person_state}, read by
 * {@code ComplaintPbiStates}) and offers "Ajukan reaktivasi"; publishes {@code health_complaint_subject} for the
 * request to name its complaint, and {@code complaint_subject} (the registered person a complaint is about) for the
 * referral's and casework's views of the PBI-JK list's priority.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "registry", "audit", "directory", "fieldsync" })
package org.simpul.complaint;
