-- Packages of files; the files and the manifest follow with the registry's own migrations.
CREATE TABLE package (
    id         uuid        PRIMARY KEY,
    name       text        NOT NULL CHECK (length(btrim(name)) > 0),
    state      text        NOT NULL CHECK (state IN ('open', 'finalized', 'deleted')),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL
);
