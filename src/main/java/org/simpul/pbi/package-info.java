/**
 * PBI-JK reactivation (DOMAIN.md §10, ADR 0013): the people a district lost from state-paid health insurance,
 * found and followed. {@code DeactivationBatches} imports a decree's per-person list (CSV or XLSX, streamed and
 * COPYed through the registry's {@code UploadedTable}, refused rows kept by line, each file once, each person once
 * per decree), matched to the registry by the NIK's blind index within the district, each with the day the
 * reactivation window closes; {@code Deactivations} lists the persons of a territory (open windows first, those
 * being helped with their health first among them). Reads the registry's published {@code person_placement} and
 * the complaint module's {@code open_health_complaint}. API under {@code /api/v1/pbi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "registry" })
package org.simpul.pbi;
