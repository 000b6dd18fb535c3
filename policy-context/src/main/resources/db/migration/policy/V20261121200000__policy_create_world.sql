-- Worlds: the top-level scope that policies are activated in.
CREATE TABLE world (
    id          text        PRIMARY KEY CHECK (length(btrim(id)) > 0 AND length(id) <= 128),
    name        text        NOT NULL CHECK (length(btrim(name)) > 0),
    description text        NOT NULL DEFAULT '',
    active      boolean     NOT NULL DEFAULT true,
    config      jsonb       NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(config) = 'object'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text        NOT NULL,
    version     bigint      NOT NULL DEFAULT 0
);
