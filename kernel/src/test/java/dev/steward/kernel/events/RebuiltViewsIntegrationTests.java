package dev.steward.kernel.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.testing.TestPostgres;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The views check against a live view on PostgreSQL: equal sides, a row on either side alone, a changed value. */
class RebuiltViewsIntegrationTests {

	private static final AtomicInteger SCHEMAS = new AtomicInteger();

	private static final List<RebuiltViews.View> VIEWS = List.of(new RebuiltViews.View("thing", "id",
			"id text, size bigint, tags jsonb, seen timestamptz"));

	private static JdbcClient jdbc;

	private static TransactionTemplate transactions;

	@BeforeAll
	static void connect() {
		TestPostgres.Database database = TestPostgres.database();
		DataSource dataSource = new DriverManagerDataSource(database.url(), database.username(), database.password());
		jdbc = JdbcClient.create(dataSource);
		transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	@Test
	void findsNothingWhenTheReplayLeavesTheViewAsItIs() {
		String schema = liveView();
		RebuiltViews.Rows replayed = new RebuiltViews.Rows();
		replayed.put("thing", "a", "a", 1L, "[\"x\"]", "2026-11-29T00:00:00Z");
		replayed.put("thing", "b", "b", 2L, null, null);

		assertThat(compare(schema, replayed)).isEmpty();
	}

	@Test
	void namesEachRowThatIsOnOneSideOnly() {
		String schema = liveView();
		RebuiltViews.Rows replayed = new RebuiltViews.Rows();
		replayed.put("thing", "a", "a", 1L, "[\"x\"]", "2026-11-29T00:00:00Z");
		replayed.put("thing", "b", "b", 3L, null, null);
		replayed.put("thing", "c", "c", 4L, null, null);

		assertThat(compare(schema, replayed)).containsExactlyInAnyOrder(
				new RebuiltViews.Difference("thing", "b", "only in the log"),
				new RebuiltViews.Difference("thing", "c", "only in the log"),
				new RebuiltViews.Difference("thing", "b", "only in the view"));
	}

	@Test
	void aRowTheReplayRemovedIsOnlyInTheView() {
		String schema = liveView();
		RebuiltViews.Rows replayed = new RebuiltViews.Rows();
		replayed.put("thing", "a", "a", 1L, "[\"x\"]", "2026-11-29T00:00:00Z");
		replayed.put("thing", "b", "b", 2L, null, null);
		replayed.remove("thing", "b");

		assertThat(compare(schema, replayed))
			.containsExactly(new RebuiltViews.Difference("thing", "b", "only in the view"));
	}

	private static List<RebuiltViews.Difference> compare(String schema, RebuiltViews.Rows replayed) {
		return transactions.execute(status -> RebuiltViews.compare(jdbc, schema, VIEWS, replayed::rows));
	}

	private static String liveView() {
		String schema = "views_check_" + SCHEMAS.incrementAndGet() + "_" + System.nanoTime() % 1_000_000;
		jdbc.sql("CREATE SCHEMA " + schema).update();
		jdbc.sql("CREATE TABLE " + schema + ".thing (id text PRIMARY KEY, size bigint, tags jsonb, seen timestamptz)")
			.update();
		jdbc.sql("INSERT INTO " + schema + ".thing VALUES ('a', 1, '[\"x\"]', '2026-11-29T00:00:00Z'),"
				+ " ('b', 2, NULL, NULL)").update();
		return schema;
	}
}
