/**
 * Shared kernel, kept tiny: the clock, problem+json errors and the error page, paging, required free text
 * ({@code Texts}), readable random codes ({@code CrockfordCodes}), QR codes drawn into PDFs ({@code pdf}), the
 * embedded PostgreSQL that runs when no external database is configured, the once-only demo-seed ledger, the
 * territory each database connection serves ({@code database}), encryption at rest ({@code crypto}), the
 * shape of every workflow ({@code workflow}: a status table, an aggregate that registers events, their
 * publication) and the events modules hear across their boundaries ({@code events}, ADR 0010).
 * No domain logic lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.simpul.shared;
