package org.simpul.fieldsync;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.shared.Decimals;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DataBinder;

/**
 * A record made on a device: the id the device gave it, its kind, when the device says it was made, when it
 * arrived, and the fields of the form it was typed into, by the form's own names (a field a form repeats, such
 * as checked boxes, has several values).
 */
public record FieldRecord(UUID id, String kind, Instant recordedAt, Instant receivedAt,
		Map<String, List<String>> fields) {

	private static final DefaultFormattingConversionService CONVERSIONS = new DefaultFormattingConversionService();

	public FieldRecord {
		fields = Map.copyOf(fields);
	}

	/** The one value of a field, or null when the form sent none. */
	public String value(String field) {
		List<String> values = fields.get(field);
		return values == null || values.isEmpty() ? null : values.getFirst();
	}

	/** A required id field of the record's form; missing or not a UUID is a problem named by the field. */
	public UUID requiredId(String field) {
		String value = value(field);
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(FieldProblem.of(field, "REQUIRED"));
		}
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(FieldProblem.of(field, "INVALID_VALUE"));
		}
	}

	/** An optional number field, read with {@link Decimals}' bounds; not one is a problem named by the field. */
	public BigDecimal decimal(String field) {
		String value = value(field);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Decimals.parse(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(FieldProblem.of(field, "INVALID_VALUE"));
		}
	}

	/**
	 * Binds the record's fields into a page's form object as Spring MVC binds a posted form: only the
	 * {@code allowed} fields, values converted by the form's own formats; a value of the wrong type becomes a
	 * field error of the answer, never an exception.
	 */
	public BindingResult bind(Object form, String... allowed) {
		DataBinder binder = new DataBinder(form, "form");
		binder.setAllowedFields(allowed);
		binder.setConversionService(CONVERSIONS);
		MutablePropertyValues values = new MutablePropertyValues();
		fields.forEach((name, list) -> values.add(name, list.size() == 1 ? list.getFirst() : list.toArray(String[]::new)));
		binder.bind(values);
		return binder.getBindingResult();
	}

	/**
	 * What the server answers for an accepted record: the record's id, the page that shows it, the facts the
	 * device shows the user (a complaint's ticket number and tracking code), and the message key that page
	 * shows once when the user goes there (as after the page form's own save).
	 */
	public record Accepted(UUID id, String location, Map<String, String> facts, String notice) {

		public Accepted(UUID id, String location, Map<String, String> facts) {
			this(id, location, facts, null);
		}
	}
}
