package org.simpul.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.registry.Views.HouseholdView;
import org.simpul.shared.ConflictException;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.web.PreconditionFailedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The household edit page's save: the household's own fields and the members added on the page, in one
 * transaction, so that a refused member leaves the household unchanged too. Guarded by the version the
 * page was shown with: a household changed by someone else meanwhile answers 412.
 */
@Service
class HouseholdEditing {

	private final HouseholdChanges changes;

	private final HouseholdRegistration registration;

	HouseholdEditing(HouseholdChanges changes, HouseholdRegistration registration) {
		this.changes = changes;
		this.registration = registration;
	}

	@Transactional
	HouseholdView save(CurrentUser actor, UUID id, int version, NewHousehold edited) {
		HouseholdView household = changes.change(actor, id, PreconditionFailedException.etag(version),
				new HouseholdChanges.HouseholdChange(edited.villageCode(), edited.rt(), edited.rw(), edited.address(),
						edited.welfareDecile(), edited.conditions()));
		List<NewHousehold.Member> members = edited.members();
		for (int i = 0; i < members.size(); i++) {
			String prefix = "members[" + i + "].";
			try {
				household = registration.addMember(actor, id, members.get(i));
			}
			catch (InvalidInputException ex) {
				throw new InvalidInputException(prefixed(prefix, ex.problems()));
			}
			catch (ConflictException ex) {
				throw new ConflictException(prefixed(prefix, List.of(ex.problem())).getFirst());
			}
		}
		return household;
	}

	private static List<FieldProblem> prefixed(String prefix, List<FieldProblem> problems) {
		List<FieldProblem> renamed = new ArrayList<>();
		problems.forEach(p -> renamed.add(new FieldProblem(prefix + p.field(), p.code(), p.message())));
		return renamed;
	}
}
