package org.simpul.complaint;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.simpul.shared.RegionTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the person a health complaint is about was removed from PBI-JK, read from the PBI module's published
 * {@code pbi_person_state} with the reader's own rights: the decree, the day the window closes (and whether it is
 * still open, or opened again by a manager), and the person's latest reactivation request. The complaint's page
 * offers "Ajukan reaktivasi" from it; a referral's page (to Dinkes or BPJS) shows where the reactivation stands.
 */
@Component
public class ComplaintPbiStates {

	/**
	 * A person's state: on a list ({@code deactivationId}, the decree and window), or asked for without being on
	 * one, or neither (all null: someone not on a list whom nobody asked for yet, who may be asked for when they
	 * need care and have no cover). {@code reactivationStatus} null while nobody asked.
	 */
	public record PbiState(UUID deactivationId, String decree, LocalDate windowClosesOn, boolean windowOpen,
			UUID reactivationId, String reactivationStatus) {

		/** On a deactivation list. */
		public boolean listed() {
			return deactivationId != null;
		}

		/** On a list or asked for: something to show beside a referral. */
		public boolean known() {
			return deactivationId != null || reactivationId != null;
		}

		/** Nothing under way: a new request may be recorded (the window open, or none). */
		public boolean mayAsk() {
			return windowOpen && (reactivationStatus == null || reactivationStatus.equals("ACTIVE")
					|| reactivationStatus.equals("MOVED_SEGMENT") || reactivationStatus.equals("REJECTED")
					|| reactivationStatus.equals("WITHDRAWN"));
		}
	}

	private final JdbcClient jdbc;

	private final RegionTime time;

	ComplaintPbiStates(JdbcClient jdbc, RegionTime time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * The latest listing of the person (or their request without one; or, for a registered person of the reader's
	 * territory under no restriction, the state "neither"); none for a person outside the reader's territory or
	 * under a restriction of processing.
	 */
	public Optional<PbiState> of(UUID personId, String villageCode) {
		if (personId == null) {
			return Optional.empty();
		}
		LocalDate today = time.today(villageCode);
		Optional<PbiState> known = jdbc.sql("""
				select deactivation_id, decree, window_closes_on, excepted, reactivation_id, reactivation_status
				from pbi_person_state s where s.person_id = :person
				  and not exists (select 1 from person_placement p where p.id = s.person_id and p.restricted_since is not null)
				order by s.window_closes_on desc nulls last limit 1""")
			.param("person", personId)
			.query((rs, n) -> {
				LocalDate closes = rs.getObject("window_closes_on", LocalDate.class);
				return new PbiState(rs.getObject("deactivation_id", UUID.class), rs.getString("decree"), closes,
						closes == null || rs.getBoolean("excepted") || !today.isAfter(closes),
						rs.getObject("reactivation_id", UUID.class), rs.getString("reactivation_status"));
			})
			.optional();
		if (known.isPresent()) {
			return known;
		}
		return jdbc.sql("""
				select count(*) from person_in_scope p where p.id = :person and p.restricted_since is null
				  and p.left_on is null""")
			.param("person", personId)
			.query(Long.class).single() == 0 ? Optional.empty()
					: Optional.of(new PbiState(null, null, null, true, null, null));
	}
}
