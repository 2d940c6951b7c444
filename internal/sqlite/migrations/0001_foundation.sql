-- Comuni, Ambiti, referents, audit log and the national reference tables.
CREATE TABLE ambiti (
    nome TEXT PRIMARY KEY
) STRICT;

CREATE TABLE comuni (
    istat         TEXT PRIMARY KEY,
    belfiore      TEXT NOT NULL UNIQUE,
    nome          TEXT NOT NULL,
    nome_fold     TEXT NOT NULL,
    ambito        TEXT NOT NULL REFERENCES ambiti(nome),
    popolazione   INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'not_onboarded'
                  CHECK (status IN ('not_onboarded','active','suspended','left')),
    anagrafe      TEXT NOT NULL DEFAULT '' CHECK (anagrafe IN ('','automatic','manual')),
    onboarded_on  TEXT NOT NULL DEFAULT '',
    offboarded_on TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX comuni_ambito ON comuni(ambito);
CREATE INDEX comuni_fold ON comuni(nome_fold);

CREATE TABLE comune_history (
    id         INTEGER PRIMARY KEY,
    istat      TEXT NOT NULL REFERENCES comuni(istat),
    date       TEXT NOT NULL,
    event      TEXT NOT NULL,
    detail     TEXT NOT NULL,
    actor      TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX comune_history_istat ON comune_history(istat, id);

CREATE TABLE referenti (
    id         INTEGER PRIMARY KEY,
    ambito     TEXT NOT NULL REFERENCES ambiti(nome),
    nome       TEXT NOT NULL,
    email      TEXT NOT NULL,
    phone      TEXT NOT NULL DEFAULT '',
    comune     TEXT REFERENCES comuni(istat),
    valid_from TEXT NOT NULL,
    valid_to   TEXT NOT NULL DEFAULT '',
    CHECK (valid_to = '' OR valid_to >= valid_from)
) STRICT;
-- At most one current referent per Ambito.
CREATE UNIQUE INDEX referenti_current ON referenti(ambito) WHERE valid_to = '';

CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    command   TEXT NOT NULL,
    target    TEXT NOT NULL,
    summary   TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
-- The head records the last entry so that deleting the newest entries is detected.
CREATE TABLE audit_head (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    last_id INTEGER NOT NULL,
    hash    TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TABLE ref_comuni_italia (
    istat           TEXT PRIMARY KEY,
    belfiore        TEXT NOT NULL,
    nome            TEXT NOT NULL,
    sigla_provincia TEXT NOT NULL,
    provincia       TEXT NOT NULL,
    regione         TEXT NOT NULL,
    cap             TEXT NOT NULL
) STRICT;
CREATE INDEX ref_comuni_italia_belfiore ON ref_comuni_italia(belfiore);

CREATE TABLE ref_stati_esteri (
    belfiore          TEXT PRIMARY KEY,
    nome              TEXT NOT NULL,
    attivo            INTEGER NOT NULL,
    data_soppressione TEXT NOT NULL
) STRICT;
