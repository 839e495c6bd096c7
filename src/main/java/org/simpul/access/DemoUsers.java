package org.simpul.access;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.simpul.shared.database.DemoSeeds;
import org.simpul.shared.database.OnDemoWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** The demo users (one per role, password {@code SIMPUL_DEMO_PASSWORD}), seeded once on the embedded database (never on an external one). */
@Component
@OnDemoWorld
class DemoUsers {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	record DemoUser(String username, String displayName, Role role, String regionCode) {
	}

	static final List<DemoUser> USERS = List.of(
			new DemoUser("admin", "Administrator Simpul", Role.ADMIN, null),
			new DemoUser("manajer.tegal", "Manajer SLRT Kabupaten Tegal", Role.MANAGER, "33.28"),
			new DemoUser("manajer.temanggung", "Manajer SLRT Kabupaten Temanggung", Role.MANAGER, "33.23"),
			new DemoUser("tksk.slawi", "TKSK Kecamatan Slawi", Role.SUPERVISOR, "33.28.10"),
			new DemoUser("fo.procot", "Front Office Puskesos Procot", Role.FRONT_OFFICE, "33.28.10.1008"),
			new DemoUser("bo.procot", "Back Office Puskesos Procot", Role.BACK_OFFICE, "33.28.10.1008"),
			new DemoUser("psm.procot", "PSM Desa Procot", Role.FACILITATOR, "33.28.10.1008"),
			new DemoUser("psm.pedeslohor", "PSM Desa Pedeslohor", Role.FACILITATOR, "33.28.11.2001"),
			new DemoUser("operator.procot", "Operator Data Desa Procot", Role.DATA_OPERATOR, "33.28.10.1008"),
			new DemoUser("koordinator.procot", "Koordinator Puskesos Procot", Role.COORDINATOR, "33.28.10.1008"),
			new DemoUser("operator.tegal", "Operator Data Dinas Sosial Kabupaten Tegal", Role.DATA_OPERATOR, "33.28"),
			new DemoUser("program.dinkes", "Dinas Kesehatan Kabupaten Tegal", Role.PROGRAM_MANAGER, "33.28"),
			new DemoUser("dpo.tegal", "Pejabat Pelindungan Data Kabupaten Tegal", Role.DPO, "33.28"));

	private final DemoSeeds seeds;

	private final UserAccounts accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final String password;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DemoUsers(DemoSeeds seeds, UserAccounts accounts, PasswordEncoder passwords, Clock clock,
			@Value("${simpul.demo.password:Simpul-Demo-2026}") String password,
			org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.seeds = seeds;
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
		this.password = password;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(10)
	void seed() {
		boolean seeded = seeds.once("access.users", () -> {
			String hash = passwords.encode(password);
			USERS.forEach(user -> accounts.save(UserAccount.create(UUID.randomUUID(), user.username(), user.displayName(), hash,
					user.role(), Territory.of(user.regionCode()), clock.instant())));
		});
		if (seeded) {
			log.info("Seeded {} demo users (password from SIMPUL_DEMO_PASSWORD)", USERS.size());
		}
		// the demo stays one step: its users need no second factor until they enrol themselves (/akun/2fa)
		seeds.once("access.users.second-factor-exempt", () -> USERS.forEach(user -> exempt(user.username())));
		// a demo world from an earlier version gets each demo user added since, once (bo.procot and dpo.tegal
		// came later than the others); a user an administrator later deactivates is not brought back
		USERS.forEach(user -> seeds.once("access.users.added." + user.username(), () -> {
			if (accounts.findByUsername(user.username()).isEmpty()) {
				accounts.save(UserAccount.create(UUID.randomUUID(), user.username(), user.displayName(), passwords.encode(password),
						user.role(), Territory.of(user.regionCode()), clock.instant()));
				log.info("Added demo user {}", user.username());
				exempt(user.username());
			}
		}));
	}

	private void exempt(String username) {
		jdbc.sql("update app_user set second_factor_exempt = true where username = :u").param("u", username).update();
	}
}
