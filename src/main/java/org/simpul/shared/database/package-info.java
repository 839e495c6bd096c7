/**
 * The embedded PostgreSQL that runs when no external database is configured, watched and restarted when its
 * server dies ({@code EmbeddedDatabaseWatch}); the circuit that knows whether the database answers
 * ({@code DatabaseCircuit}, so that requests answer 503 at once while it is away) and which failures mean it
 * is away ({@code DatabaseFailures}); the demo-seed ledger, and the territory each application connection
 * serves for row-level security ({@code ScopedDataSource}, {@code DatabaseScope}, {@code WorkScope}; ADR 0008).
 * What was injected and measured: docs/reliability.md.
 */
package org.simpul.shared.database;
