package org.simpul.directory;

/** Planned (agreed but not yet serving), active, or closed. */
public enum PuskesosStatus {
	PLANNED, ACTIVE, CLOSED
}
