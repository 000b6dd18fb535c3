-- An entry may carry its own time when its payload names it (a finalized package's manifest names the time of its
-- finalize event): the appender takes the counter's lock, reads the database clock and appends with that time in
-- the same transaction. The trigger accepts such a time only if it is no earlier than the entry before it and no
-- later than now, so that times never go back along the sequence; an entry without one is stamped as before.

ALTER TABLE event_log ALTER COLUMN created_at DROP DEFAULT;

CREATE OR REPLACE FUNCTION event_log_append() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    previous text;
    previous_at timestamptz;
BEGIN
    IF NEW.payload_digest IS DISTINCT FROM encode(sha256(NEW.payload), 'hex') THEN
        RAISE EXCEPTION 'payload_digest % is not the SHA-256 of the payload', NEW.payload_digest
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE ${flyway:defaultSchema}.event_log_counter SET last_sequence = last_sequence + 1 WHERE id
        RETURNING last_sequence INTO NEW.sequence;
    IF NEW.sequence = 1 THEN
        previous := repeat('0', 64);
        previous_at := '-infinity';
    ELSE
        SELECT chain_hash, created_at INTO previous, previous_at
          FROM ${flyway:defaultSchema}.event_log WHERE sequence = NEW.sequence - 1;
        IF previous IS NULL THEN
            RAISE EXCEPTION 'the ${flyway:defaultSchema} event log has no entry % to chain entry % to',
                NEW.sequence - 1, NEW.sequence USING ERRCODE = 'data_corrupted';
        END IF;
    END IF;
    IF NEW.created_at IS NULL THEN
        NEW.created_at := clock_timestamp();
    ELSIF NEW.created_at < previous_at OR NEW.created_at > clock_timestamp() THEN
        RAISE EXCEPTION 'entry % of the ${flyway:defaultSchema} event log may not carry the time %: it must lie between the previous entry''s (%) and now',
            NEW.sequence, NEW.created_at, previous_at USING ERRCODE = 'check_violation';
    END IF;
    NEW.chain_hash := ${flyway:defaultSchema}.event_log_chain_link(previous, NEW.sequence, NEW.event_id, NEW.type,
        NEW.subject_kind, NEW.subject_id, NEW.actor, NEW.payload_digest, NEW.created_at);
    RETURN NEW;
END
$$;
