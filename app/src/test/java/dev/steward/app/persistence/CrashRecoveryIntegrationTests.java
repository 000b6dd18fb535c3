package dev.steward.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.GraphQlHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded default keeps every write it acknowledged through a crash, and comes back by itself. Steward runs as
 * a process of its own; concurrent writers create worlds and activate a policy over HTTP; the JVM is killed with
 * {@code kill -9} while they write (case A: the embedded postmaster survives it and the restart must deal with it),
 * then the JVM and its postmaster together (case B: PostgreSQL must recover from its WAL). After each restart on the
 * same data directory, every write answered with success is there with its event, the policy event log is gapless
 * with its hash chain intact, and the views rebuilt from it, and the activation replay, agree with the live views.
 */
class CrashRecoveryIntegrationTests {

	private static final String TOKEN = "crash-test-admin-token";

	private static final int WORLD_WRITERS = 4;

	/** Writes to see acknowledged before each kill: enough that some are in flight when it lands. */
	private static final int WORLDS_BEFORE_KILL = 150;

	private static final int ACTIVATIONS_BEFORE_KILL = 20;

	private static final String ACTIVATION_WORLD = "crash-activations";

	private static final String ACTIVATED_POLICY = "prompt:crash:greeting";

	private static final String CREATE_WORLD = """
			mutation($id: ID!) { createWorld(input: {id: $id, name: "Crash"}) { world { id } } }""";

	private static final String VERIFY = """
			query($world: ID!) {
			  verifyEventLog(context: "policy") { intact checked firstBrokenSequence problem }
			  verifyPolicyViews { consistent eventsReplayed differences { view key problem } }
			  verifyActivationReplay(worldId: $world) { consistent eventCount mismatches { policyId } }
			}""";

	private static final String ACTIVATE = """
			mutation($world: ID!, $policy: ID!, $variant: String!) {
			  activatePolicy(input: {worldId: $world, policyId: $policy, variant: $variant}) { event { activationEventId } }
			}""";

	@TempDir
	Path workDir;

	private @Nullable StewardProcess steward;

	@AfterEach
	void stopWhatIsLeft() {
		if (steward != null) {
			steward.close();
		}
		Path pidFile = workDir.resolve("data/postgres").resolve(LeftoverPostmaster.PID_FILE);
		try {
			if (Files.exists(pidFile)) {
				ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().trim()))
					.filter(process -> process.info().command().orElse("").endsWith("/postgres"))
					.ifPresent(ProcessHandle::destroy);
			}
		}
		catch (Exception ex) {
			// best effort: the temporary directory is going away
		}
	}

	@Test // GH-9
	void keepsEveryAcknowledgedWriteThroughAKillOfTheJvmAndAKillOfTheJvmWithItsPostmaster() {
		Path dataDir = workDir.resolve("data");
		Acknowledged acknowledged = new Acknowledged();

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-1.log"));
		assertThat(durabilitySettings(steward)).containsExactlyInAnyOrderEntriesOf(
				Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
		prepareActivations(steward);
		long orphan = steward.postmasterPid();
		Round caseA = writeUntilKilled(steward, "a", StewardProcess::kill);
		acknowledged.add(caseA);
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
			.as("the postmaster outlives its JVM's kill -9 (what the restart must cope with)")
			.isPresent();

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-2.log"));
		Duration afterA = steward.readyIn();
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isEmpty();
		assertThat(steward.output()).contains("left running on " + dataDir.resolve("postgres"));
		assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(steward, acknowledged);
		Round caseB = writeUntilKilled(steward, "b", StewardProcess::killWithPostmaster);
		acknowledged.add(caseB);

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-3.log"));
		assertThat(steward.output()).contains("database system was not properly shut down");
		assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(steward, acknowledged);

		System.out.printf("Crash test: case A %s; case B %s; all %d worlds and %d activations acknowledged are "
				+ "present after both restarts; the restarts were ready in %s and %s%n", caseA, caseB,
				acknowledged.worlds.size(), acknowledged.activations.size(), afterA, steward.readyIn());
	}

	/** A world and two variants of one policy, for a writer that activates them in turn. */
	private static void prepareActivations(StewardProcess steward) {
		GraphQlHttp http = new GraphQlHttp(steward.port());
		List<GraphQlHttp.Response> responses = new ArrayList<>();
		responses.add(http.post(TOKEN, "mutation { createWorld(input: {id: \"" + ACTIVATION_WORLD
				+ "\", name: \"Activations\"}) { world { id } } }"));
		for (String variant : List.of("v1", "v2")) {
			responses.add(http.post(TOKEN, """
					mutation($policy: ID!, $variant: String!) {
					  upsertPolicyVariant(input: {policyId: $policy, variant: $variant, policyVersion: 1,
					                              status: DRAFT, content: {text: "Well met."}}) { variant { id } }
					}""", Map.of("policy", ACTIVATED_POLICY, "variant", variant)));
		}
		assertThat(responses).allSatisfy(response -> assertThat(response.hasErrors()).as(response.body()).isFalse());
	}

	/**
	 * Runs {@link #WORLD_WRITERS} writers of new worlds and one writer of activations, and kills Steward while they
	 * write; a writer stops at the first request the dead server leaves unanswered.
	 */
	private static Round writeUntilKilled(StewardProcess steward, String round, Consumer<StewardProcess> kill) {
		Set<String> worlds = ConcurrentHashMap.newKeySet();
		Set<Long> activations = ConcurrentHashMap.newKeySet();
		AtomicInteger unanswered = new AtomicInteger();
		List<String> refused = new CopyOnWriteArrayList<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(WORLD_WRITERS + 1);
		for (int w = 0; w <= WORLD_WRITERS; w++) {
			String writer = round + w;
			boolean activator = w == WORLD_WRITERS;
			writers.submit(() -> {
				GraphQlHttp http = new GraphQlHttp(steward.port());
				for (int n = 0; writing.get(); n++) {
					try {
						if (activator) {
							GraphQlHttp.Response response = http.post(TOKEN, ACTIVATE,
									Map.of("world", ACTIVATION_WORLD, "policy", ACTIVATED_POLICY, "variant",
											n % 2 == 0 ? "v1" : "v2"));
							JsonNode event = response.data().path("activatePolicy").path("event");
							if (response.status() == 200 && !response.hasErrors() && event.path("activationEventId").isNumber()) {
								activations.add(event.path("activationEventId").asLong());
							}
							else {
								refused.add(response.body());
							}
						}
						else {
							String id = "crash-" + writer + "-" + n;
							GraphQlHttp.Response response = http.post(TOKEN, CREATE_WORLD, Map.of("id", id));
							if (response.status() == 200 && !response.hasErrors()
									&& id.equals(response.data().path("createWorld").path("world").path("id").asString())) {
								worlds.add(id);
							}
							else {
								refused.add(response.body());
							}
						}
					}
					catch (RuntimeException ex) {
						unanswered.incrementAndGet(); // the server died under this request: it may or may not be kept
						return;
					}
				}
			});
		}
		Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
		while ((worlds.size() < WORLDS_BEFORE_KILL || activations.size() < ACTIVATIONS_BEFORE_KILL)
				&& Instant.now().isBefore(deadline)) {
			StewardProcess.sleep(Duration.ofMillis(50));
		}
		kill.accept(steward);
		writing.set(false);
		writers.shutdown();
		try {
			assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		assertThat(refused).as("writes refused by a live server").isEmpty();
		assertThat(worlds).as("worlds acknowledged before the kill").hasSizeGreaterThanOrEqualTo(WORLDS_BEFORE_KILL);
		assertThat(activations).as("activations acknowledged before the kill")
			.hasSizeGreaterThanOrEqualTo(ACTIVATIONS_BEFORE_KILL);
		return new Round(Set.copyOf(worlds), Set.copyOf(activations), unanswered.get());
	}

	private static void assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(StewardProcess steward,
			Acknowledged acknowledged) {
		assertThat(worldsReadOverHttp(steward, acknowledged.worlds)).as("acknowledged worlds read back over GraphQL")
			.containsExactlyInAnyOrderElementsOf(acknowledged.worlds);
		GraphQlHttp.Response checks = new GraphQlHttp(steward.port()).post(TOKEN, VERIFY,
				Map.of("world", ACTIVATION_WORLD));
		assertThat(checks.hasErrors()).as(checks.body()).isFalse();
		assertThat(checks.data().path("verifyEventLog").path("intact").asBoolean())
			.as("the policy log's hash chain: %s", checks.body())
			.isTrue();
		assertThat(checks.data().path("verifyPolicyViews").path("consistent").asBoolean())
			.as("policy views rebuilt from the log equal the live ones: %s", checks.body())
			.isTrue();
		assertThat(checks.data().path("verifyActivationReplay").path("consistent").asBoolean())
			.as("activation replay: %s", checks.body())
			.isTrue();

		try (Connection db = connect(steward)) {
			List<Long> sequences = longs(db, "SELECT sequence FROM policy.event_log ORDER BY sequence");
			assertThat(sequences).as("the policy event log, 1..n with no hole")
				.containsExactlyElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
			assertThat(longs(db, "SELECT last_sequence FROM policy.event_log_counter"))
				.as("the log's counter").containsExactly((long) sequences.size());

			Set<String> worlds = strings(db, "SELECT id FROM policy.world");
			Set<String> created = strings(db,
					"SELECT subject_id FROM policy.event_log WHERE type = 'v1.world.created'");
			assertThat(worlds).as("worlds in the database").containsAll(acknowledged.worlds);
			assertThat(created).as("world-created events, one for each world").isEqualTo(worlds);

			assertThat(longs(db, "SELECT event_sequence FROM policy.activation_event"))
				.as("activations in the database")
				.containsAll(acknowledged.activations)
				.containsExactlyInAnyOrderElementsOf(
						longs(db, "SELECT sequence FROM policy.event_log WHERE type = 'v1.policy.activated'"));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, String> durabilitySettings(StewardProcess steward) {
		try (Connection db = connect(steward); Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings "
						+ "WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes')")) {
			Map<String, String> settings = new LinkedHashMap<>();
			while (rows.next()) {
				settings.put(rows.getString(1), rows.getString(2));
			}
			return settings;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A connection to the embedded PostgreSQL of {@code steward}, as its superuser. */
	private static Connection connect(StewardProcess steward) throws SQLException {
		return DriverManager.getConnection(postgresUrl(steward), "postgres", "");
	}

	private static String postgresUrl(StewardProcess steward) {
		return "jdbc:postgresql://localhost:" + steward.postgresPort() + "/postgres";
	}

	/** The ids among {@code ids} that {@code world(id:)} finds, asked thirty at a time. */
	private static Set<String> worldsReadOverHttp(StewardProcess steward, Set<String> ids) {
		GraphQlHttp http = new GraphQlHttp(steward.port());
		List<String> all = new ArrayList<>(ids);
		Set<String> found = new HashSet<>();
		for (int from = 0; from < all.size(); from += 30) {
			List<String> batch = all.subList(from, Math.min(all.size(), from + 30));
			StringBuilder parameters = new StringBuilder();
			StringBuilder selections = new StringBuilder();
			Map<String, Object> variables = new LinkedHashMap<>();
			for (int i = 0; i < batch.size(); i++) {
				parameters.append(i == 0 ? "" : ", ").append("$i").append(i).append(": ID!");
				selections.append(" w").append(i).append(": world(id: $i").append(i).append(") { id }");
				variables.put("i" + i, batch.get(i));
			}
			GraphQlHttp.Response response = http.post(TOKEN,
					"query(" + parameters + ") {" + selections + " }", variables);
			assertThat(response.hasErrors()).as(response.body()).isFalse();
			for (int i = 0; i < batch.size(); i++) {
				JsonNode id = response.data().path("w" + i).path("id");
				if (id.isString()) {
					found.add(id.asString());
				}
			}
		}
		return found;
	}

	private static List<Long> longs(Connection db, String sql) throws SQLException {
		List<Long> values = new ArrayList<>();
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getLong(1));
			}
		}
		return values;
	}

	private static Set<String> strings(Connection db, String sql) throws SQLException {
		Set<String> values = new HashSet<>();
		try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	/** What one round of writers saw: the writes answered with success, and those the kill left unanswered. */
	private record Round(Set<String> worlds, Set<Long> activations, int unanswered) {

		@Override
		public String toString() {
			return worlds.size() + " worlds and " + activations.size() + " activations acknowledged, " + unanswered
					+ " requests unanswered at the kill";
		}
	}

	/** Every write answered with success so far. */
	private static final class Acknowledged {

		final Set<String> worlds = new HashSet<>();

		final Set<Long> activations = new HashSet<>();

		void add(Round round) {
			worlds.addAll(round.worlds());
			activations.addAll(round.activations());
		}
	}
}
