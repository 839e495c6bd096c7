package org.simpul.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The verification command: {@code java -jar simpul.jar --simpul.audit.verify=true} (or
 * {@code ./mvnw spring-boot:run -Dspring-boot.run.arguments=--simpul.audit.verify=true}) checks the chain,
 * prints the result and exits: status 0 when the chain holds, 3 when it is broken.
 */
@Component
@ConditionalOnProperty("simpul.audit.verify")
class AuditVerifyCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuditVerifyCommand.class);

	private final AuditVerification verification;

	private final ConfigurableApplicationContext context;

	AuditVerifyCommand(AuditVerification verification, ConfigurableApplicationContext context) {
		this.verification = verification;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		AuditVerification.Result result = verification.verify();
		String line = result.intact()
				? "Audit trail intact: %,d rows sealed and checked, %,d waiting; chain head %s".formatted(result.sealed(),
						result.pending(), result.head())
				: "Audit trail BROKEN at chain position %,d (%,d rows before it hold)".formatted(result.brokenAt(),
						result.sealed());
		log.info(line);
		int code = result.intact() ? 0 : 3;
		System.exit(SpringApplication.exit(context, () -> code));
	}
}
