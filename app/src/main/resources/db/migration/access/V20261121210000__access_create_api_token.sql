-- API tokens that Steward issues. Only the SHA-256 of a token is stored; the token itself is shown once.
CREATE TABLE api_token (
    id           uuid        PRIMARY KEY,
    name         text        NOT NULL CHECK (length(btrim(name)) > 0 AND length(name) <= 200),
    role         text        NOT NULL CHECK (role IN ('viewer', 'author', 'operator', 'admin')),
    token_hash   text        NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    token_prefix text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    created_by   text        NOT NULL,
    revoked_at   timestamptz,
    revoked_by   text,
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
