package org.simpul.referral;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.simpul.access.CurrentUser;
import org.simpul.access.UserLookup;
import org.simpul.shared.RegionTime;
import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Referrals of the demo world, sent by the Tegal manager through the real service: eight Procot complaints
 * to the agency of their domain; at Dinkes the first accepted and the others past their due date, so that the programme
 * manager's inbox, the escalation and the district overview have something to show.
 */
@Component
@OnDemoWorld
class DemoReferrals {

	private static final Logger log = LoggerFactory.getLogger(DemoReferrals.class);

	private static final Map<String, String> PROVIDER_BY_CATEGORY = Map.of("HEALTH", "DINKES-3328-JAMKESDA", "EDUCATION",
			"DISDIKBUD-3328-BANTUAN", "CIVIL_REGISTRATION", "DISDUKCAPIL-3328-DOKUMEN", "SOCIAL", "DINSOS-3328-LINJAMSOS",
			"ECONOMY", "BAZNAS-3328-ZIS", "OTHER", "DINSOS-3328-REHSOS");

	private final DemoSeeds seeds;

	private final JdbcClient jdbc;

	private final Referrals referrals;

	private final UserLookup users;

	private final ReferralEscalation escalation;

	private final RegionTime time;

	DemoReferrals(DemoSeeds seeds, JdbcClient jdbc, Referrals referrals, UserLookup users,
			ReferralEscalation escalation, RegionTime time) {
		this.escalation = escalation;
		this.time = time;
		this.seeds = seeds;
		this.jdbc = jdbc;
		this.referrals = referrals;
		this.users = users;
	}

	private CurrentUser user(String username) {
		UserLookup.Found found = users.byUsername(username).orElseThrow();
		return new CurrentUser(found.id(), found.username(), found.displayName(), found.role(), found.territory());
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(40)
	void seed() {
		seeds.once("referral.demo", () -> {
			if (users.byUsername("manajer.tegal").isEmpty() || users.byUsername("program.dinkes").isEmpty()) {
				return;
			}
			CurrentUser manager = user("manajer.tegal");
			CurrentUser dinkes = user("program.dinkes");
			record Received(UUID id, String category) {
			}
			List<Received> complaints = jdbc.sql("""
					select id, category from complaint_reference where village_code = '33.28.10.1008' and status = 'RECEIVED'
					order by created_at, id limit 8""")
				.query(Received.class)
				.list();
			int health = 0;
			for (Received complaint : complaints) {
				UUID provider = jdbc.sql("select id from provider_reference where code = :code")
					.param("code", PROVIDER_BY_CATEGORY.get(complaint.category()))
					.query(UUID.class)
					.single();
				ReferralQueries.ReferralView sent = referrals.send(manager, new Referrals.NewReferral(null, complaint.id(), provider,
						"Mohon ditindaklanjuti sesuai hasil pemeriksaan registri dan kunjungan rumah.", null));
				if (complaint.category().equals("HEALTH") && health++ == 0) {
					referrals.accept(dinkes, sent.id());
				}
				else if (complaint.category().equals("HEALTH")) {
					// sent a while ago and still unanswered: past its due date
					jdbc.sql("update referral set due_date = :due where id = :id")
						.param("due", Date.valueOf(time.today("33.28.10.1008").minusDays(3)))
						.param("id", sent.id())
						.update();
				}
			}
			log.info("Seeded {} demo referrals in Procot", complaints.size());
			// the overdue ones are told to Slawi's supervisor at once, not after the first scheduled scan
			escalation.scan();
		});
	}
}
