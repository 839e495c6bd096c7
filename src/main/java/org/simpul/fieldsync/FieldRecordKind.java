package org.simpul.fieldsync;

import java.util.Optional;
import java.util.UUID;

import org.simpul.access.CurrentUser;

/**
 * One kind of record the field app queues on the device and sends when it has signal (a complaint, an
 * assessment, a case note, a visit). The module that owns the record implements it: it checks the record's
 * fields as its own page form would (the same names, the same problems) and stores it under the record's id,
 * inside the user's territory (404 outside), in the transaction the sync opened. A retry of the same record
 * never reaches it twice: the sync answers a repeat from its ledger.
 */
public interface FieldRecordKind {

	/** The kind's name in the outbox, e.g. {@code complaint}; lower case letters and dashes. */
	String name();

	/** Stores the record, or refuses it with the field problems the user must fix. */
	FieldRecord.Accepted accept(CurrentUser user, FieldRecord record);

	/**
	 * The village of a stored record of this kind whose photos {@code user} may see ({@code adding} false: who
	 * may see the record) or add to ({@code adding} true: only who made the record), or empty (photos are not
	 * taken for this kind, the record is unknown, outside the user's territory, or not theirs to add to).
	 */
	default Optional<String> photoVillage(CurrentUser user, UUID recordId, boolean adding) {
		return Optional.empty();
	}
}
