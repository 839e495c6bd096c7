package org.simpul.directory;

/** A Puskesos is run by a village (desa/kelurahan) or by a sub-district (kecamatan). */
public enum PuskesosLevel {
	VILLAGE, DISTRICT
}
