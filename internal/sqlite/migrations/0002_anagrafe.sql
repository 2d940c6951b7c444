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
-- The registry values travel as one JSON array (dati) and are read through
-- virtual columns: binding one value per row instead of sixteen is what makes
-- a province-sized import fast, and reads see ordinary columns.
CREATE TABLE persone (
    id                   INTEGER PRIMARY KEY,
    comune               TEXT NOT NULL,
    codice_fiscale       TEXT NOT NULL,
    dati                 TEXT NOT NULL,
    row_hash             INTEGER NOT NULL,
    valid_from           TEXT NOT NULL,
    valid_to             TEXT NOT NULL DEFAULT '',
    end_reason           TEXT NOT NULL DEFAULT '',
    import_id            INTEGER NOT NULL,
    line                 INTEGER NOT NULL,
    cognome              TEXT GENERATED ALWAYS AS (dati ->> 0) VIRTUAL,
    nome                 TEXT GENERATED ALWAYS AS (dati ->> 1) VIRTUAL,
    sesso                TEXT GENERATED ALWAYS AS (dati ->> 2) VIRTUAL,
    data_nascita         TEXT GENERATED ALWAYS AS (dati ->> 3) VIRTUAL,
    luogo_nascita        TEXT GENERATED ALWAYS AS (dati ->> 4) VIRTUAL,
    cittadinanza         TEXT GENERATED ALWAYS AS (dati ->> 5) VIRTUAL,
    indirizzo            TEXT GENERATED ALWAYS AS (dati ->> 6) VIRTUAL,
    civico               TEXT GENERATED ALWAYS AS (dati ->> 7) VIRTUAL,
    cap                  TEXT GENERATED ALWAYS AS (dati ->> 8) VIRTUAL,
    codice_famiglia      TEXT GENERATED ALWAYS AS (dati ->> 9) VIRTUAL,
    relazione_parentela  TEXT GENERATED ALWAYS AS (dati ->> 10) VIRTUAL,
    stato_civile         TEXT GENERATED ALWAYS AS (dati ->> 11) VIRTUAL,
    data_iscrizione      TEXT GENERATED ALWAYS AS (dati ->> 12) VIRTUAL,
    motivo_iscrizione    TEXT GENERATED ALWAYS AS (dati ->> 13) VIRTUAL,
    data_cancellazione   TEXT GENERATED ALWAYS AS (dati ->> 14) VIRTUAL,
    motivo_cancellazione TEXT GENERATED ALWAYS AS (dati ->> 15) VIRTUAL
) STRICT;
CREATE INDEX persone_cf ON persone(codice_fiscale);
CREATE INDEX persone_current ON persone(comune, valid_to);
