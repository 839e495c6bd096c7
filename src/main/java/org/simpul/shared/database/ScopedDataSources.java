package org.simpul.shared.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wraps the application's data source (the bean {@code dataSource}, embedded or configured) in a
 * {@link ScopedDataSource}; Flyway's own data source, the tables' owner, is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class ScopedDataSources {

	@Bean
	static BeanPostProcessor scopedDataSourceWrapper(ObjectProvider<DatabaseScope> scopes) {
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
					});
				}
				return bean;
			}
		};
	}
}
