-- Social records are keyed by Comune and id: municipal software numbers
-- cartelle (and accessi, interventi) per Comune, so id 7 exists in many
-- Comuni, and an upsert by id alone moved Monza's cartella 7 to Desio.
-- An intervento gets the Comune of its cartella (the file may name it in a
-- comune column; otherwise the import resolves it from the cartella id);
-- the existing ones take their cartella's, '' when it does not exist.
-- The tables are rebuilt as in the SQLite store so that their columns come
-- in the same order in both engines.
CREATE TABLE accessi_old AS SELECT * FROM accessi;
DROP TABLE accessi;
CREATE TABLE accessi (
    id_accesso     TEXT NOT NULL,
    data_accesso   TEXT NOT NULL,
    comune         TEXT NOT NULL,
    sportello      TEXT NOT NULL,
    codice_fiscale TEXT NOT NULL,
    area           TEXT NOT NULL,
    esito          TEXT NOT NULL,
    operatore      TEXT NOT NULL,
    row_hash       BIGINT NOT NULL,
    import_id      BIGINT NOT NULL,
    PRIMARY KEY (comune, id_accesso)
);
INSERT INTO accessi SELECT id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito,
    operatore, row_hash, import_id FROM accessi_old;
DROP TABLE accessi_old;
CREATE INDEX accessi_comune ON accessi(comune, data_accesso);

CREATE TABLE cartelle_old AS SELECT * FROM cartelle;
DROP TABLE cartelle;
CREATE TABLE cartelle (
    id_cartella     TEXT NOT NULL,
    codice_fiscale  TEXT NOT NULL,
    comune          TEXT NOT NULL,
    data_apertura   TEXT NOT NULL,
    data_chiusura   TEXT NOT NULL,
    motivo_chiusura TEXT NOT NULL,
    area            TEXT NOT NULL,
    case_manager    TEXT NOT NULL,
    row_hash        BIGINT NOT NULL,
    import_id       BIGINT NOT NULL,
    PRIMARY KEY (comune, id_cartella)
);
INSERT INTO cartelle SELECT id_cartella, codice_fiscale, comune, data_apertura, data_chiusura,
    motivo_chiusura, area, case_manager, row_hash, import_id FROM cartelle_old;
DROP TABLE cartelle_old;
CREATE INDEX cartelle_comune ON cartelle(comune, codice_fiscale);
CREATE INDEX cartelle_id ON cartelle(id_cartella);

CREATE TABLE interventi_old AS SELECT * FROM interventi;
DROP TABLE interventi;
CREATE TABLE interventi (
    id_intervento      TEXT NOT NULL,
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
    comune             TEXT NOT NULL,
    row_hash           BIGINT NOT NULL,
    import_id          BIGINT NOT NULL,
    PRIMARY KEY (comune, id_intervento)
);
INSERT INTO interventi SELECT i.id_intervento, i.id_cartella, i.codice_prestazione, i.carattere,
    i.data_inizio, i.data_fine, i.importo_mensile, i.data_erogazione, i.importo, i.misura, i.presa_in_carico,
    coalesce(c.comune, ''), i.row_hash, i.import_id
    FROM interventi_old i LEFT JOIN cartelle c ON c.id_cartella = i.id_cartella;
DROP TABLE interventi_old;
CREATE INDEX interventi_cartella ON interventi(comune, id_cartella);
