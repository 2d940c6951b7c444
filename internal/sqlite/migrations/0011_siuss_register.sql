-- The register of the debiti informativi: every SIUSS flow csi produced
-- (PS-PSA-SINA or SINBA), the records it carries, its state and INPS's
-- outcomes. A flow goes ready -> acquired (INPS fetched it over WaaS) ->
-- OK | DATI_NON_TROVATI | RICHIESTA_INVALIDA | ERRORE_GENERICO. Its XML is
-- kept: WaaS serves it from here and a cancellation is built from it.
CREATE TABLE siuss_flussi (
    id              TEXT PRIMARY KEY,
    tipo            TEXT NOT NULL CHECK (tipo IN ('PS','SINBA')),
    ente            TEXT NOT NULL,
    comune          TEXT NOT NULL,
    mode            TEXT NOT NULL CHECK (mode IN ('waas','upload')),
    operazione      TEXT NOT NULL CHECK (operazione IN ('I','C')),
    annulla         TEXT NOT NULL DEFAULT '',
    ts_ms           INTEGER NOT NULL UNIQUE,
    day             TEXT NOT NULL,
    counter         INTEGER NOT NULL,
    sha256          TEXT NOT NULL,
    contenuto       BLOB NOT NULL,
    voci            INTEGER NOT NULL,
    stato           TEXT NOT NULL DEFAULT 'ready' CHECK (stato IN
                    ('ready','acquired','OK','DATI_NON_TROVATI','RICHIESTA_INVALIDA','ERRORE_GENERICO')),
    esito           TEXT NOT NULL DEFAULT '',
    id_acquisizione TEXT NOT NULL DEFAULT '',
    periodo_da      TEXT NOT NULL,
    periodo_a       TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    acquired_at     TEXT NOT NULL DEFAULT '',
    esito_at        TEXT NOT NULL DEFAULT '',
    actor           TEXT NOT NULL,
    UNIQUE (ente, tipo, day, counter)
) STRICT;
CREATE INDEX siuss_flussi_ente_ts ON siuss_flussi(ente, ts_ms);
CREATE INDEX siuss_flussi_comune_day ON siuss_flussi(comune, day);

-- What each flow carries: an intervento's piece of one calendar year (PS)
-- or a child's SINBA record (anno 0), with the hash of the record as sent.
CREATE TABLE siuss_voci (
    flusso   TEXT NOT NULL REFERENCES siuss_flussi(id),
    comune   TEXT NOT NULL,
    record   TEXT NOT NULL,
    anno     INTEGER NOT NULL,
    row_hash INTEGER NOT NULL,
    PRIMARY KEY (flusso, comune, record, anno)
) STRICT;
CREATE INDEX siuss_voci_record ON siuss_voci(comune, record, anno);

-- The daily counter of each ente and flow type: the last number given.
CREATE TABLE siuss_contatori (
    ente   TEXT NOT NULL,
    tipo   TEXT NOT NULL,
    day    TEXT NOT NULL,
    ultimo INTEGER NOT NULL,
    PRIMARY KEY (ente, tipo, day)
) STRICT;

-- The last millisecond timestamp given to a flow: every flow gets a later
-- one, so that INPS's cursor (flows strictly after a timestamp) never
-- skips one. The export locks this row for its whole transaction.
CREATE TABLE siuss_orologio (
    one     INTEGER PRIMARY KEY CHECK (one = 1),
    last_ts INTEGER NOT NULL
) STRICT;
INSERT INTO siuss_orologio(one, last_ts) VALUES (1, 0);

-- Every outcome received (from a file or from WaaS), also for a flow the
-- register does not know (noto = 0); the same outcome twice is one row.
CREATE TABLE siuss_esiti (
    id              INTEGER PRIMARY KEY,
    id_flusso       TEXT NOT NULL,
    codice_esito    TEXT NOT NULL CHECK (codice_esito IN ('OK','DATI_NON_TROVATI','RICHIESTA_INVALIDA','ERRORE_GENERICO')),
    descrizione     TEXT NOT NULL,
    id_acquisizione TEXT NOT NULL,
    ts_acquisizione TEXT NOT NULL,
    fonte           TEXT NOT NULL,
    noto            INTEGER NOT NULL,
    received_at     TEXT NOT NULL,
    UNIQUE (id_flusso, codice_esito, descrizione, id_acquisizione)
) STRICT;
