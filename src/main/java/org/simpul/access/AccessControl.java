package org.simpul.access;

import java.util.Optional;

import org.simpul.region.RegionCode;
import org.simpul.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place that answers territorial questions. A record outside the caller's territory does not
 * exist for them: {@link #requireWithin(RegionCode, String)} answers 404, never 403.
 */
@Service
public class AccessControl {

	/** The signed-in user of this request, by session or API token. */
	public Optional<CurrentUser> currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

	public CurrentUser requireUser() {
		return currentUser().orElseThrow(() -> new IllegalStateException("No signed-in user"));
	}

	/** May the signed-in user see or act on a record located in {@code region}? */
	public boolean mayAccess(RegionCode region) {
		return currentUser().map(user -> user.covers(region)).orElse(false);
	}

	/** Throws 404 (named after {@code what}) unless {@code region} lies in the signed-in user's territory. */
	public void requireWithin(RegionCode region, String what) {
		if (!mayAccess(region)) {
			throw new NotFoundException(what);
		}
	}

	/** The signed-in user's territory, which bounds its queries ({@link Territory#sql}). */
	public Territory territory() {
		return requireUser().territory();
	}
}
