package dev.steward.policy;

import dev.steward.policy.ActivationFacade.ActivatePolicy;
import dev.steward.policy.ActivationFacade.ActivationEventView;
import dev.steward.policy.PolicyFacade.UpsertPolicyVariant;
import dev.steward.policy.WorldFacade.CreateWorld;

import dev.steward.testing.TestPostgres;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Activation through the real use case on PostgreSQL: latency with 10, 10,000 and 100,000 earlier activation
 * events of the policy in its scope, and throughput of four writers activating policies of one world.
 * <p>
 * Run: {@code ./mvnw -pl policy-context -am test-compile exec:exec -Pbenchmark}. The history is loaded by
 * copying one real activation's log entry and history row, so that the tables hold what activations write.
 */
@Fork(value = 1, jvmArgs = "-Xmx2g")
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ActivationBenchmark {

	@State(Scope.Benchmark)
	public static class Steward {

		ConfigurableApplicationContext context;

		ActivationFacade activations;

		PolicyFacade policies;

		WorldFacade worlds;

		JdbcClient jdbc;

		@Setup(Level.Trial)
		public void start() {
			TestPostgres.Database database = TestPostgres.database();
			context = new SpringApplicationBuilder(PolicyTestApplication.class).properties(
					Map.of("spring.datasource.url", database.url(), "spring.datasource.username", database.username(),
							"spring.datasource.password", database.password(), "spring.main.banner-mode", "off",
							"logging.level.root", "WARN", "spring.datasource.hikari.maximum-pool-size", "16"))
				.run();
			activations = context.getBean(ActivationFacade.class);
			policies = context.getBean(PolicyFacade.class);
			worlds = context.getBean(WorldFacade.class);
			jdbc = context.getBean(JdbcClient.class);
		}

		@TearDown(Level.Trial)
		public void stop() {
			context.close();
		}

		String world() {
			String world = "bench-" + UUID.randomUUID();
			worlds.create(new CreateWorld(world, "Benchmark", "", true, Map.of(), "bench"));
			return world;
		}

		String policyWithTwoVariants() {
			String policy = "prompt:bench" + UUID.randomUUID().toString().replace("-", "") + ":greeting";
			for (int version = 1; version <= 2; version++) {
				policies.upsert(new UpsertPolicyVariant(policy, "v" + version, "1.0", version, PolicyStatus.DRAFT,
						Map.of("text", "hello " + version), null, "bench"));
			}
			return policy;
		}
	}

	/** One policy in one scope with a history of {@code history} activation events. */
	@State(Scope.Benchmark)
	public static class History {

		@Param({ "10", "10000", "100000" })
		int history;

		String world;

		String policy;

		int flips;

		@Setup(Level.Trial)
		public void load(Steward steward) {
			world = steward.world();
			policy = steward.policyWithTwoVariants();
			long first = steward.activations.activate(new ActivatePolicy(world, "", policy, "v1", "bench"))
				.activationEventId();
			steward.jdbc.sql("""
					WITH copied AS (
					    INSERT INTO policy.event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest)
					    SELECT gen_random_uuid(), type, subject_kind, subject_id, actor, payload, payload_digest
					    FROM policy.event_log, generate_series(1, ?) WHERE sequence = ?
					    RETURNING sequence, actor, created_at)
					INSERT INTO policy.activation_event (event_sequence, world_id, client_profile, policy_id, variant,
					    replaced_variant, rollback_of, actor, created_at)
					SELECT sequence, ?, '', ?, 'v1', 'v1', NULL, actor, created_at FROM copied
					""").params(history - 1, first, world, policy).update();
			steward.jdbc.sql("""
					UPDATE policy.activation SET event_sequence = (SELECT max(event_sequence) FROM policy.activation_event
					    WHERE world_id = ? AND client_profile = '' AND policy_id = ?)
					WHERE world_id = ? AND client_profile = '' AND policy_id = ?
					""").params(world, policy, world, policy).update();
			steward.jdbc.sql("ANALYZE policy.activation_event").update();
		}
	}

	/** A policy of its own per benchmark thread, all in one world. */
	@State(Scope.Thread)
	public static class OwnPolicy {

		static final AtomicInteger THREADS = new AtomicInteger();

		static volatile String world;

		String policy;

		int flips;

		@Setup(Level.Trial)
		public void create(Steward steward) {
			synchronized (OwnPolicy.class) {
				if (world == null) {
					world = steward.world();
				}
			}
			policy = steward.policyWithTwoVariants();
			THREADS.incrementAndGet();
		}
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	public ActivationEventView activationLatency(Steward steward, History scope) {
		String variant = (scope.flips++ & 1) == 0 ? "v2" : "v1";
		return steward.activations.activate(new ActivatePolicy(scope.world, "", scope.policy, variant, "bench"));
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	@Threads(4)
	public ActivationEventView activationThroughput(Steward steward, OwnPolicy own) {
		String variant = (own.flips++ & 1) == 0 ? "v2" : "v1";
		return steward.activations.activate(new ActivatePolicy(OwnPolicy.world, "", own.policy, variant, "bench"));
	}
}
