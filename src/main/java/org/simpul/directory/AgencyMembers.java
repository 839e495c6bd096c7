package org.simpul.directory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.simpul.access.Action;
import org.simpul.access.AgencyAffiliations;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.UserLookup;
import org.simpul.region.RegionCode;
import org.simpul.shared.FieldProblem;
import org.simpul.shared.InvalidInputException;
import org.simpul.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which programme managers work for an agency (each for one agency): administrators for any agency, a
 * district manager for the agencies seated in the district and the programme managers of the district.
 * National and provincial agencies are the administrators'. Outside that reach an agency or a user does not
 * exist (404).
 */
@Service
public class AgencyMembers implements AgencyAffiliations {

	public record Member(UUID userId, String username, String displayName) {
	}

	private final JdbcClient jdbc;

	private final UserLookup users;

	AgencyMembers(JdbcClient jdbc, UserLookup users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	public List<Member> members(CurrentUser actor, UUID agencyId) {
		requireAgency(actor, agencyId);
		return jdbc.sql("select user_id from agency_member where agency_id = :agency").param("agency", agencyId)
			.query(UUID.class)
			.list()
			.stream()
			.flatMap(id -> users.byId(id).stream())
			.map(u -> new Member(u.id(), u.username(), u.displayName()))
			.sorted(Comparator.comparing(Member::username))
			.toList();
	}

	/** Makes the user a member of the agency (moving them from another one); again: nothing changes. */
	@Transactional
	public void add(CurrentUser actor, UUID agencyId, UUID userId) {
		requireAgency(actor, agencyId);
		UserLookup.Found user = users.byId(userId)
			.filter(u -> actor.role() == Role.ADMIN || actor.territory().covers(u.territory()))
			.orElseThrow(() -> new NotFoundException("User"));
		if (user.role() != Role.PROGRAM_MANAGER) {
			throw new InvalidInputException(FieldProblem.of("userId", "NOT_A_PROGRAMME_MANAGER"));
		}
		jdbc.sql("""
				insert into agency_member (user_id, agency_id) values (:user, :agency)
				on conflict (user_id) do update set agency_id = excluded.agency_id""")
			.param("user", userId)
			.param("agency", agencyId)
			.update();
	}

	@Override
	public List<Choice> choices(CurrentUser actor) {
		if (!actor.may(Action.DIRECTORY_MANAGE)) {
			return List.of();
		}
		return jdbc.sql("select id, name, coalesce(region_code, '') as seat from agency order by name")
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("seat") })
			.list()
			.stream()
			.filter(row -> actor.role() == Role.ADMIN || (((String) row[2]).length() >= 5
					&& actor.covers(RegionCode.of((String) row[2]))))
			.map(row -> new Choice((UUID) row[0], (String) row[1]))
			.toList();
	}

	@Override
	public Optional<UUID> agencyOf(UUID userId) {
		return jdbc.sql("select agency_id from agency_member where user_id = :user").param("user", userId)
			.query(UUID.class)
			.optional();
	}

	@Override
	public void link(CurrentUser actor, UUID userId, UUID agencyId) {
		add(actor, agencyId, userId);
	}

	/** Ends the user's membership of the agency; again, or for a non-member: nothing changes. */
	@Transactional
	public void remove(CurrentUser actor, UUID agencyId, UUID userId) {
		requireAgency(actor, agencyId);
		jdbc.sql("delete from agency_member where user_id = :user and agency_id = :agency")
			.param("user", userId)
			.param("agency", agencyId)
			.update();
	}

	private void requireAgency(CurrentUser actor, UUID agencyId) {
		if (!actor.may(Action.DIRECTORY_MANAGE)) {
			throw new AccessDeniedException("Agency members are managed by administrators and managers");
		}
		String seat = jdbc.sql("select coalesce(region_code, '') from agency where id = :id").param("id", agencyId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Agency"));
		boolean reach = actor.role() == Role.ADMIN
				|| (!seat.isEmpty() && seat.length() >= 5 && actor.covers(RegionCode.of(seat)));
		if (!reach) {
			throw new NotFoundException("Agency");
		}
	}
}
