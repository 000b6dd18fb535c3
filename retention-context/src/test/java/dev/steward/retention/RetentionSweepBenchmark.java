package dev.steward.retention;

import dev.steward.retention.RetentionFacade.SweepReport;
import dev.steward.testing.TestPostgres;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sweep through the real use case on PostgreSQL, over 1,000,000 governed subjects of which 1% or 0.01% have
 * expired: each sweep finds the expired ones through the partial index, marks them eligible and appends one
 * {@code v1.retention.deletion_eligible} per subject. Before each sweep the expired subjects are made not eligible
 * again (by SQL, outside the timing), so every sweep has the same work.
 * <p>
 * Run: {@code ./mvnw -pl retention-context -am test-compile exec:exec -Pbenchmark}. The subjects are loaded with
 * one {@code INSERT … SELECT generate_series}, as the default would have left them.
 */
@Fork(value = 1, jvmArgs = "-Xmx1g")
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 10, batchSize = 1)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RetentionSweepBenchmark {

	static final int SUBJECTS = 1_000_000;

	@State(Scope.Benchmark)
	public static class Steward {

		/** The share of subjects whose expiry has passed. */
		@Param({ "0.01", "0.0001" })
		double expired;

		ConfigurableApplicationContext context;

		RetentionFacade retention;

		JdbcClient jdbc;

		@Setup(Level.Trial)
		public void start() {
			TestPostgres.Database database = TestPostgres.database();
			context = new SpringApplicationBuilder(RetentionTestApplication.class).properties(
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password(), "spring.main.banner-mode", "off",
							"logging.level.root", "WARN", "steward.retention.sweep.enabled", "false"))
				.run();
			retention = context.getBean(RetentionFacade.class);
			jdbc = context.getBean(JdbcClient.class);
			int expiredCount = (int) Math.round(SUBJECTS * expired);
			jdbc.sql("""
					INSERT INTO retention.retention_subject (subject_kind, subject_id, retention_class, mode,
					    deletion_strategy, applied_at, expires_at, version)
					SELECT 'bench', 'subject-' || n, 'standard', 'governance', 'purge', now() - interval '100 days',
					       CASE WHEN n <= ? THEN now() - interval '1 hour' ELSE now() + interval '30 days' END, 0
					  FROM generate_series(1, ?) AS n
					""").params(expiredCount, SUBJECTS).update();
			jdbc.sql("ANALYZE retention.retention_subject").update();
		}

		@Setup(Level.Invocation)
		public void expiredAgain() {
			jdbc.sql("UPDATE retention.retention_subject SET eligible = false, eligible_at = NULL WHERE eligible").update();
		}

		@TearDown(Level.Trial)
		public void stop() {
			context.close();
		}
	}

	@Benchmark
	public SweepReport sweep(Steward steward) {
		SweepReport report = steward.retention.sweep("bench");
		if (report.markedCount() != Math.round(SUBJECTS * steward.expired)) {
			throw new IllegalStateException("The sweep marked " + report.markedCount() + " subjects");
		}
		return report;
	}
}
