package org.simpul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.simpul.access.CurrentUser;
import org.simpul.access.Role;
import org.simpul.access.Territory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Defence in depth (ADR 0008): the application connects as a role that owns no table, and PostgreSQL's
 * row-level security keeps every territorial table to the signed-in user's territory even for a query that
 * deliberately leaves its own condition out.
 */
@SimpulIntegrationTest
class RowSecurityIntegrationTests {

	/** The territorial tables and their region column. */
	static final List<String> TABLES = List.of("household", "person", "complaint", "referral", "data_subject_request");

	static final String PROCOT = "33.28.10.1008";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	@Qualifier("ownerDataSource")
	DataSource ownerDataSource;

	@Test
	void theApplicationsRoleOwnsNothingAndBypassesNothing() {
		assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("simpul_app");
		assertThat(jdbc.sql("select rolsuper or rolbypassrls from pg_roles where rolname = current_user")
			.query(Boolean.class).single()).isFalse();
		assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user")
			.query(Long.class).single()).isZero();
		for (String table : TABLES) {
			assertThat(jdbc.sql("select relrowsecurity from pg_class where relname = :t").param("t", table)
				.query(Boolean.class).single()).as(table).isTrue();
		}
		assertThatThrownBy(() -> jdbc.sql("alter table person disable row level security").update())
			.rootCause().hasMessageContaining("must be owner");
	}

	@Test
	void anUnfilteredQueryOfAVillageUserReturnsNothingForeign() {
		// the system's own work (no user) sees the whole demo world: Procot and beyond
		// (the demo world has referrals and requests in Procot only; other tests add foreign ones)
		for (String table : List.of("household", "person", "complaint")) {
			assertThat(foreign(table)).as(table + " outside Procot, as the system").isPositive();
		}
		long procotPersons = jdbc.sql("select count(*) from person where village_code = :v").param("v", PROCOT)
			.query(Long.class).single();

		as(new CurrentUser(UUID.randomUUID(), "psm.procot", "PSM", Role.FACILITATOR, Territory.of(PROCOT)), () -> {
			for (String table : TABLES) {
				// deliberately no territory condition: the policy alone answers
				assertThat(foreign(table)).as(table + " outside Procot, as a Procot facilitator").isZero();
			}
			assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(procotPersons);
			// nor can such a query change or add a row outside
			assertThat(jdbc.sql("update household set rt = rt where village_code <> :v").param("v", PROCOT).update())
				.isZero();
			assertThat(jdbc.sql("delete from complaint where village_code <> :v").param("v", PROCOT).update()).isZero();
			assertThatThrownBy(() -> jdbc.sql("""
					insert into household (id, version, kk_index, kk_cipher, village_code, created_at, updated_at)
					values (:id, 0, 'rls-probe', 'rls-probe', '33.28.03.2001', now(), now())""")
				.param("id", UUID.randomUUID()).update()).rootCause().hasMessageContaining("row-level security");
			return null;
		});

		// a regency manager sees the regency's other villages, and nothing of other regencies
		as(new CurrentUser(UUID.randomUUID(), "manajer.tegal", "Manajer", Role.MANAGER, Territory.of("33.28")), () -> {
			assertThat(jdbc.sql("select count(*) from person where village_code <> :v").param("v", PROCOT)
				.query(Long.class).single()).isPositive();
			for (String table : TABLES) {
				assertThat(jdbc.sql("select count(*) from " + table + " where village_code not like '33.28.%'")
					.query(Long.class).single()).as(table + " outside Tegal, as its manager").isZero();
			}
			return null;
		});
	}

	@Test
	void aRequestByNobodySeesNoTerritorialRow() {
		// a web request without a signed-in user serves no territory (the public look-ups widen their own)
		org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
				new org.springframework.web.context.request.ServletRequestAttributes(
						new org.springframework.mock.web.MockHttpServletRequest()));
		try {
			for (String table : TABLES) {
				assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
			}
		}
		finally {
			org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
		}
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isPositive();
	}

	@Test
	void aConnectionNeverToldItsTerritorySeesNothing() throws Exception {
		// straight from the pool, past the wrapper that tells it: a fresh session has no territory
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
			statement.execute("reset simpul.territory");
			for (String table : TABLES) {
				try (var rows = statement.executeQuery("select count(*) from " + table)) {
					rows.next();
					assertThat(rows.getLong(1)).as(table).isZero();
				}
			}
			// the session no longer holds what the wrapper told it: out of the pool with it
			pool.evictConnection(connection);
		}
		// the owner (migrations only) is not bound: the policies are for the application's role
		assertThat(JdbcClient.create(ownerDataSource).sql("select count(*) from person").query(Long.class).single())
			.isPositive();
	}

	private long foreign(String table) {
		return jdbc.sql("select count(*) from " + table + " where village_code <> :v").param("v", PROCOT)
			.query(Long.class)
			.single();
	}

	private static <T> T as(CurrentUser user, Supplier<T> work) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
