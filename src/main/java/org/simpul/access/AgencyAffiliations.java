package org.simpul.access;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which agency a programme manager works for: the user pages ask it when they create or change such a user,
 * and the directory, which owns agencies, answers (it implements this; access cannot depend on it).
 */
public interface AgencyAffiliations {

	/** An agency a user may be linked to. */
	record Choice(UUID id, String name) {
	}

	/** The agencies {@code actor} may link programme managers to (an administrator: all; a manager: the district's). */
	List<Choice> choices(CurrentUser actor);

	/** The agency the user works for, if any. */
	Optional<UUID> agencyOf(UUID userId);

	/** Links the programme manager {@code userId} to the agency, moving them from another one. */
	void link(CurrentUser actor, UUID userId, UUID agencyId);
}
