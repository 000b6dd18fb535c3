package dev.steward.policy.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.kernel.events.EventLog;
import dev.steward.kernel.events.LogEntry;
import dev.steward.policy.domain.LoggedPolicyEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many writers append at once while readers tail the log by "after the last sequence I saw": each reader must
 * see every sequence exactly once, in order. A plain bigserial fails this (a later sequence can commit first
 * and a reader that has moved past it never sees the earlier one).
 */
@SpringBootTest(properties = "spring.datasource.hikari.maximum-pool-size=16")
class EventLogOrderingIntegrationTests {

	static final int WRITERS = 8;
	static final int EVENTS = 10_000;
	static final int READERS = 3;

	@Autowired
	EventLog log;

	@Autowired
	EventLog reader;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyReaderSeesEverySequenceExactlyOnceInOrderUnderConcurrentWriters() throws Exception {
		long start = reader.head();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
		AtomicBoolean writing = new AtomicBoolean(true);
		Set<String> written = ConcurrentHashMap.newKeySet();

		List<Future<List<Long>>> readers = new ArrayList<>();
		for (int r = 0; r < READERS; r++) {
			readers.add(pool.submit(() -> tail(start, writing)));
		}
		List<Future<?>> writers = new ArrayList<>();
		for (int w = 0; w < WRITERS; w++) {
			int writer = w;
			writers.add(pool.submit(() -> {
				for (int i = 0; i < EVENTS / WRITERS; i++) {
					String subject = writer + "-" + i;
					transactions.executeWithoutResult(status -> log.append(new Appended(subject)));
					written.add(subject);
				}
			}));
		}
		for (Future<?> writer : writers) {
			writer.get(5, TimeUnit.MINUTES);
		}
		writing.set(false);

		List<Long> expected = java.util.stream.LongStream.rangeClosed(start + 1, start + EVENTS).boxed().toList();
		for (Future<List<Long>> tail : readers) {
			assertThat(tail.get(1, TimeUnit.MINUTES)).containsExactlyElementsOf(expected);
		}
		pool.shutdown();
		assertThat(written).hasSize(EVENTS);
		assertThat(jdbc.sql("SELECT count(DISTINCT subject_id) FROM policy.event_log WHERE sequence > ? AND type = ?")
			.params(start, "v1.test.appended")
			.query(Long.class)
			.single()).isEqualTo(EVENTS);
	}

	private List<Long> tail(long start, AtomicBoolean writing) {
		List<Long> seen = new ArrayList<>();
		long cursor = start;
		while (true) {
			boolean stillWriting = writing.get();
			List<LogEntry> page = reader.after(cursor, 500);
			for (LogEntry entry : page) {
				seen.add(entry.sequence());
				cursor = entry.sequence();
			}
			if (page.isEmpty() && !stillWriting) {
				return seen;
			}
		}
	}

	record Appended(String subjectId) implements LoggedPolicyEvent {

		@Override
		public String type() {
			return "v1.test.appended";
		}

		@Override
		public String subjectKind() {
			return "test";
		}

		@Override
		public String actor() {
			return "ordering-test";
		}

		@Override
		public Map<String, Object> payload() {
			return Map.of("subject", subjectId);
		}
	}
}
