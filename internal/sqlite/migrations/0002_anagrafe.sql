-- The registry: every version of every person, never deleted, and the import log.
CREATE TABLE imports (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    comune      TEXT NOT NULL DEFAULT '',
    file        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    mode        TEXT NOT NULL,
    as_of       TEXT NOT NULL DEFAULT '',
    dialect     TEXT NOT NULL,
    rows_read   INTEGER NOT NULL,
    inserted    INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    closed      INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    at          TEXT NOT NULL,
    duration_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX imports_comune ON imports(kind, comune, id);
CREATE INDEX imports_sha ON imports(sha256);

-- One row per version of a person in a Comune. A version is valid on day D
-- when valid_from <= D and (valid_to = '' or valid_to > D); valid_to = ''
-- marks the current version. end_reason says why a version ended:
-- 'changed' (a newer version follows), 'absent' (missing from a snapshot),
-- 'cancelled' (data_cancellazione in the extract).
CREATE TABLE persone (
    id                   INTEGER PRIMARY KEY,
    comune               TEXT NOT NULL,
    codice_fiscale       TEXT NOT NULL,
    cognome              TEXT NOT NULL,
    nome                 TEXT NOT NULL,
    sesso                TEXT NOT NULL,
    data_nascita         TEXT NOT NULL,
    luogo_nascita        TEXT NOT NULL,
    cittadinanza         TEXT NOT NULL,
    indirizzo            TEXT NOT NULL,
    civico               TEXT NOT NULL,
    cap                  TEXT NOT NULL,
    codice_famiglia      TEXT NOT NULL,
    relazione_parentela  TEXT NOT NULL,
    stato_civile         TEXT NOT NULL,
    data_iscrizione      TEXT NOT NULL,
    motivo_iscrizione    TEXT NOT NULL,
    data_cancellazione   TEXT NOT NULL,
    motivo_cancellazione TEXT NOT NULL,
    row_hash             INTEGER NOT NULL,
    valid_from           TEXT NOT NULL,
    valid_to             TEXT NOT NULL DEFAULT '',
    end_reason           TEXT NOT NULL DEFAULT '',
    import_id            INTEGER NOT NULL,
    line                 INTEGER NOT NULL
) STRICT;
CREATE INDEX persone_cf ON persone(codice_fiscale);
CREATE INDEX persone_current ON persone(comune, valid_to);
