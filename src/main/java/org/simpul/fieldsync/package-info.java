/**
 * The field app (ADR 0011): the installable PWA over the same pages (web app manifest, the service worker with
 * the shell and the user's offline pages, {@code /sw.js}, {@code OfflinePages}), the one outbox every field
 * record goes through on the device ({@code static/js/field.js}, IndexedDB), its sync endpoint
 * ({@code POST /lapangan/api/kirim}): each record accepted once whatever the retries (its client id and
 * {@code Idempotency-Key}), the device's time beside the server's, stored by the module that owns its kind
 * ({@link org.simpul.fieldsync.FieldRecordKind}: complaint, assessment, case note, household, visit); and the
 * photos of those records, uploaded in resumable chunks and kept encrypted ({@link org.simpul.fieldsync.FieldPhotos}).
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access", "audit" })
package org.simpul.fieldsync;
