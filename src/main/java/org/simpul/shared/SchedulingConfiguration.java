package org.simpul.shared;

import org.simpul.shared.database.DatabaseFailures;
import org.simpul.shared.web.SafeTraces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ErrorHandler;

/**
 * Background work (import jobs; later escalations) runs on Spring's scheduler; module event listeners
 * ({@code @ApplicationModuleListener}, e.g. citizen notifications) run asynchronously after the commit. A
 * scheduled task that fails because the database is away is logged in one line (it runs again at its next
 * time); any other failure with the types and frames of its chain, never the messages (they may quote data).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
class SchedulingConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulingConfiguration.class);

	static final ErrorHandler ERRORS = failure -> {
		if (DatabaseFailures.unavailable(failure)) {
			log.warn("A scheduled task found the database unavailable ({}); it runs again at its next time",
					failure.getClass().getSimpleName());
		}
		else {
			log.error("A scheduled task failed: {}\n{}", failure.getClass().getName(), SafeTraces.of(failure));
		}
	};

	/**
	 * The executor of asynchronous listeners: at most {@code simpul.listeners.threads} at a time (each holds a
	 * connection, the log sender a second one for its own transaction, and the pool must leave room for
	 * requests), the rest queued. Submitting never blocks: the committing thread submits from its after-commit
	 * callback while it still holds its connection, and a bounded executor that made it wait (Spring Boot's
	 * simple executor with a concurrency limit) locked the pool under load until connections timed out.
	 * A queued listener lost with the process is resubmitted from the event publication registry.
	 */
	@Bean(name = { "applicationTaskExecutor", "taskExecutor" })
	org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor applicationTaskExecutor(
			@org.springframework.beans.factory.annotation.Value("${simpul.listeners.threads:4}") int threads) {
		var executor = new org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor();
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setThreadNamePrefix("listener-");
		executor.setWaitForTasksToCompleteOnShutdown(false);
		return executor;
	}

	@Bean
	SimpleAsyncTaskSchedulerCustomizer schedulerErrors() {
		return scheduler -> scheduler.setErrorHandler(ERRORS);
	}

	@Bean
	ThreadPoolTaskSchedulerCustomizer poolSchedulerErrors() {
		return scheduler -> scheduler.setErrorHandler(ERRORS);
	}
}
