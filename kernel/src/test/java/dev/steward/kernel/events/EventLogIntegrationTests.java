package dev.steward.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.steward.kernel.CanonicalCbor;
import dev.steward.kernel.Digests;
import dev.steward.testing.TestPostgres;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kernel's event log on PostgreSQL, as the non-superuser role Steward connects as: order, digests, the chain
 * and its verification, and what the role may not do. Damage is done as the superuser, in a log of its own, and
 * the verification must name the exact entry.
 */
class EventLogIntegrationTests {

	private static final AtomicInteger LOGS = new AtomicInteger();

	private static DataSource steward;

	private static JdbcClient asSteward;

	private static JdbcClient asSuperuser;

	private static TransactionTemplate transactions;

	@BeforeAll
	static void connect() {
		TestPostgres.Database database = TestPostgres.database();
		steward = new DriverManagerDataSource(database.url(), database.username(), database.password());
		asSteward = JdbcClient.create(steward);
		TestPostgres.Database superuser = TestPostgres.superuser();
		asSuperuser = JdbcClient.create(
				new DriverManagerDataSource(superuser.url(), superuser.username(), superuser.password()));
		transactions = new TransactionTemplate(new DataSourceTransactionManager(steward));
	}

	@Test
	void givesGaplessSequencesAndAnIntactChain() {
		EventLog log = newLog();

		List<LogEntry> appended = appendSome(log, 5);

		assertThat(appended).extracting(LogEntry::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(log.after(0, 10)).extracting(LogEntry::chainHash)
			.containsExactlyElementsOf(appended.stream().map(LogEntry::chainHash).toList())
			.doesNotHaveDuplicates();
		ChainVerification verification = log.verify();
		assertThat(verification.intact()).isTrue();
		assertThat(verification.checked()).isEqualTo(5);
		assertThat(log.chainHead()).isEqualTo(new LogHead(log.context(), 5, appended.get(4).chainHash()));
	}

	@Test
	void appendsManyInOneStatementInTheirOrderWithAnIntactChain() {
		EventLog log = newLog();
		appendSome(log, 2);

		List<LogEntry> appended = transactions.execute(status -> log.appendAll(List.of(event("a", Map.of("n", 1)),
				event("b", Map.of("n", 2)), event("c", Map.of("n", 3)))));

		assertThat(appended).extracting(LogEntry::sequence).containsExactly(3L, 4L, 5L);
		assertThat(appended).extracting(LogEntry::subjectId).containsExactly("a", "b", "c");
		assertThat(appended.get(0).chainHash()).isEqualTo(ChainLink.of(log.entry(2).orElseThrow().chainHash(),
				appended.get(0)));
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void chainsEachEntryToThePreviousAsTheKernelComputesIt() {
		EventLog log = newLog();

		List<LogEntry> appended = appendSome(log, 3);

		assertThat(appended.get(0).chainHash()).isEqualTo(ChainLink.of(ChainLink.GENESIS, appended.get(0)));
		assertThat(appended.get(2).chainHash()).isEqualTo(ChainLink.of(appended.get(1).chainHash(), appended.get(2)));
	}

	@Test
	void storesThePayloadAsDeterministicCborWithItsDigest() {
		EventLog log = newLog();

		LogEntry entry = transactions.execute(status -> log.append(event("s-1", Map.of("b", 1.5, "a", List.of(1, 2)))));

		byte[] stored = asSteward.sql("SELECT payload FROM " + log.context() + ".event_log WHERE sequence = 1")
			.query(byte[].class)
			.single();
		assertThat(Digests.hex(stored)).isEqualTo("a2" + "6161" + "820102" + "6162" + "f93e00");
		assertThat(CanonicalCbor.isDeterministic(stored)).isTrue();
		assertThat(entry.payloadDigest()).isEqualTo(Digests.sha256Hex(stored));
		assertThat(entry.payload()).isEqualTo(Map.of("a", List.of(1L, 2L), "b", 1.5));
	}

	@Test
	void anEntryCarriesTheTimeTakenForItAndChainsIt() {
		EventLog log = newLog();
		appendSome(log, 2);

		LogEntry entry = transactions.execute(status -> {
			Instant at = log.timeForNextEntry();
			LogEntry appended = log.append(event("timed", Map.of("at", at.toString()), at));
			assertThat(appended.createdAt()).isEqualTo(at);
			return appended;
		});

		assertThat(entry.createdAt()).isAfterOrEqualTo(log.entry(2).orElseThrow().createdAt());
		assertThat(entry.chainHash()).isEqualTo(ChainLink.of(log.entry(2).orElseThrow().chainHash(), entry));
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void refusesATimeEarlierThanThePreviousEntrysOrLaterThanNow() {
		EventLog log = newLog();
		LogEntry first = appendSome(log, 1).getFirst();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> transactions.execute(
					status -> log.append(event("early", Map.of(), first.createdAt().minusNanos(1_000)))))
			.withMessageContaining("must lie between the previous entry's");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> transactions.execute(
					status -> log.append(event("late", Map.of(), Instant.now().plusSeconds(60)))))
			.withMessageContaining("must lie between the previous entry's");
		assertThat(log.head()).isEqualTo(1);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void theTimeForTheNextEntryWaitsForAnAppendInFlightSoTimesNeverGoBack() throws Exception {
		EventLog log = newLog();
		appendSome(log, 1);
		java.util.concurrent.CountDownLatch appended = new java.util.concurrent.CountDownLatch(1);
		java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
		Thread slow = Thread.ofPlatform().start(() -> transactions.executeWithoutResult(status -> {
			log.append(event("slow", Map.of()));
			appended.countDown();
			await(release);
		}));
		await(appended);

		java.util.concurrent.CompletableFuture<LogEntry> timed = java.util.concurrent.CompletableFuture
			.supplyAsync(() -> transactions.execute(status -> {
				Instant at = log.timeForNextEntry();
				return log.append(event("timed", Map.of(), at));
			}));
		Thread.sleep(200);
		assertThat(timed).as("waits for the append in flight").isNotDone();
		release.countDown();
		slow.join();

		LogEntry entry = timed.get(10, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(entry.sequence()).isEqualTo(3);
		assertThat(entry.createdAt()).isAfterOrEqualTo(log.entry(2).orElseThrow().createdAt());
		assertThat(log.verify().intact()).isTrue();
	}

	private static void await(java.util.concurrent.CountDownLatch latch) {
		try {
			assertThat(latch.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void refusesAnEntryWhoseDigestIsNotThatOfItsPayload() {
		EventLog log = newLog();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> asSteward.sql("INSERT INTO " + log.context() + """
					.event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest)
					VALUES (gen_random_uuid(), 'v1.thing.done', 'thing', 't', 'someone', '\\xa0', ?)""")
				.params("0".repeat(64))
				.update())
			.withMessageContaining("is not the SHA-256 of the payload");
		assertThat(log.head()).isZero();
	}

	@Test
	void refusesEveryChangeToTheLogAndItsCounterFromStewardsRole() {
		EventLog log = newLog();
		appendSome(log, 2);
		String schema = log.context();

		List<String> refused = List.of("UPDATE " + schema + ".event_log SET actor = 'mallory'",
				"DELETE FROM " + schema + ".event_log WHERE sequence = 1", "TRUNCATE " + schema + ".event_log",
				"UPDATE " + schema + ".event_log_counter SET last_sequence = 1",
				"UPDATE " + schema + ".event_log_counter SET last_sequence = last_sequence + 1",
				"DELETE FROM " + schema + ".event_log_counter", "TRUNCATE " + schema + ".event_log_counter",
				"INSERT INTO " + schema + ".event_log_counter VALUES (false, 0)");

		assertThat(refused).allSatisfy(sql -> assertThatExceptionOfType(DataAccessException.class)
			.as(sql)
			.isThrownBy(() -> asSteward.sql(sql).update()));
		assertThat(log.head()).isEqualTo(2);
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void connectsAsARoleThatIsNotASuperuser() {
		Boolean superuser = asSteward.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
			.query(Boolean.class)
			.single();

		assertThat(superuser).isFalse();
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> asSteward.sql("SET session_replication_role = replica").update());
	}

	@Test
	void findsAnEditedEntry() {
		EventLog log = newLog();
		appendSome(log, 6);

		tamper(log, "UPDATE %s.event_log SET actor = 'mallory' WHERE sequence = 4");

		assertBrokenAt(log, 4);
	}

	@Test
	void findsAnEditedPayloadEvenWithItsDigestRecomputed() {
		EventLog log = newLog();
		appendSome(log, 6);
		byte[] forged = CanonicalCbor.encode(Map.of("n", 999));

		tamper(log, "UPDATE %s.event_log SET payload = '\\x" + Digests.hex(forged) + "', payload_digest = '"
				+ Digests.sha256Hex(forged) + "' WHERE sequence = 2");

		assertBrokenAt(log, 2);
	}

	@Test
	void findsADeletedEntry() {
		EventLog log = newLog();
		appendSome(log, 6);

		tamper(log, "DELETE FROM %s.event_log WHERE sequence = 3");

		assertBrokenAt(log, 3);
	}

	@Test
	void findsADeletedNewestEntry() {
		EventLog log = newLog();
		appendSome(log, 4);

		tamper(log, "DELETE FROM %s.event_log WHERE sequence = 4");

		assertBrokenAt(log, 4);
	}

	@Test
	void findsAReorderedPair() {
		EventLog log = newLog();
		appendSome(log, 6);

		tamper(log, "UPDATE %s.event_log SET sequence = -sequence WHERE sequence IN (3, 4)");
		tamper(log, "UPDATE %s.event_log SET sequence = 7 + sequence WHERE sequence IN (-3, -4)");

		assertBrokenAt(log, 3);
	}

	@Test
	void pinsAHeadThatALaterVerificationStillFinds() {
		EventLog log = newLog();
		appendSome(log, 3);
		LogHead pinned = log.chainHead();

		appendSome(log, 2);

		assertThat(log.entry(pinned.sequence())).get()
			.extracting(LogEntry::chainHash)
			.isEqualTo(pinned.chainHash());
		assertThat(log.verify().intact()).isTrue();
	}

	@Test
	void migratesALogOfAnEarlierVersionForwardAndChainsWhatItHeld() {
		Flyway earlier = Flyway.configure()
			.dataSource(steward)
			.schemas("legacy")
			.defaultSchema("legacy")
			.createSchemas(true)
			.locations("classpath:db/legacy-event-log")
			.load();
		earlier.migrate();
		for (int i = 1; i <= 3; i++) {
			byte[] payload = CanonicalCbor.encode(Map.of("n", i));
			asSteward.sql("""
					INSERT INTO legacy.event_log (event_id, type, subject_kind, subject_id, actor, payload, payload_digest)
					VALUES (?, 'v1.thing.done', 'thing', ?, 'someone', ?, ?)""")
				.params(UUID.randomUUID(), "t-" + i, payload, Digests.sha256Hex(payload))
				.update();
		}

		ContextSchema.migrate(Flyway.configure()
			.dataSource(steward)
			.schemas("legacy")
			.defaultSchema("legacy")
			.locations(ContextSchema.EVENT_LOG_LOCATION)
			.load());
		EventLog log = new JdbcEventLog(asSteward, "legacy");
		appendSome(log, 1);

		assertThat(log.verify()).satisfies(verification -> {
			assertThat(verification.intact()).isTrue();
			assertThat(verification.checked()).isEqualTo(4);
		});
		assertThat(asSteward.sql("SELECT count(*) FROM legacy.flyway_schema_history WHERE version = ?")
			.params(ContextSchema.RETIRED_EVENT_LOG_VERSION)
			.query(Long.class)
			.single()).isZero();
	}

	private static void assertBrokenAt(EventLog log, long sequence) {
		ChainVerification verification = log.verify();
		assertThat(verification.intact()).isFalse();
		assertThat(verification.firstBrokenSequence()).isEqualTo(sequence);
		assertThat(verification.head().sequence()).isEqualTo(sequence - 1);
		assertThat(verification.problem()).isNotBlank();
	}

	/** Does to the log what only a superuser could: the append-only triggers are off for the statement. */
	private static void tamper(EventLog log, String sqlTemplate) {
		String schema = log.context();
		asSuperuser.sql("ALTER TABLE " + schema + ".event_log DISABLE TRIGGER USER").update();
		try {
			asSuperuser.sql(sqlTemplate.formatted(schema)).update();
		}
		finally {
			asSuperuser.sql("ALTER TABLE " + schema + ".event_log ENABLE TRIGGER USER").update();
		}
	}

	private static EventLog newLog() {
		String schema = "ledger_" + LOGS.incrementAndGet();
		Flyway flyway = Flyway.configure()
			.dataSource(steward)
			.schemas(schema)
			.defaultSchema(schema)
			.createSchemas(true)
			.locations(ContextSchema.EVENT_LOG_LOCATION)
			.load();
		ContextSchema.migrate(flyway);
		return new JdbcEventLog(asSteward, schema);
	}

	private static List<LogEntry> appendSome(EventLog log, int count) {
		return transactions.execute(status -> {
			int start = (int) log.head();
			return java.util.stream.IntStream.rangeClosed(1, count)
				.mapToObj(i -> log.append(event("s-" + (start + i), Map.of("n", start + i))))
				.toList();
		});
	}

	private static LoggedEvent event(String subjectId, Map<String, ?> payload) {
		return event(subjectId, payload, null);
	}

	private static LoggedEvent event(String subjectId, Map<String, ?> payload, @Nullable Instant recordedAt) {
		return new LoggedEvent() {

			@Override
			public @Nullable Instant recordedAt() {
				return recordedAt;
			}

			@Override
			public String type() {
				return "v1.thing.done";
			}

			@Override
			public String subjectKind() {
				return "thing";
			}

			@Override
			public String subjectId() {
				return subjectId;
			}

			@Override
			public String actor() {
				return "someone";
			}

			@Override
			public Map<String, ?> payload() {
				return payload;
			}
		};
	}
}
