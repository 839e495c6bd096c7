/**
 * The shape of every workflow: a status enum that declares its moves in a {@link Transitions} table, an
 * {@link AggregateRoot} whose intention-revealing methods check that table and their own rules and register
 * past-tense events, and {@link DomainEvents} that publishes them in the transaction that saved the change.
 */
package org.simpul.shared.workflow;
