/**
 * Referrals (rujukan): a complaint's case sent to a provider of the directory that serves its village, with
 * a due date. The back office recommends, a supervisor or manager decides (penetapan) before anything is
 * sent; the due date moves against the version read. Accepted, rejected with a reason or completed with an outcome by the receiving agency's
 * programme managers, who see only the referrals sent to them. The complaint, and so the citizen's tracking
 * page, follows (referred, in progress, resolved) by listening to its events. The workflow is the
 * {@code Referral} aggregate (its status table, a method per decision, a past-tense event for each), kept
 * by {@code ReferralStore}; {@code Referrals} checks who may take each decision, {@code ReferralQueries} who may
 * read which referral, and reads (one referral, the lists, the overview, the letter check).
 * The receiving agency sees whom it is asked to help: the person's name, whole NIK, birth date and address,
 * the reporter's phone when they agreed, and the assessments the case holds; every read by it is recorded
 * ({@code referral_read}, and the person's read on the audit trail). The referral letter is a PDF with
 * the sending office's letterhead and a verification code that {@code /verifikasi/{code}} confirms without
 * personal data. Overdue referrals escalate to the supervisor, then the manager ({@code ReferralEscalation}, one instance
 * at a time under an advisory lock), who are told on every page until the agency answers. Publishes
 * {@link org.simpul.shared.events.ReferralEvent} (recommended, sent, declined, accepted, rejected, completed,
 * cancelled, due date changed, escalated) in the transaction of each change; listens to none. Publishes the view {@code open_health_referral}
 * (persons with a referral to a health provider still open) for the PBI-JK list's priority.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "region", "access", "directory", "complaint", "audit", "registry",
				"casework" })
package org.simpul.referral;
