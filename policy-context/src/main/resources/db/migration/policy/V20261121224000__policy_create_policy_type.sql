-- Policy types registered at runtime, each with the JSON Schema its variants' content must satisfy.
-- The ten built-in types are defined in code and never stored here.
CREATE TABLE policy_type (
    name          text        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,63}$'),
    layer         text        NOT NULL CHECK (layer IN ('content', 'composite', 'runtime_bundle')),
    json_schema   jsonb       NOT NULL CHECK (jsonb_typeof(json_schema) = 'object'),
    registered_at timestamptz NOT NULL DEFAULT now(),
    registered_by text        NOT NULL CHECK (length(btrim(registered_by)) > 0)
);
