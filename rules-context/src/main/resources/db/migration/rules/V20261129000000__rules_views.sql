-- The rules views, each a projection of the rules event log kept in the appending transaction.
DROP TABLE rule;

-- Each rule in force: its YAML source at its current revision.
CREATE TABLE rule (
    rule_id        text        PRIMARY KEY CHECK (length(rule_id) BETWEEN 1 AND 64),
    rule_version   integer     NOT NULL CHECK (rule_version >= 0),
    name           text        NOT NULL,
    applies_to     text[]      NOT NULL,
    external       boolean     NOT NULL,
    revision       bigint      NOT NULL CHECK (revision >= 1),
    source         text        NOT NULL,
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    event_sequence bigint      NOT NULL
);

-- Every definition a rule id has had, deletions included (source is null for a deletion).
CREATE TABLE rule_revision (
    rule_id        text        NOT NULL,
    revision       bigint      NOT NULL CHECK (revision >= 1),
    rule_version   integer,
    source         text,
    actor          text        NOT NULL,
    changed_at     timestamptz NOT NULL,
    event_sequence bigint      NOT NULL UNIQUE,
    PRIMARY KEY (rule_id, revision)
);

-- The operational state of a rule, when it is not the default (enabled, no expiry).
CREATE TABLE rule_state (
    rule_id        text             PRIMARY KEY,
    state          text             NOT NULL CHECK (state IN ('enabled', 'disabled', 'clipped')),
    confidence_max double precision CHECK (confidence_max BETWEEN 0 AND 1),
    expires_at     timestamptz,
    reason         text,
    set_by         text             NOT NULL,
    set_at         timestamptz      NOT NULL,
    event_sequence bigint           NOT NULL
);

CREATE INDEX rule_state_expires_at ON rule_state (expires_at) WHERE expires_at IS NOT NULL;
