package org.simpul.shared.database;

import java.nio.file.Path;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * With no {@code spring.datasource.url}, Simpul runs on its own PostgreSQL, stored in
 * {@code simpul.data-dir} (env {@code SIMPUL_DATA_DIR}, default {@code ./data}). See ADR 0002.
 */
@Configuration(proxyBeanMethods = false)
@OnEmbeddedDatabase
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${simpul.data-dir:./data}") Path dataDirectory) {
		return EmbeddedDatabase.acquire(dataDirectory);
	}

	// The pools are closed before the server stops, because they depend on it.
	/**
	 * The application's pool: the role {@code simpul_app}, which owns no table, so that row-level security
	 * holds for it (ADR 0008); the migration {@code V202611261100} creates it.
	 */
	@Bean
	@Primary
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database,
			@Value("${simpul.database.app-role:simpul_app}") String appRole) {
		HikariDataSource dataSource = new HikariDataSource();
		String password = database.allowLogin(appRole);
		dataSource.setJdbcUrl(database.jdbcUrl(appRole));
		dataSource.setUsername(appRole);
		dataSource.setPassword(password);
		dataSource.setPoolName("simpul-embedded");
		return dataSource;
	}

	/** The tables' owner, for Flyway's migrations only: a small pool that holds no connection when idle. */
	@Bean
	@FlywayDataSource
	HikariDataSource ownerDataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl("postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPassword(database.password());
		dataSource.setPoolName("simpul-embedded-owner");
		dataSource.setMaximumPoolSize(2);
		dataSource.setMinimumIdle(0);
		return dataSource;
	}

	/** Restarts the server when its process dies; see {@link EmbeddedDatabaseWatch}. */
	@Bean
	EmbeddedDatabaseWatch embeddedDatabaseWatch(EmbeddedDatabase database, DatabaseCircuit circuit,
			@Value("${simpul.database.watch-every:PT0.5S}") Duration every) {
		return new EmbeddedDatabaseWatch(database, circuit, every);
	}
}
