-- A context's append-only, hash-chained event log. One script for every context: Flyway runs it in the
-- context's schema (${flyway:defaultSchema}). It creates the log on a new database and brings a log made by an
-- earlier version of Steward up to date, chaining the rows it already holds.
--
-- Order: a BEFORE INSERT trigger takes the next sequence from a single counter row; the row lock is held until
-- the appending transaction commits, so sequence n+1 cannot commit before n and readers never skip one.
-- Integrity: the same trigger checks payload_digest against the payload, stamps created_at from the database
-- clock and sets chain_hash = SHA-256(previous chain_hash || sequence || event_id || type || subject_kind ||
-- subject_id || actor || payload_digest || created_at), each text as its UTF-8 length (4 bytes) and bytes.
-- Doorbell: an AFTER INSERT trigger calls pg_notify('steward_events', '<schema>:<sequence>'), delivered at commit.
-- Append-only: UPDATE, DELETE and TRUNCATE are refused on the log and on its counter, by trigger and by privilege.

CREATE TABLE IF NOT EXISTS event_log_counter (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_sequence bigint  NOT NULL
);
INSERT INTO event_log_counter (id, last_sequence) VALUES (true, 0) ON CONFLICT (id) DO NOTHING;

CREATE TABLE IF NOT EXISTS event_log (
    sequence        bigint      PRIMARY KEY,
    event_id        uuid        NOT NULL UNIQUE,
    type            text        NOT NULL CHECK (type ~ '^v[0-9]+\.[a-z_]+\.[a-z_]+$'),
    subject_kind    text        NOT NULL CHECK (length(subject_kind) > 0),
    subject_id      text        NOT NULL CHECK (length(subject_id) > 0),
    actor           text        NOT NULL CHECK (length(actor) > 0),
    payload         bytea       NOT NULL,
    payload_digest  text        NOT NULL CHECK (payload_digest ~ '^[0-9a-f]{64}$'),
    idempotency_key text        UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS event_log_subject ON event_log (subject_kind, subject_id, sequence);
ALTER TABLE event_log ADD COLUMN IF NOT EXISTS chain_hash text;

DROP TRIGGER IF EXISTS event_log_sequence ON event_log;
DROP TRIGGER IF EXISTS event_log_doorbell ON event_log;
DROP TRIGGER IF EXISTS event_log_append_only ON event_log;
DROP TRIGGER IF EXISTS event_log_no_truncate ON event_log;
DROP FUNCTION IF EXISTS event_log_assign_sequence();

-- one link of the chain; the verification in Java computes the same bytes independently
CREATE OR REPLACE FUNCTION event_log_chain_link(previous text, sequence bigint, event_id uuid, type text,
        subject_kind text, subject_id text, actor text, payload_digest text, created_at timestamptz)
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT encode(sha256(
        decode(previous, 'hex')
        || int8send(sequence)
        || uuid_send(event_id)
        || int4send(octet_length(convert_to(type, 'UTF8'))) || convert_to(type, 'UTF8')
        || int4send(octet_length(convert_to(subject_kind, 'UTF8'))) || convert_to(subject_kind, 'UTF8')
        || int4send(octet_length(convert_to(subject_id, 'UTF8'))) || convert_to(subject_id, 'UTF8')
        || int4send(octet_length(convert_to(actor, 'UTF8'))) || convert_to(actor, 'UTF8')
        || decode(payload_digest, 'hex')
        || int8send((extract(epoch FROM created_at) * 1000000)::bigint)
    ), 'hex')
$$;

-- chain the rows an earlier version appended, in sequence order
DO $$
DECLARE
    previous text := repeat('0', 64);
    entry record;
BEGIN
    FOR entry IN SELECT * FROM ${flyway:defaultSchema}.event_log WHERE chain_hash IS NULL ORDER BY sequence LOOP
        SELECT coalesce((SELECT chain_hash FROM ${flyway:defaultSchema}.event_log WHERE sequence = entry.sequence - 1),
                        repeat('0', 64)) INTO previous;
        UPDATE ${flyway:defaultSchema}.event_log
           SET chain_hash = ${flyway:defaultSchema}.event_log_chain_link(previous, entry.sequence, entry.event_id,
                   entry.type, entry.subject_kind, entry.subject_id, entry.actor, entry.payload_digest, entry.created_at)
         WHERE sequence = entry.sequence;
    END LOOP;
END
$$;

ALTER TABLE event_log ALTER COLUMN chain_hash SET NOT NULL;
ALTER TABLE event_log DROP CONSTRAINT IF EXISTS event_log_chain_hash_hex;
ALTER TABLE event_log ADD CONSTRAINT event_log_chain_hash_hex CHECK (chain_hash ~ '^[0-9a-f]{64}$');

CREATE OR REPLACE FUNCTION event_log_append() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous text;
BEGIN
    IF NEW.payload_digest IS DISTINCT FROM encode(sha256(NEW.payload), 'hex') THEN
        RAISE EXCEPTION 'payload_digest % is not the SHA-256 of the payload', NEW.payload_digest
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE ${flyway:defaultSchema}.event_log_counter SET last_sequence = last_sequence + 1 WHERE id
        RETURNING last_sequence INTO NEW.sequence;
    IF NEW.sequence = 1 THEN
        previous := repeat('0', 64);
    ELSE
        SELECT chain_hash INTO previous FROM ${flyway:defaultSchema}.event_log WHERE sequence = NEW.sequence - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'the ${flyway:defaultSchema} event log has no entry % to chain entry % to',
                NEW.sequence - 1, NEW.sequence USING ERRCODE = 'data_corrupted';
        END IF;
    END IF;
    NEW.created_at := clock_timestamp();
    NEW.chain_hash := ${flyway:defaultSchema}.event_log_chain_link(previous, NEW.sequence, NEW.event_id, NEW.type,
        NEW.subject_kind, NEW.subject_id, NEW.actor, NEW.payload_digest, NEW.created_at);
    RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION event_log_ring_doorbell() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('steward_events', '${flyway:defaultSchema}:' || NEW.sequence);
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION event_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ${flyway:defaultSchema} event log is append-only' USING ERRCODE = 'restrict_violation';
END
$$;

-- the counter moves only from the append trigger, and only by one
CREATE OR REPLACE FUNCTION event_log_counter_guard() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND NEW.id AND NEW.last_sequence = OLD.last_sequence + 1 THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the ${flyway:defaultSchema} event log counter moves only when an event is appended'
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER event_log_append BEFORE INSERT ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_append();
CREATE TRIGGER event_log_doorbell AFTER INSERT ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_ring_doorbell();
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();
CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();
DROP TRIGGER IF EXISTS event_log_counter_guard ON event_log_counter;
DROP TRIGGER IF EXISTS event_log_counter_no_truncate ON event_log_counter;
CREATE TRIGGER event_log_counter_guard BEFORE INSERT OR UPDATE OR DELETE ON event_log_counter
    FOR EACH ROW EXECUTE FUNCTION event_log_counter_guard();
CREATE TRIGGER event_log_counter_no_truncate BEFORE TRUNCATE ON event_log_counter
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();

-- the role Steward connects as may read and append, nothing else, even where it owns the tables
REVOKE UPDATE, DELETE, TRUNCATE ON event_log FROM PUBLIC;
REVOKE UPDATE, DELETE, TRUNCATE ON event_log FROM CURRENT_USER;
REVOKE DELETE, TRUNCATE ON event_log_counter FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON event_log_counter FROM CURRENT_USER;
