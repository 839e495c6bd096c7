package org.simpul.access;

import org.simpul.shared.database.DatabaseScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The database scope of the signed-in user (ADR 0008): their territory's region code, or everywhere for a
 * national user. A programme manager's reach is their agency's referrals, wherever they come from, which the
 * referral module checks row by row; their scope is therefore everywhere too. Work on a thread without a
 * signed-in user is the system's own (jobs, start-up, the public tracking and verification pages).
 */
@Component
class TerritoryScope implements DatabaseScope {

	@Override
	public String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)
				|| user.role() == Role.PROGRAM_MANAGER) {
			return EVERYWHERE;
		}
		return user.territory().regionCode().map(org.simpul.region.RegionCode::value).orElse(EVERYWHERE);
	}
}
