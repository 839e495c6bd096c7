package org.simpul.shared.database;

import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's data source (the bean {@code dataSource}, embedded or configured) in a
 * {@link ScopedDataSource}; Flyway's own data source, the tables' owner, is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class ScopedDataSources {

	@Bean
	static BeanPostProcessor scopedDataSourceWrapper(ObjectProvider<DatabaseScope> scopes,
			ObjectProvider<DatabaseCircuit> circuits) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (name.equals("dataSource") && bean instanceof DataSource dataSource
						&& !(bean instanceof ScopedDataSource)) {
					return new ScopedDataSource(dataSource, () -> {
						if (WorkScope.current() != null) {
							return WorkScope.current();
						}
						DatabaseScope scope = scopes.getIfAvailable();
						return scope == null ? DatabaseScope.EVERYWHERE : scope.current();
					}, circuits::getIfAvailable);
				}
				return bean;
			}
		};
	}

	/**
	 * The circuit of the application's database: probed on a connection of its own (the pool's URL and
	 * credentials); when the database answers again, the pool drops the connections of the server that went.
	 */
	@Bean
	DatabaseCircuit databaseCircuit(@Qualifier("dataSource") DataSource dataSource,
			@Value("${simpul.database.probe-every:PT2S}") Duration every) throws SQLException {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		return new DatabaseCircuit(DatabaseCircuit.connecting(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword()),
				() -> {
					if (pool.getHikariPoolMXBean() != null) {
						pool.getHikariPoolMXBean().softEvictConnections();
					}
				}, every);
	}

	/**
	 * Health's {@code db}: DOWN while the circuit is open, at once, never a wait for the pool (replaces Spring
	 * Boot's indicator of the same name, which borrows a connection from it).
	 */
	@Bean
	HealthIndicator dbHealthIndicator(DatabaseCircuit circuit) {
		// the circuit's state as its own probe (every 2 s, every second while away) last found it: a public
		// health call never costs the server a login
		return () -> circuit.available() && !circuit.lastProbeFailed() ? Health.up().build() : Health.down().build();
	}
}
