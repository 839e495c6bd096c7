package org.simpul.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.simpul.SimpulIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The built-in log sender keeps the gateway's contract (ADR 0006): a message handed over again with the same
 * Idempotency-Key (the outbox's at-least-once after a crash) is dropped, and the record of the delivery is
 * committed on its own, so a rollback of the caller (or its death) does not forget it.
 */
@SimpulIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LoggingNotificationSenderTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@Test
	void aRepeatedKeyIsDroppedEvenWhenTheFirstSendersTransactionRolledBack(CapturedOutput output) {
		LoggingNotificationSender sender = new LoggingNotificationSender(jdbc, transactions, clock);
		UUID key = UUID.randomUUID();
		NotificationSender.Message message = new NotificationSender.Message(key, "081234567890",
				"Pengaduan 3328101008-26-00001: Diterima");
		// the first send inside a transaction that then dies (the process killed before the claim committed)
		org.springframework.transaction.support.TransactionTemplate caller =
				new org.springframework.transaction.support.TransactionTemplate(transactions);
		caller.executeWithoutResult(status -> {
			sender.send(message);
			status.setRollbackOnly();
		});
		sender.send(message);
		assertThat(output.getOut()).containsOnlyOnce("Notification " + key + " to ••••7890")
			.contains("Notification " + key + " dropped: delivered before");
		assertThat(jdbc.sql("select count(*) from notification_delivery where id = :id").param("id", key)
			.query(Long.class).single()).isEqualTo(1);
	}
}
