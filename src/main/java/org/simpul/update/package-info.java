/**
 * Keeping the registry current (DOMAIN.md §9): usulan and the update cycle. An {@code Usulan} (enter, change,
 * remove, propose for a programme, sanggah) is the aggregate of its workflow: a draft of its village's current
 * cycle, agreed by the village (musdes or SPTJM), submitted to Dinsos, returned for correction or endorsed,
 * sent to the ministry, and decided (included with a desil, not included, excluded). Its status table, a method
 * per step and a past-tense {@link org.simpul.shared.events.UsulanEvent} for each; {@code UsulanStore} keeps
 * it, what it changes encrypted at rest. {@code Usulans} checks who may take each step where (the village's
 * roles for drafts, agreement and submission; Dinsos, from a district-wide territory, for return, endorsement
 * and sending), {@code UsulanQueries} reads one and the lists. {@code UpdateCycles} holds each district's
 * calendar (the monthly village window and the quarterly ranking months, edited by its manager) and makes a
 * district's monthly cycle the first time it is needed. {@code UsulanSources} turns what other modules found
 * into drafts: a complaint about someone the registry does not hold, the house conditions a deep assessment or
 * a home visit found different, a household a village registered (to enter DTSEN as registered). {@code UsulanResults} imports the ministry's result list of a district (streamed,
 * staged by COPY, refused rows kept by line, each file once): the sent usulan it names decided with their change
 * to the registry, through the registry's own services, and every included row's desil set with history.
 * {@code UsulanAttachments} keeps an usulan's evidence (house photos, the KK, documents), encrypted. {@code LateUsulan}
 * moves what a village has not submitted by the cut-off to the next cycle. A person on a PBI-JK list the
 * registry does not hold becomes a new family's first member on the form ({@code /usulan/baru?pbi=}, through the
 * PBI module's {@code Deactivations}). API under {@code /api/v1/update-cycles}, {@code /api/v1/update-calendars} and
 * {@code /api/v1/usulan}; pages under {@code /usulan}.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "audit", "registry", "complaint", "pbi" })
package org.simpul.update;
