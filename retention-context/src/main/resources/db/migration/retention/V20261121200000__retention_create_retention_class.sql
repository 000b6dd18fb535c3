-- Retention classes: how long a governed subject is kept by default and how it is deleted.
CREATE TABLE retention_class (
    name              text        PRIMARY KEY CHECK (length(btrim(name)) > 0),
    default_duration  interval    NOT NULL CHECK (default_duration > interval '0'),
    deletion_strategy text        NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    created_by        text        NOT NULL
);
