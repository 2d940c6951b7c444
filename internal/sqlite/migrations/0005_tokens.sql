-- API tokens for csi serve, and the request columns of the audit log.
-- Only the SHA-256 of a token's secret is stored: the secret is shown once.
CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    role         TEXT NOT NULL CHECK (role IN ('coordinator','referent','operator','viewer')),
    ambito       TEXT REFERENCES ambiti(nome),
    comune       TEXT REFERENCES comuni(istat),
    hash         TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    expires      TEXT NOT NULL DEFAULT '',
    revoked_at   TEXT NOT NULL DEFAULT '',
    last_used_at TEXT NOT NULL DEFAULT '',
    CHECK ((role = 'referent') = (ambito IS NOT NULL)),
    CHECK ((role = 'operator') = (comune IS NOT NULL))
) STRICT;

-- Who called the API: the remote address and the request id. They are
-- empty for local commands; the hash chain covers them when they are set.
ALTER TABLE audit ADD COLUMN remote TEXT NOT NULL DEFAULT '';
ALTER TABLE audit ADD COLUMN request_id TEXT NOT NULL DEFAULT '';
