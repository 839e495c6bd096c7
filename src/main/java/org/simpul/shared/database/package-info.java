/**
 * The embedded PostgreSQL that runs when no external database is configured, the demo-seed ledger, and the
 * territory each application connection serves for row-level security ({@code ScopedDataSource},
 * {@code DatabaseScope}, {@code WorkScope}; ADR 0008).
 */
package org.simpul.shared.database;
