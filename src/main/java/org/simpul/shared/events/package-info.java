/**
 * The published language of the workflow: the past-tense events each module publishes when its records
 * change, in the transaction that changes them. They live here, not in their publishers, because the
 * listeners sit upstream: the complaint follows its case, its assessments and its referrals by listening,
 * while those modules read the complaint through its API; events owned by the publishers would make that a
 * cycle. Each event's documentation names its publisher; {@code docs/events.md} lists who listens.
 */
package org.simpul.shared.events;
