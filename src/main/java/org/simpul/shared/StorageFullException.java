package org.simpul.shared;

/**
 * The server's disk is full: the request could not be kept (nothing half-written stays). Answered 507 with
 * the problem {@code DISK_FULL} on {@code field}; the administrator frees space, the user tries again later.
 */
public class StorageFullException extends RuntimeException {

	private final String field;

	public StorageFullException(String field, Throwable cause) {
		super("The server's disk is full", cause);
		this.field = field;
	}

	public String field() {
		return field;
	}
}
