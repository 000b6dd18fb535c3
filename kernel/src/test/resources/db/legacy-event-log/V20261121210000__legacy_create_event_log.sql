-- The event-log migration as each context carried it before the kernel took it over, for the test that
-- migrates such a log forward.
-- A context's append-only event log: the source of truth that views are derived from and that
-- subscribers tail by sequence.
--
-- Sequences are gapless and become visible strictly in order, even with concurrent writers: a BEFORE INSERT
-- trigger takes the next number from a single counter row, and the row lock it takes is held until the
-- appending transaction commits, so sequence n+1 cannot commit before n. An AFTER INSERT trigger rings the
-- doorbell (pg_notify, delivered at commit) so that listeners read what is new at once.

CREATE TABLE event_log_counter (
    id            boolean PRIMARY KEY DEFAULT true CHECK (id),
    last_sequence bigint  NOT NULL
);
INSERT INTO event_log_counter (id, last_sequence) VALUES (true, 0);

CREATE TABLE event_log (
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
CREATE INDEX event_log_subject ON event_log (subject_kind, subject_id, sequence);

CREATE FUNCTION event_log_assign_sequence() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    UPDATE legacy.event_log_counter SET last_sequence = last_sequence + 1 WHERE id
        RETURNING last_sequence INTO NEW.sequence;
    NEW.created_at := clock_timestamp();
    RETURN NEW;
END
$$;

CREATE FUNCTION event_log_ring_doorbell() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('steward_events', 'legacy:' || NEW.sequence);
    RETURN NULL;
END
$$;

CREATE FUNCTION event_log_refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the legacy event log is append-only' USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER event_log_sequence BEFORE INSERT ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_assign_sequence();
CREATE TRIGGER event_log_doorbell AFTER INSERT ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_ring_doorbell();
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
    FOR EACH ROW EXECUTE FUNCTION event_log_refuse_change();
CREATE TRIGGER event_log_no_truncate BEFORE TRUNCATE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_refuse_change();
