/**
 * PBI-JK reactivation (DOMAIN.md §10, ADR 0013): the people a district lost from state-paid health insurance,
 * found and followed. {@code DeactivationBatches} imports a decree's per-person list (CSV or XLSX, streamed and
 * COPYed through the registry's {@code UploadedTable}, refused rows kept by line, each file once, each person once
 * per decree), matched to the registry by the NIK's blind index within the district, each with the day the
 * reactivation window closes; {@code Deactivations} lists the persons of a territory (open windows first, the
 * priority cases first among them, each with its reasons, read set-based from other modules' published views;
 * a listed mother's baby named on her line; also as XLSX). {@link org.simpul.pbi.Reactivation} is a request's way, an
 * aggregate with its status table: recorded as a draft while the window is open (or after a district manager's
 * exception), its documents added ({@code ReactivationDocuments}: the health facility's letter required,
 * encrypted), submitted, verified or returned by Dinsos, its letter numbered in the district's yearly series,
 * entered in the ministry's system, approved, and answered (active again, moved to another segment, rejected);
 * {@code Reactivations} takes each step for the people who may, {@code ReactivationQueries} reads one, the
 * worklist and the district's overview; {@code ReactivationLetters} writes Dinsos' reactivation letter (PDF under the
 * district office's letterhead, with a verification QR code) and confirms it publicly at {@code /verifikasi/pbi/{code}}
 * without personal data; {@code MinistryAnswers} applies the ministry's or BPJS' answers from a file, set-based with a step
 * and an event each; {@code ApbdQuota} keeps the district's monthly PBI-APBD places; {@code FollowUps} opens the
 * family's data update after a reactivation and closes it with the household's next usulan ({@code UsulanProposed});
 * {@code PbiDashboard} answers the head of Dinsos per sub-district or village (and as XLSX). Publishes the views
 * {@code pbi_person_state} (a health complaint's and a referral's page show it) and reads the complaint module's
 * {@code health_complaint_subject} (a request names the complaint that brought it); {@code DemoPbi} seeds the demo
 * lists of Temanggung and Tegal. The village's list (its first page) is kept on the phone of whoever asks for
 * reactivations (the field app's {@code OfflinePages}), to open without signal. Publishes {@link org.simpul.shared.events.ReactivationEvent} in the
 * transaction of each move. Reads the registry's published {@code person_placement} and {@code person_in_scope}
 * (babies), the complaint module's {@code open_health_complaint}, the referral module's {@code open_health_referral}
 * and casework's {@code assessed_chronic_illness} (the list's priority reasons). API under {@code /api/v1/pbi}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "region", "access", "audit", "registry", "fieldsync" })
package org.simpul.pbi;
