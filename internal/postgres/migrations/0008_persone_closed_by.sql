-- Which import closed a version (0: none, or an import made before this
-- column): `csi anagrafe revert` reopens exactly the versions the reverted
-- import closed. The partial index holds only closed versions, so an
-- import's inserts do not maintain it.
ALTER TABLE persone ADD COLUMN closed_by BIGINT NOT NULL DEFAULT 0;
CREATE INDEX persone_closed_by ON persone(closed_by) WHERE closed_by != 0;
-- PostgreSQL expands p.* when a view is created (SQLite when it is read):
-- rebuild persone_v so that it has closed_by too, in the same place.
DROP VIEW persone_v;
CREATE VIEW persone_v AS SELECT p.*,
    p.dati::json ->> 0 AS cognome,
    p.dati::json ->> 1 AS nome,
    p.dati::json ->> 2 AS sesso,
    p.dati::json ->> 3 AS data_nascita,
    p.dati::json ->> 4 AS luogo_nascita,
    p.dati::json ->> 5 AS cittadinanza,
    p.dati::json ->> 6 AS indirizzo,
    p.dati::json ->> 7 AS civico,
    p.dati::json ->> 8 AS cap,
    p.dati::json ->> 11 AS stato_civile,
    p.dati::json ->> 12 AS data_iscrizione,
    p.dati::json ->> 13 AS motivo_iscrizione,
    p.dati::json ->> 14 AS data_cancellazione,
    p.dati::json ->> 15 AS motivo_cancellazione
FROM persone p;
