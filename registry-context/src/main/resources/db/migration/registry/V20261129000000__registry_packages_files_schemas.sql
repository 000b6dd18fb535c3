-- The registry's views, all derived from its event log: packages, their files, where each file's bytes are stored,
-- and the metadata schemas packages may be checked against. The first migration's package table held nothing and
-- is replaced.
DROP TABLE package;

CREATE TABLE metadata_schema (
    id          uuid        PRIMARY KEY,
    slug        text        NOT NULL UNIQUE,
    json_schema jsonb       NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

CREATE TABLE package (
    id                  uuid        PRIMARY KEY,
    name                text        NOT NULL,
    producer            text        NOT NULL,
    subject             text        NOT NULL,
    retention_class     text        NOT NULL,
    metadata            jsonb       NOT NULL,
    metadata_schema_id  uuid        REFERENCES metadata_schema (id),
    status              text        NOT NULL CHECK (status IN ('created', 'finalized', 'purged')),
    manifest_digest     text,
    manifest_cbor       bytea,
    created_at          timestamptz NOT NULL,
    created_by          text        NOT NULL,
    finalized_at        timestamptz,
    purged_at           timestamptz,
    last_event_sequence bigint      NOT NULL DEFAULT 0
);

CREATE INDEX package_listing ON package (created_at, id);
CREATE INDEX package_producer ON package (producer, created_at, id);
CREATE INDEX package_metadata ON package USING gin (metadata jsonb_path_ops);

CREATE TABLE package_file (
    id                 uuid        PRIMARY KEY,
    package_id         uuid        NOT NULL REFERENCES package (id),
    relative_path      text        NOT NULL,
    media_type         text        NOT NULL,
    size_bytes         bigint      NOT NULL CHECK (size_bytes >= 0),
    digest_algorithm   text        NOT NULL,
    digest_primary_hex text        NOT NULL,
    digest_sha256_hex  text        NOT NULL,
    content_address    text        NOT NULL,
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    CONSTRAINT package_file_path_unique UNIQUE (package_id, relative_path)
);

CREATE INDEX package_file_content ON package_file (content_address);

CREATE TABLE storage_location (
    id              uuid        PRIMARY KEY,
    file_id         uuid        NOT NULL UNIQUE REFERENCES package_file (id),
    backend_id      text        NOT NULL,
    content_address text        NOT NULL,
    object_key      text        NOT NULL,
    retrieval_tier  text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('recorded', 'verified', 'failed', 'purged')),
    verified_at     timestamptz,
    mismatch        text
);

CREATE INDEX storage_location_object ON storage_location (backend_id, object_key);
