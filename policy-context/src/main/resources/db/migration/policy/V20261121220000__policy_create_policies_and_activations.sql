-- Policies: identities (type:namespace:key, never changed), their variants, the append-only validation history,
-- the activation pointers per scope and the activation history derived from the event log.

CREATE TABLE policy_item (
    policy_id   text        PRIMARY KEY,
    policy_type text        NOT NULL CHECK (length(policy_type) > 0),
    namespace   text        NOT NULL CHECK (length(namespace) > 0),
    policy_key  text        NOT NULL CHECK (length(policy_key) > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (policy_type, namespace, policy_key),
    CHECK (policy_id = policy_type || ':' || namespace || ':' || policy_key)
);

CREATE TABLE policy_variant (
    policy_id      text        NOT NULL REFERENCES policy_item (policy_id),
    variant        text        NOT NULL CHECK (length(btrim(variant)) > 0),
    schema_version text        NOT NULL CHECK (length(btrim(schema_version)) > 0),
    policy_version integer     NOT NULL CHECK (policy_version >= 1),
    status         text        NOT NULL CHECK (status IN ('draft', 'candidate', 'active', 'archived')),
    content        jsonb       NOT NULL CHECK (jsonb_typeof(content) = 'object'),
    content_hash   text        NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    updated_at     timestamptz NOT NULL,
    updated_by     text        NOT NULL,
    version        bigint      NOT NULL DEFAULT 0,
    PRIMARY KEY (policy_id, variant)
);
CREATE INDEX policy_variant_status ON policy_variant (status);
CREATE INDEX policy_variant_latest ON policy_variant (policy_id, policy_version DESC, updated_at DESC);

CREATE TABLE validation_run (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    policy_id    text        NOT NULL,
    variant      text        NOT NULL,
    valid        boolean     NOT NULL,
    errors       jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(errors) = 'array'),
    content_hash text        NOT NULL,
    validated_at timestamptz NOT NULL DEFAULT now(),
    validated_by text        NOT NULL
);
CREATE INDEX validation_run_variant ON validation_run (policy_id, variant, id DESC);

-- The current pointer per scope and policy; client_profile '' is the world-level default.
CREATE TABLE activation (
    world_id         text        NOT NULL REFERENCES world (id),
    client_profile   text        NOT NULL DEFAULT '',
    policy_id        text        NOT NULL,
    variant          text        NOT NULL,
    activated_at     timestamptz NOT NULL,
    activated_by     text        NOT NULL,
    event_sequence   bigint      NOT NULL,
    PRIMARY KEY (world_id, client_profile, policy_id),
    FOREIGN KEY (policy_id, variant) REFERENCES policy_variant (policy_id, variant)
);

-- Every activation (rollbacks included) in log order: a view of the event log kept in the same transaction,
-- indexed for the scope's history and replay.
CREATE TABLE activation_event (
    event_sequence   bigint      PRIMARY KEY,
    world_id         text        NOT NULL,
    client_profile   text        NOT NULL,
    policy_id        text        NOT NULL,
    variant          text        NOT NULL,
    replaced_variant text,
    rollback_of      bigint      REFERENCES activation_event (event_sequence),
    actor            text        NOT NULL,
    created_at       timestamptz NOT NULL
);
CREATE INDEX activation_event_scope ON activation_event (world_id, client_profile, policy_id, event_sequence);
CREATE INDEX activation_event_scope_all ON activation_event (world_id, client_profile, event_sequence);
