-- Detection rules as stored for a fleet: the YAML document of each rule id at its current version.
CREATE TABLE rule (
    rule_id    text        PRIMARY KEY CHECK (length(btrim(rule_id)) > 0),
    version    integer     NOT NULL CHECK (version >= 1),
    source     text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text        NOT NULL
);
