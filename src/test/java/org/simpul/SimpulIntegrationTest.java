package org.simpul;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.simpul.shared.TestClock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on a real server port and the shared embedded PostgreSQL of the test JVM (demo
 * world seeded), with a clock the test can move. Every integration test uses exactly this, so Spring
 * starts one context for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "simpul.data-dir=${simpul.test.data-root:target/test-data}/shared", "simpul.demo.persons=300", "simpul.demo.pbi-temanggung=2000", "simpul.demo.pbi-tegal=20",
				// the tests scan for overdue referrals themselves, on their own clock
				"simpul.referrals.escalation-first=P1D",
				// the suite's own wrong passwords all come from 127.0.0.1: room for them, and for the test that
				// fills one client's quota on purpose
				"simpul.login.client-failures=60",
				// everything the application logs during the tests, for LogScanIT
				"logging.file.name=${simpul.test.data-root:target/test-data}/simpul-tests.log",
				"logging.logback.rollingpolicy.max-file-size=2GB" })
@AutoConfigureMockMvc
@Import(TestClock.Configuration.class)
public @interface SimpulIntegrationTest {
}
