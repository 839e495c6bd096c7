package org.simpul.complaint;

import java.util.Map;

import org.simpul.access.CurrentUser;
import org.simpul.complaint.ComplaintIntake.Registered;
import org.simpul.fieldsync.FieldRecord;
import org.simpul.fieldsync.FieldRecordKind;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.web.BoundForms;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * A complaint recorded in the field app's intake form, offline or not: the same form, checked as the desk's
 * page checks it, recorded under the id the phone gave it, with the phone's time beside the server's. The
 * answer carries the ticket and the tracking code, which the phone shows once to be given to the citizen.
 */
@Component
class ComplaintFieldRecords implements FieldRecordKind {

	private final ComplaintIntake intake;

	ComplaintFieldRecords(ComplaintIntake intake) {
		this.intake = intake;
	}

	@Override
	public String name() {
		return "complaint";
	}

	@Override
	public FieldRecord.Accepted accept(CurrentUser user, FieldRecord record) {
		IntakeForm form = new IntakeForm();
		BindingResult binding = record.bind(form, IntakeForm.FIELDS);
		if (binding.hasErrors()) {
			throw new InvalidInputException(BoundForms.problems(binding, IntakeForm.NAMES));
		}
		Registered registered = intake.register(user, form.toNewComplaint(record.id()), record.recordedAt());
		return new FieldRecord.Accepted(registered.id(), "/pengaduan/" + registered.id(),
				Map.of("ticketNumber", registered.ticketNumber(), "trackingCode", registered.trackingCode()));
	}
}
