package org.simpul.access;

import org.simpul.region.RegionCode;
import org.simpul.shared.database.DatabaseScope;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The database scope of the signed-in user (ADR 0008): their territory's region code, or everywhere for a
 * national user. A programme manager's reach is their agency's referrals, wherever they come from, which the
 * referral module checks row by row; their scope is therefore everywhere too. A web request without a
 * signed-in user serves no territory at all (the public tracking and verification look-ups widen their own
 * scope, {@code WorkScope.everywhere}); work on a thread without a request (jobs, start-up, listeners after a
 * commit) is the system's own.
 */
@Component
class TerritoryScope implements DatabaseScope {

	@Override
	public String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
			return RequestContextHolder.getRequestAttributes() != null ? NOWHERE : EVERYWHERE;
		}
		if (user.may(Action.REFERRAL_RECEIVE)) {
			// an agency's staff read the referrals sent to it, wherever the village
			return EVERYWHERE;
		}
		return user.territory().regionCode().map(RegionCode::value).orElse(EVERYWHERE);
	}
}
