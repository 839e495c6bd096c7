/**
 * The field app: the installable PWA over the same pages (web app manifest, the service worker with the
 * shell and the user's offline pages, {@code /sw.js}), the one outbox every field record goes through on the
 * device ({@code static/js/field.js}, IndexedDB), and its sync endpoint ({@code POST /lapangan/api/kirim}):
 * each record is accepted once whatever the retries (its client id and {@code Idempotency-Key}), with the
 * device's time beside the server's, by the module that owns its kind ({@link org.simpul.fieldsync.FieldRecordKind},
 * which those modules implement). Publishes and listens to no events. ADR 0011.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access" })
package org.simpul.fieldsync;
