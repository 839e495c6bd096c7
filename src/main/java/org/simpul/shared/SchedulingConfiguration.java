package org.simpul.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background work (import jobs; later escalations) runs on Spring's scheduler; module event listeners
 * ({@code @ApplicationModuleListener}, e.g. citizen notifications) run asynchronously after the commit.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {
}
