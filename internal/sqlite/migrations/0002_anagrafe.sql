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
-- The registry values travel as one JSON array (dati), read through the view
-- persone_v: binding one value per row instead of sixteen is what makes a
-- province-sized import fast. (Generated columns would not do: SQLite
-- computes them on every insert.)
CREATE TABLE persone (
    id                   INTEGER PRIMARY KEY,
    comune               TEXT NOT NULL,
    codice_fiscale       TEXT NOT NULL,
    dati                 TEXT NOT NULL,
    -- Also kept as columns: household rules group by them.
    codice_famiglia      TEXT NOT NULL DEFAULT '',
    relazione_parentela  TEXT NOT NULL DEFAULT '',
    row_hash             INTEGER NOT NULL,
    valid_from           TEXT NOT NULL,
    valid_to             TEXT NOT NULL DEFAULT '',
    end_reason           TEXT NOT NULL DEFAULT '',
    import_id            INTEGER NOT NULL,
    line                 INTEGER NOT NULL
) STRICT;
CREATE VIEW persone_v AS SELECT p.*,
    dati ->> 0 AS cognome,
    dati ->> 1 AS nome,
    dati ->> 2 AS sesso,
    dati ->> 3 AS data_nascita,
    dati ->> 4 AS luogo_nascita,
    dati ->> 5 AS cittadinanza,
    dati ->> 6 AS indirizzo,
    dati ->> 7 AS civico,
    dati ->> 8 AS cap,
    dati ->> 11 AS stato_civile,
    dati ->> 12 AS data_iscrizione,
    dati ->> 13 AS motivo_iscrizione,
    dati ->> 14 AS data_cancellazione,
    dati ->> 15 AS motivo_cancellazione
FROM persone p;
-- One index serves every lookup by person: history (by CF), closing a
-- current version (CF, Comune, current) and, read whole, the load of a
-- Comune's current residents with their hashes before an update.
CREATE INDEX persone_cf ON persone(codice_fiscale, comune, valid_to, row_hash);
