package org.simpul.fieldsync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.simpul.access.CurrentUser;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Receives the records a device's outbox sends: checks the envelope (the record's id, its kind, the device's
 * time, its fields) and hands the record to the module that owns its kind. Exactly once is the web layer's
 * ledger of client ids and {@code Idempotency-Key}s, in the transaction that stores the record: a record sent
 * again (the answer was lost, the phone restarted, two tabs sent it) answers as the first time.
 *
 * <p>The device's clock is believed unless it is impossible: a time after the record arrived (a clock running
 * ahead), or more than a year before it (a phone whose clock was reset), is replaced by the arrival time.
 */
@Service
public class FieldSync {

	private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.\\[\\]-]{0,99}");

	static final int MAX_FIELDS = 300;

	static final int MAX_VALUES = 500;

	private static final Duration OLDEST = Duration.ofDays(366);

	private final Map<String, FieldRecordKind> kinds;

	private final Clock clock;

	FieldSync(List<FieldRecordKind> kinds, Clock clock) {
		this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(FieldRecordKind::name, Function.identity()));
		this.clock = clock;
	}

	/** The kind of this name, if the server accepts it. */
	Optional<FieldRecordKind> kind(String name) {
		return Optional.ofNullable(name == null ? null : kinds.get(name));
	}

	/** The kinds this server accepts, by name. */
	public List<String> kinds() {
		return kinds.keySet().stream().sorted().toList();
	}

	/** A record stored: when the device made it, when it arrived, and what its kind answered. */
	public record Received(UUID id, String kind, Instant recordedAt, Instant receivedAt, String location,
			Map<String, String> facts, @JsonIgnore String notice) {
	}

	@Transactional
	public Received receive(CurrentUser user, JsonNode body) {
		if (body == null || !body.isObject()) {
			throw new InvalidInputException(FieldProblem.of("id", "REQUIRED"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		UUID id = uuid(body.get("id"), problems);
		FieldRecordKind kind = null;
		JsonNode kindNode = body.get("kind");
		if (kindNode == null || !kindNode.isString() || kindNode.asString().isBlank()) {
			problems.add(FieldProblem.of("kind", "REQUIRED"));
		}
		else {
			kind = kinds.get(kindNode.asString());
			if (kind == null) {
				problems.add(FieldProblem.of("kind", "FIELD_KIND_UNKNOWN"));
			}
		}
		// the user the phone made the record for: another user's session (a logout and a login in another tab
		// while this one was sending) never takes it over
		JsonNode owner = body.get("userId");
		if (owner != null && !owner.isNull() && !user.id().toString().equals(owner.asString())) {
			throw new ConflictException(FieldProblem.of("userId", "RECORD_OF_ANOTHER_USER"));
		}
		Instant receivedAt = clock.instant();
		Instant recordedAt = recordedAt(body.get("recordedAt"), receivedAt, problems);
		Map<String, List<String>> fields = fields(body.get("fields"), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		FieldRecord.Accepted accepted = kind.accept(user, new FieldRecord(id, kind.name(), recordedAt, receivedAt, fields));
		return new Received(accepted.id(), kind.name(), recordedAt, receivedAt, accepted.location(), accepted.facts(),
				accepted.notice());
	}

	private static UUID uuid(JsonNode node, List<FieldProblem> problems) {
		if (node == null || node.isNull()) {
			problems.add(FieldProblem.of("id", "REQUIRED"));
			return null;
		}
		try {
			return UUID.fromString(node.asString());
		}
		catch (IllegalArgumentException ex) {
			problems.add(FieldProblem.of("id", "INVALID_VALUE"));
			return null;
		}
	}

	private static Instant recordedAt(JsonNode node, Instant receivedAt, List<FieldProblem> problems) {
		if (node == null || node.isNull() || !node.isString()) {
			problems.add(FieldProblem.of("recordedAt", "REQUIRED"));
			return null;
		}
		try {
			Instant recordedAt = Instant.parse(node.asString());
			boolean impossible = recordedAt.isAfter(receivedAt) || recordedAt.isBefore(receivedAt.minus(OLDEST));
			return impossible ? receivedAt : recordedAt;
		}
		catch (DateTimeParseException ex) {
			problems.add(FieldProblem.of("recordedAt", "INVALID_VALUE"));
			return null;
		}
	}

	/** The form's fields: each a text or a list of texts, by a field name a form could have. */
	private static Map<String, List<String>> fields(JsonNode node, List<FieldProblem> problems) {
		Map<String, List<String>> fields = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return fields;
		}
		if (!node.isObject()) {
			problems.add(FieldProblem.of("fields", "INVALID_VALUE"));
			return fields;
		}
		if (node.size() > MAX_FIELDS) {
			problems.add(FieldProblem.of("fields", "TOO_MANY_FIELDS"));
			return fields;
		}
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (!FIELD_NAME.matcher(name).matches()) {
				problems.add(FieldProblem.of("fields", "INVALID_VALUE"));
				continue;
			}
			List<String> values = new ArrayList<>();
			if (value.isArray() && value.size() <= MAX_VALUES) {
				for (JsonNode item : value) {
					if (!item.isString()) {
						values = null;
						break;
					}
					values.add(item.asString());
				}
			}
			else if (value.isString()) {
				values.add(value.asString());
			}
			else if (!value.isNull()) {
				values = null;
			}
			if (values == null) {
				problems.add(FieldProblem.of("fields." + name, "INVALID_VALUE"));
			}
			else {
				fields.put(name, values);
			}
		}
		return fields;
	}
}
