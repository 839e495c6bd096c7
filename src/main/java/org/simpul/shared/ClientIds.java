package org.simpul.shared;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DuplicateKeyException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ids chosen by the client: a device that works offline names each record it creates with a UUID, so that
 * sending it again, after a lost answer or a week without signal, can never make a second one.
 *
 * <p>Every creating API {@code POST} accepts an optional {@code "id"}. A new id makes the record with that id;
 * the same id again from the same user, to the same address, with the same content (compared as JSON,
 * whatever the order of its properties or its spacing) answers what the first request answered, without a
 * second record; any other use of the id answers 409 with the code {@code ID_TAKEN} on the field {@code id}.
 * The web layer keeps the ledger of ids beside the {@code Idempotency-Key} ledger, in the transaction of the
 * request's own writes; the services only use the id they are given ({@link #orNew}) and turn the database's
 * refusal of an id that exists already (its primary key, or a unique client id column) into the same 409
 * ({@link #taken}).
 */
public final class ClientIds {

	/** The ledger (the caller column of the idempotency ledger) that holds the ids clients chose. */
	public static final String LEDGER = "#client-id";

	private static final JsonMapper CANONICAL = JsonMapper.builder()
		.enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
		.build();

	private static final byte[] ID_NAME = "\"id\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] ESCAPE = "\\u".getBytes(StandardCharsets.US_ASCII);

	/**
	 * The creating endpoints, the only ones whose {@code "id"} is a client's choice: elsewhere (a token request,
	 * a search) a body's id is nobody's record, and their answers are never kept in the ledger. The field app's
	 * outbox sends every kind of record to one address ({@code /lapangan/api/kirim}), with the record's id.
	 */
	private static final Pattern CREATING = Pattern.compile("/api/v1/(complaints|referrals|households"
			+ "|households/[^/]+/members|complaints/[^/]+/assessments|complaints/[^/]+/case/notes|assessment-forms"
			+ "|ppks-lists|users|data-subjects/[^/]+/requests|usulan|musdes|pbi/reactivations)/?|/lapangan/api/kirim");

	private ClientIds() {
	}

	/** Whether a {@code POST} to this path (within the application) creates a record a client may name. */
	public static boolean creates(String path) {
		return CREATING.matcher(path).matches();
	}

	private static int indexOf(byte[] text, byte[] part) {
		outer: for (int i = 0; i <= text.length - part.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (text[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** The id the client chose, or a new one when it chose none. */
	public static UUID orNew(UUID chosen) {
		return chosen != null ? chosen : UUID.randomUUID();
	}

	/**
	 * Whether the database refused a row because its id is already taken: a primary key ({@code pk_…}) or a
	 * unique client id ({@code uq_…_client_id}) constraint.
	 */
	public static boolean taken(DuplicateKeyException ex) {
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof PSQLException psql) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				String constraint = message == null ? null : message.getConstraint();
				return constraint != null && (constraint.startsWith("pk_") || constraint.endsWith("_client_id"));
			}
			cause = cause.getCause();
		}
		return false;
	}

	/** The 409 for an id already taken. */
	public static ConflictException conflict() {
		return new ConflictException(FieldProblem.of("id", "ID_TAKEN"));
	}

	/**
	 * What a JSON request body says about its id: none (not an object, no {@code "id"} or a null one), a valid
	 * UUID with the body's canonical form, or an id that is not a UUID.
	 */
	public record Chosen(UUID id, byte[] canonical, boolean invalid) {

		/** The content the id stands for, as the given caller sent it. */
		public byte[] fingerprint(String caller) {
			byte[] who = (caller + "\n").getBytes(StandardCharsets.UTF_8);
			byte[] all = new byte[who.length + canonical.length];
			System.arraycopy(who, 0, all, 0, who.length);
			System.arraycopy(canonical, 0, all, who.length, canonical.length);
			return all;
		}
	}

	/** Reads the id of a JSON body; a body that is not JSON has none (its controller answers for it). */
	public static Chosen chosen(byte[] body) {
		// most bodies name no id: they are not parsed twice (an escaped name, \u0069d, is parsed to be sure)
		if (indexOf(body, ID_NAME) < 0 && indexOf(body, ESCAPE) < 0) {
			return new Chosen(null, null, false);
		}
		JsonNode tree;
		try {
			tree = CANONICAL.readTree(body);
		}
		catch (JacksonException ex) {
			return new Chosen(null, null, false);
		}
		JsonNode id = tree == null || !tree.isObject() ? null : tree.get("id");
		if (id == null || id.isNull()) {
			return new Chosen(null, null, false);
		}
		if (!id.isString() || id.asString().strip().length() != 36) {
			return new Chosen(null, null, true);
		}
		try {
			UUID value = UUID.fromString(id.asString().strip());
			return new Chosen(value, CANONICAL.writeValueAsBytes(tree), false);
		}
		catch (IllegalArgumentException ex) {
			return new Chosen(null, null, true);
		}
	}
}
