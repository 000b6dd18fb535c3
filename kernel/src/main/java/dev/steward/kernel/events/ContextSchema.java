package dev.steward.kernel.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How every context migrates its schema: its own scripts from {@code db/migration/<context>} and the kernel's
 * event-log script from {@code db/migration/event-log}, with a Flyway history table of its own in the schema.
 */
public final class ContextSchema {

	private static final Logger LOG = LoggerFactory.getLogger(ContextSchema.class);

	/** Where the kernel's event-log migration lives. */
	public static final String EVENT_LOG_LOCATION = "classpath:db/migration/event-log";

	/** The version of the per-context event-log script that earlier versions of Steward applied. */
	static final String RETIRED_EVENT_LOG_VERSION = "20261121210000";

	private ContextSchema() {}

	/** The Flyway that migrates the context's schema (named like the context). */
	public static Flyway flyway(DataSource dataSource, String context) {
		return Flyway.configure()
			.dataSource(dataSource)
			.schemas(context)
			.defaultSchema(context)
			.createSchemas(true)
			.table("flyway_schema_history")
			.locations("classpath:db/migration/" + context, EVENT_LOG_LOCATION)
			.failOnMissingLocations(true)
			.load();
	}

	/**
	 * Migrates the schema. A schema that an earlier version of Steward migrated has the context's own event-log
	 * script on record; that script now lives in the kernel (and its successor brings such a log up to date), so
	 * its record is retired first and validation stays strict about every other script.
	 */
	public static void migrate(Flyway flyway) {
		String schema = flyway.getConfiguration().getDefaultSchema();
		String history = flyway.getConfiguration().getTable();
		try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
			if (historyExists(connection, schema, history)) {
				try (PreparedStatement retire = connection.prepareStatement("DELETE FROM " + schema + "." + history
						+ " WHERE version = ? AND script = ?")) {
					retire.setString(1, RETIRED_EVENT_LOG_VERSION);
					retire.setString(2, "V" + RETIRED_EVENT_LOG_VERSION + "__" + schema + "_create_event_log.sql");
					if (retire.executeUpdate() > 0) {
						LOG.info("The {} event log's migration moved into the kernel; its earlier record is retired",
								schema);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the " + schema + " schema's migration history", ex);
		}
		flyway.migrate();
	}

	private static boolean historyExists(Connection connection, String schema, String table) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement(
				"SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
			query.setString(1, schema);
			query.setString(2, table);
			try (ResultSet rows = query.executeQuery()) {
				return rows.next();
			}
		}
	}
}
