package org.simpul.shared.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * Active when the demo world is seeded: on the embedded database unless {@code simpul.demo.enabled=false}.
 * An external database never gets demo users.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty() and ${simpul.demo.enabled:true}")
public @interface OnDemoWorld {
}
