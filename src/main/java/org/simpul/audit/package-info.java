/**
 * The audit trail (UU PDP Pasal 31): every read of a person's or household's data and every write, with who,
 * when, what, whose data and for what purpose ({@link org.simpul.audit.AuditTrail}), append-only in the
 * database and sealed into a SHA-256 hash chain ({@code AuditSealer}) that {@code AuditVerification} checks
 * (API for DPOs and administrators, and {@code --simpul.audit.verify} from the command line). Publishes and
 * listens to no events; other modules call {@code AuditTrail} where they read or write personal data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "access" })
package org.simpul.audit;
