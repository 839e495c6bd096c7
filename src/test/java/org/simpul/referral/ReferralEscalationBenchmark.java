package org.simpul.referral;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.simpul.SimpulApplication;
import org.simpul.bench.BenchmarkReport;
import org.simpul.complaint.ComplaintFixtures;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The overdue scan over 1,000,000 referrals, 10% of them open and past their due date: the first scan
 * escalates those 100,000 to the supervisor, a second scan finds nothing new. Beside it, in the same
 * database and run, the raw statement that only copies the same 100,000 ids into an unindexed table. Run
 * with {@code ./mvnw -Pbench test -Dtest=ReferralEscalationBenchmark}.
 */
@Tag("benchmark")
class ReferralEscalationBenchmark {

	private static final int REFERRALS = Integer.getInteger("bench.referrals", 1_000_000);

	@Test
	void scansAMillionReferrals() throws Exception {
		Path dir = Path.of("target/bench-data/referral-escalation").toAbsolutePath();
		if (Files.exists(dir)) {
			try (var walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(SimpulApplication.class).run(
				"--server.port=0", "--simpul.data-dir=" + dir, "--simpul.demo.enabled=false",
				"--simpul.referrals.escalation-every=PT10000H", "--logging.level.org.simpul=WARN")) {
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			// the tables' owner: the raw baseline's own table, and vacuum
			JdbcClient owner = JdbcClient.create(app.getBean("ownerDataSource", DataSource.class));
			long generated = System.nanoTime();
			// one complaint per referral, in the villages of Kabupaten Tegal, all sent to Kemensos' PKH; one in ten
			// open and past its due date, the rest done or not yet due
			ComplaintFixtures.referredInBulk(jdbc, REFERRALS, "33.28.", "B");
			jdbc.sql("""
					insert into referral (id, version, complaint_id, provider_id, agency_id, village_code, status, reason,
					                      outcome, due_date, sent_by, sent_at, updated_at, recommended_by, recommended_at)
					select uuidv7(), 0, c.id, p.id, p.agency_id, c.village_code,
					       case when n % 10 = 0 then 'SENT' when n % 10 < 5 then 'COMPLETED' else 'ACCEPTED' end,
					       'Benchmark', case when n % 10 between 1 and 4 then 'Selesai' end,
					       case when n % 10 = 0 then current_date - 3 else current_date + 10 end,
					       gen_random_uuid(), now(), now(), gen_random_uuid(), now()
					from (select id, village_code, row_number() over () as n from complaint_reference
					      where ticket_number like 'B-%') c
					cross join (select id, agency_id from provider_reference where code = 'KEMENSOS-PKH') p""").update();
			jdbc.sql("vacuum analyze referral").update();
			long generationMs = (System.nanoTime() - generated) / 1_000_000;
			long overdue = jdbc.sql("select count(*) from referral where status in ('SENT', 'ACCEPTED')"
					+ " and due_date < current_date").query(Long.class).single();

			ReferralEscalation escalation = app.getBean(ReferralEscalation.class);
			List<Long> first = new ArrayList<>();
			List<Long> again = new ArrayList<>();
			List<Long> raw = new ArrayList<>();
			ReferralEscalation.Scan firstScan = null;
			for (int round = 0; round < 5; round++) {
				jdbc.sql("delete from referral_escalation").update();
				owner.sql("vacuum analyze referral_escalation").update();
				long t = System.nanoTime();
				firstScan = escalation.scan();
				first.add((System.nanoTime() - t) / 1_000_000);
				t = System.nanoTime();
				escalation.scan();
				again.add((System.nanoTime() - t) / 1_000_000);
				owner.sql("drop table if exists raw_escalation").update();
				owner.sql("create table raw_escalation (referral_id uuid, level text, escalated_at timestamptz)").update();
				t = System.nanoTime();
				owner.sql("""
						insert into raw_escalation select id, 'SUPERVISOR', now() from referral
						where status in ('SENT', 'ACCEPTED') and due_date < current_date""").update();
				raw.add((System.nanoTime() - t) / 1_000_000);
			}
			BenchmarkReport.write("referral-escalation", """
					| measure | value |
					|---|---|
					| referrals (complaints and referrals generated in %,d ms) | %,d, of which %,d open and overdue |
					| first scan: escalations written | %,d to supervisors, %,d to managers |
					| first scan, median of 5 | **%,d ms** (goal ≤ 5,000 ms) |
					| second scan (nothing new), median of 5 | %,d ms |
					| raw: copying the same ids into an unindexed table, median of 5 | %,d ms |
					""".formatted(generationMs, REFERRALS, overdue, firstScan.toSupervisor(), firstScan.toManager(),
					BenchmarkReport.median(first), BenchmarkReport.median(again), BenchmarkReport.median(raw)),
					first, again, raw);
		}
	}
}
