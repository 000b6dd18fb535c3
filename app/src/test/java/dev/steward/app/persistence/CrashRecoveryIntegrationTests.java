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
 * a process of its own; concurrent writers create worlds over HTTP; the JVM is killed with {@code kill -9} while
 * they write (case A: the embedded postmaster survives it and the restart must deal with it), then the JVM and its
 * postmaster together (case B: PostgreSQL must recover from its WAL). After each restart on the same data directory,
 * every write answered with success is there, each with its event, and the policy event log is gapless.
 */
class CrashRecoveryIntegrationTests {

	private static final String TOKEN = "crash-test-admin-token";

	private static final int WRITERS = 4;

	/** Writes to see acknowledged before each kill: enough that some are in flight when it lands. */
	private static final int ACKNOWLEDGED_BEFORE_KILL = 150;

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
		Set<String> acknowledged = new HashSet<>();

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-1.log"));
		assertThat(durabilitySettings(steward)).containsExactlyInAnyOrderEntriesOf(
				Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"));
		long orphan = steward.postmasterPid();
		Round caseA = writeUntilKilled(steward, "a", StewardProcess::kill);
		acknowledged.addAll(caseA.acknowledged());
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
			.as("the postmaster outlives its JVM's kill -9 (what the restart must cope with)")
			.isPresent();

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-2.log"));
		assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphaned postmaster").isEmpty();
		assertThat(steward.output()).contains("left running on " + dataDir.resolve("postgres"));
		assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(steward, acknowledged);
		Round caseB = writeUntilKilled(steward, "b", StewardProcess::killWithPostmaster);
		acknowledged.addAll(caseB.acknowledged());

		steward = StewardProcess.start(dataDir, TOKEN, workDir.resolve("steward-3.log"));
		assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(steward, acknowledged);
		assertThat(steward.output()).contains("database system was not properly shut down");

		System.out.printf("Crash test: case A %s; case B %s; %d acknowledged writes, all present after both restarts%n",
				caseA, caseB, acknowledged.size());
	}

	/**
	 * Runs {@link #WRITERS} writers of new worlds and kills Steward while they write; a writer stops at the first
	 * request the dead server leaves unanswered.
	 */
	private static Round writeUntilKilled(StewardProcess steward, String round,
			Consumer<StewardProcess> kill) {
		Set<String> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicInteger unanswered = new AtomicInteger();
		AtomicInteger refused = new AtomicInteger();
		AtomicBoolean writing = new AtomicBoolean(true);
		ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
		for (int w = 0; w < WRITERS; w++) {
			String writer = round + w;
			writers.submit(() -> {
				GraphQlHttp http = new GraphQlHttp(steward.port());
				for (int n = 0; writing.get(); n++) {
					String id = "crash-" + writer + "-" + n;
					try {
						GraphQlHttp.Response response = http.post(TOKEN,
								"mutation($id: ID!) { createWorld(input: {id: $id, name: \"Crash\"}) { world { id } } }",
								Map.of("id", id));
						if (response.status() == 200 && !response.hasErrors()
								&& id.equals(response.data().path("createWorld").path("world").path("id").asString())) {
							acknowledged.add(id);
						}
						else {
							refused.incrementAndGet();
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
		while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
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
		assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(
				ACKNOWLEDGED_BEFORE_KILL);
		assertThat(refused).as("writes refused by a live server").hasValue(0);
		return new Round(Set.copyOf(acknowledged), unanswered.get());
	}

	private static void assertEveryAcknowledgedWriteIsPresentAndTheLogIsGapless(StewardProcess steward,
			Set<String> acknowledged) {
		assertThat(worldsReadOverHttp(steward, acknowledged)).as("acknowledged worlds read back over GraphQL")
			.containsExactlyInAnyOrderElementsOf(acknowledged);

		try (Connection db = connect(steward)) {
			List<Long> sequences = longs(db, "SELECT sequence FROM policy.event_log ORDER BY sequence");
			assertThat(sequences).as("the policy event log, 1..n with no hole")
				.containsExactlyElementsOf(LongStream.rangeClosed(1, sequences.size()).boxed().toList());
			assertThat(longs(db, "SELECT last_sequence FROM policy.event_log_counter"))
				.as("the log's counter").containsExactly((long) sequences.size());

			Set<String> worlds = strings(db, "SELECT id FROM policy.world");
			Set<String> created = strings(db,
					"SELECT subject_id FROM policy.event_log WHERE type = 'v1.world.created'");
			assertThat(worlds).as("worlds in the database").containsAll(acknowledged);
			assertThat(created).as("world-created events, one for each world").isEqualTo(worlds);
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
		return DriverManager.getConnection("jdbc:postgresql://localhost:" + steward.postgresPort() + "/postgres",
				"postgres", "");
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
	private record Round(Set<String> acknowledged, int unanswered) {

		@Override
		public String toString() {
			return acknowledged.size() + " acknowledged, " + unanswered + " unanswered at the kill";
		}
	}
}
