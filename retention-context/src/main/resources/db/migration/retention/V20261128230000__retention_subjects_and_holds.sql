-- Retention classes get a mode (as in S3 Object Lock), a checked deletion strategy, a duration in seconds that may
-- be absent (keep forever) and an optimistic version; the shipped classes are kept apart as the baseline that the
-- log's class events apply to, so that every class view can be rebuilt from the log.
DROP TABLE retention_class;

CREATE TABLE retention_class (
    name                     text        PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_]{0,63}$'),
    default_duration_seconds bigint      CHECK (default_duration_seconds > 0),
    deletion_strategy        text        NOT NULL CHECK (deletion_strategy IN ('purge', 'tombstone', 'manual')),
    mode                     text        NOT NULL CHECK (mode IN ('governance', 'compliance')),
    description              text        NOT NULL DEFAULT '',
    created_at               timestamptz NOT NULL,
    created_by               text        NOT NULL CHECK (length(created_by) > 0),
    updated_at               timestamptz NOT NULL,
    updated_by               text        NOT NULL CHECK (length(updated_by) > 0),
    version                  bigint      NOT NULL
);

-- The classes Steward ships, exactly as this migration made them; never changed afterwards.
CREATE TABLE retention_class_shipped (
    name                     text   PRIMARY KEY,
    default_duration_seconds bigint,
    deletion_strategy        text   NOT NULL,
    mode                     text   NOT NULL,
    description              text   NOT NULL
);
REVOKE UPDATE, DELETE, TRUNCATE ON retention_class_shipped FROM CURRENT_USER;

INSERT INTO retention_class_shipped (name, default_duration_seconds, deletion_strategy, mode, description) VALUES
    ('ephemeral', 7 * 86400, 'purge', 'governance', 'Scratch output: kept 7 days, then its bytes are deleted.'),
    ('standard', 90 * 86400, 'purge', 'governance', 'Everyday artifacts: kept 90 days, then their bytes are deleted.'),
    ('long_term', 7 * 365 * 86400, 'tombstone', 'compliance', 'Records kept 7 years that nobody may shorten; then only metadata remains.'),
    ('permanent', NULL, 'manual', 'governance', 'Kept forever; deleted only by hand.'),
    ('publish_run', 365 * 86400, 'tombstone', 'governance', 'Policy publish runs: their export artifact is served for a year.');

INSERT INTO retention_class (name, default_duration_seconds, deletion_strategy, mode, description, created_at,
        created_by, updated_at, updated_by, version)
SELECT name, default_duration_seconds, deletion_strategy, mode, description, now(), 'steward', now(), 'steward', 0
  FROM retention_class_shipped;

-- The retention of one governed subject (a kind and an id): its class, mode and strategy as they were when the
-- default applied, its current expiry (null: never expires), how many holds are active, and whether it is eligible
-- for deletion or already deleted.
CREATE TABLE retention_subject (
    subject_kind      text        NOT NULL CHECK (subject_kind ~ '^[a-z][a-z0-9_]{0,31}$'),
    subject_id        text        NOT NULL CHECK (length(subject_id) BETWEEN 1 AND 200),
    retention_class   text        NOT NULL,
    mode              text        NOT NULL CHECK (mode IN ('governance', 'compliance')),
    deletion_strategy text        NOT NULL CHECK (deletion_strategy IN ('purge', 'tombstone', 'manual')),
    applied_at        timestamptz NOT NULL,
    expires_at        timestamptz,
    active_holds      integer     NOT NULL DEFAULT 0 CHECK (active_holds >= 0),
    eligible          boolean     NOT NULL DEFAULT false,
    eligible_at       timestamptz,
    purged            boolean     NOT NULL DEFAULT false,
    purged_at         timestamptz,
    version           bigint      NOT NULL,
    PRIMARY KEY (subject_kind, subject_id)
);

-- The sweep's index: only subjects that can still become eligible are in it, so a sweep reads the expired ones
-- and nothing else, whatever the table's size.
CREATE INDEX retention_subject_due ON retention_subject (expires_at)
    WHERE NOT eligible AND active_holds = 0 AND expires_at IS NOT NULL;

-- The purge's index: eligible subjects not yet deleted.
CREATE INDEX retention_subject_eligible ON retention_subject (eligible_at, subject_kind, subject_id)
    WHERE eligible AND NOT purged;

-- Holds, active (released_at null) and released; a subject is held while any of its holds is active.
CREATE TABLE retention_hold (
    hold_id        uuid        PRIMARY KEY,
    subject_kind   text        NOT NULL,
    subject_id     text        NOT NULL,
    reason         text        NOT NULL CHECK (length(btrim(reason)) > 0),
    applied_at     timestamptz NOT NULL,
    applied_by     text        NOT NULL,
    released_at    timestamptz,
    released_by    text,
    release_reason text,
    FOREIGN KEY (subject_kind, subject_id) REFERENCES retention_subject (subject_kind, subject_id)
);
CREATE INDEX retention_hold_subject ON retention_hold (subject_kind, subject_id, applied_at);

-- The scheduled sweep's lock, taken with ShedLock (database time, UTC) so that one instance sweeps at a time.
CREATE TABLE shedlock (
    name       varchar(64)  PRIMARY KEY,
    lock_until timestamp    NOT NULL,
    locked_at  timestamp    NOT NULL,
    locked_by  varchar(255) NOT NULL
);
