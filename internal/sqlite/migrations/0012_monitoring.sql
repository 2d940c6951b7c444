-- The registers of the plan's process indicators (issue 14): events
-- (meetings, courses, working groups), the CSI platform's operator
-- accounts, and the interoperability channels with their dated statuses.
-- Versions 0010 and 0011 belong to other changes; the runner applies
-- whatever is pending, in order.

-- Ambiti and Comuni are lists of canonical names and ISTAT codes joined by
-- ',' (the registers are small and read whole); per_ruolo is a JSON object.
CREATE TABLE eventi (
    id             INTEGER PRIMARY KEY,
    tipo           TEXT NOT NULL CHECK (tipo IN ('incontro_istituzionale','corso_assistenti_sociali',
                       'corso_amministrativi','formazione_debiti','tavolo_linee_guida','altro')),
    data           TEXT NOT NULL,
    titolo         TEXT NOT NULL DEFAULT '',
    ambiti         TEXT NOT NULL,
    comuni         TEXT NOT NULL DEFAULT '',
    partecipanti   INTEGER NOT NULL CHECK (partecipanti >= 0),
    per_ruolo      TEXT NOT NULL DEFAULT '{}',
    accreditamento TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL
) STRICT;
CREATE INDEX eventi_data ON eventi(data);

-- The current accounts (replaced by each import) under a pseudonymous
-- code; no name is stored.
CREATE TABLE operatori (
    comune         TEXT NOT NULL REFERENCES comuni(istat),
    codice         TEXT NOT NULL,
    ruolo          TEXT NOT NULL,
    ultimo_accesso TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (comune, codice)
) STRICT;

-- Every last-access day an import recorded, kept across imports: who was
-- active in a period.
CREATE TABLE operatori_accessi (
    comune TEXT NOT NULL REFERENCES comuni(istat),
    codice TEXT NOT NULL,
    giorno TEXT NOT NULL,
    PRIMARY KEY (comune, codice, giorno)
) STRICT;
CREATE INDEX operatori_accessi_giorno ON operatori_accessi(giorno);

CREATE TABLE canali (
    id          INTEGER PRIMARY KEY,
    controparte TEXT NOT NULL CHECK (controparte IN ('isee_inps','gepi','anagrafe_sanitaria_ats',
                    'protocollo_comunale','agenzia_entrate','anpr','altro')),
    descrizione TEXT NOT NULL DEFAULT '',
    ambito      TEXT NOT NULL DEFAULT '',
    comune      TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE canali_stati (
    id     INTEGER PRIMARY KEY,
    canale INTEGER NOT NULL REFERENCES canali(id),
    stato  TEXT NOT NULL CHECK (stato IN ('richiesto','autorizzato','in_test','attivo','sospeso')),
    data   TEXT NOT NULL,
    note   TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX canali_stati_canale ON canali_stati(canale, data, id);
