package org.simpul.shared.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/** Active when Simpul runs on its embedded PostgreSQL, i.e. when no {@code spring.datasource.url} is set. */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public @interface OnEmbeddedDatabase {
}
