-- Social records: accessi (phase A), cartelle (B-E), interventi (D). Rows are
-- upserted by id; row_hash tells an unchanged row from an updated one.
CREATE TABLE accessi (
    id_accesso     TEXT PRIMARY KEY,
    data_accesso   TEXT NOT NULL,
    comune         TEXT NOT NULL,
    sportello      TEXT NOT NULL,
    codice_fiscale TEXT NOT NULL,
    area           TEXT NOT NULL,
    esito          TEXT NOT NULL,
    operatore      TEXT NOT NULL,
    row_hash       BIGINT NOT NULL,
    import_id      BIGINT NOT NULL
);
CREATE INDEX accessi_comune ON accessi(comune, data_accesso);

CREATE TABLE cartelle (
    id_cartella     TEXT PRIMARY KEY,
    codice_fiscale  TEXT NOT NULL,
    comune          TEXT NOT NULL,
    data_apertura   TEXT NOT NULL,
    data_chiusura   TEXT NOT NULL,
    motivo_chiusura TEXT NOT NULL,
    area            TEXT NOT NULL,
    case_manager    TEXT NOT NULL,
    row_hash        BIGINT NOT NULL,
    import_id       BIGINT NOT NULL
);
CREATE INDEX cartelle_comune ON cartelle(comune, codice_fiscale);

CREATE TABLE interventi (
    id_intervento      TEXT PRIMARY KEY,
    id_cartella        TEXT NOT NULL,
    codice_prestazione TEXT NOT NULL,
    carattere          TEXT NOT NULL,
    data_inizio        TEXT NOT NULL,
    data_fine          TEXT NOT NULL,
    importo_mensile    BIGINT,
    data_erogazione    TEXT NOT NULL,
    importo            BIGINT,
    misura             TEXT NOT NULL,
    presa_in_carico    TEXT NOT NULL,
    row_hash           BIGINT NOT NULL,
    import_id          BIGINT NOT NULL
);
CREATE INDEX interventi_cartella ON interventi(id_cartella);
