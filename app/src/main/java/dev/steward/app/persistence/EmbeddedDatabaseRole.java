package dev.steward.app.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The role Steward connects to its embedded PostgreSQL as: {@value #ROLE}, a login role that owns Steward's
 * schemas and everything in them but is not a superuser, so that it cannot switch off the event logs' triggers
 * for a session or act as another role. Made by the server's superuser at each start: created when missing,
 * and given what an earlier version of Steward made as the superuser.
 */
final class EmbeddedDatabaseRole {

	static final String ROLE = "steward";

	static final List<String> SCHEMAS = List.of("access", "policy", "rules", "registry", "retention");

	private EmbeddedDatabaseRole() {}

	static void prepare(EmbeddedPostgres postgres) {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					DO $$
					BEGIN
					    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
					        CREATE ROLE %1$s LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
					    END IF;
					END
					$$""".formatted(ROLE));
			statement.execute("GRANT CONNECT, CREATE ON DATABASE postgres TO " + ROLE);
			statement.execute("""
					DO $$
					DECLARE
					    schema_name text;
					    object record;
					BEGIN
					    FOREACH schema_name IN ARRAY ARRAY['%2$s'] LOOP
					        CONTINUE WHEN NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = schema_name);
					        EXECUTE format('ALTER SCHEMA %%I OWNER TO %1$s', schema_name);
					        FOR object IN
					            SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					             WHERE n.nspname = schema_name AND c.relkind IN ('r', 'p', 'v', 'm')
					               AND pg_get_userbyid(c.relowner) <> '%1$s'
					        LOOP
					            EXECUTE format('ALTER %%s %%I.%%I OWNER TO %1$s',
					                CASE object.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
					                schema_name, object.relname);
					        END LOOP;
					        FOR object IN
					            SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
					             WHERE n.nspname = schema_name AND pg_get_userbyid(p.proowner) <> '%1$s'
					        LOOP
					            EXECUTE format('ALTER ROUTINE %%s OWNER TO %1$s', object.signature);
					        END LOOP;
					    END LOOP;
					END
					$$""".formatted(ROLE, String.join("','", SCHEMAS)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare the role " + ROLE + " in the embedded PostgreSQL", ex);
		}
	}
}
