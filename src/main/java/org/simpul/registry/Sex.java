package org.simpul.registry;

/** Jenis kelamin as recorded: {@code M} laki-laki, {@code F} perempuan. */
public enum Sex {
	M, F
}
