package org.simpul.shared.database;

/**
 * The territory the work on the current thread may touch in the database, for PostgreSQL's row-level
 * security (ADR 0008): a region code, or {@link #EVERYWHERE}. The access module answers it from the signed-in
 * user; without one (scheduled jobs, start-up, the public pages) the work is the system's own.
 */
public interface DatabaseScope {

	/** The scope of work that is not bound to one territory. */
	String EVERYWHERE = "*";

	/** The scope of a request by nobody: no territorial row at all. */
	String NOWHERE = "";

	String current();
}
