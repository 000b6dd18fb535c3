-- Publish runs: the effective policies of a scope frozen into a manifest, stored exactly as it was hashed. The
-- v1.policy.published event appended in the same transaction names the run (subject_id = id).

CREATE TABLE publish_run (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    world_id       text        NOT NULL REFERENCES world (id),
    client_profile text        NOT NULL DEFAULT '',
    actor          text        NOT NULL CHECK (length(actor) > 0),
    manifest       jsonb       NOT NULL CHECK (jsonb_typeof(manifest) = 'object'),
    manifest_hash  text        NOT NULL CHECK (manifest_hash ~ '^[0-9a-f]{64}$'),
    created_at     timestamptz NOT NULL
);
-- Newest first, per world and per scope.
CREATE INDEX publish_run_world ON publish_run (world_id, id DESC);
CREATE INDEX publish_run_scope ON publish_run (world_id, client_profile, id DESC);
