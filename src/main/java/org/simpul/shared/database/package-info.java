/** The embedded PostgreSQL that runs when no external database is configured, and the demo-seed ledger. */
package org.simpul.shared.database;
