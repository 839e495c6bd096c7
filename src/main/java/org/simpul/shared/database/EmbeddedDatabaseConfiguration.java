package org.simpul.shared.database;

import java.nio.file.Path;


import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	// The pool is closed before the server stops, because it depends on it.
	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(database.jdbcUrl());
		dataSource.setUsername("postgres");
		dataSource.setPoolName("simpul-embedded");
		return dataSource;
	}

}
