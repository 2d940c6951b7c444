-- The SIUSS flows to INPS (debiti informativi): the interventi gain the
-- optional fields of the PS-PSA record (application protocol, means test,
-- DSU, event date, shares of the cost, monthly hours, area utenza, a name
-- of the prestazione), amounts in euro cents and hours in hundredths, NULL
-- when not given; two new record kinds come through the generic records
-- import, keyed like the others by Comune and id: the SINA assessments of
-- disabled or non-self-sufficient people, and the SINBA records of children
-- (one per cartella). Lists keep their codes joined by '|'.

ALTER TABLE interventi ADD COLUMN protocollo_domanda TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN presenza_prova_mezzi TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN numero_protocollo_dsu TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN anno_protocollo_dsu TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN data_dsu TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN data_evento TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN quota_ente BIGINT;
ALTER TABLE interventi ADD COLUMN quota_utente BIGINT;
ALTER TABLE interventi ADD COLUMN quota_ssn BIGINT;
ALTER TABLE interventi ADD COLUMN quota_richiesta BIGINT;
ALTER TABLE interventi ADD COLUMN soglia_isee BIGINT;
ALTER TABLE interventi ADD COLUMN ore_servizio_mensile BIGINT;
ALTER TABLE interventi ADD COLUMN area_utenza TEXT NOT NULL DEFAULT '';
ALTER TABLE interventi ADD COLUMN denominazione_prestazione TEXT NOT NULL DEFAULT '';

CREATE TABLE valutazioni_sina (
    id_valutazione TEXT NOT NULL,
    codice_fiscale TEXT NOT NULL,
    comune TEXT NOT NULL,
    data_valutazione TEXT NOT NULL DEFAULT '',
    mobilita TEXT NOT NULL DEFAULT '',
    attivita_vita_quotidiana TEXT NOT NULL DEFAULT '',
    disturbi_area_cognitiva TEXT NOT NULL DEFAULT '',
    disturbi_comportamentali TEXT NOT NULL DEFAULT '',
    necessita_cure_sanitarie TEXT NOT NULL DEFAULT '',
    area_reddituale TEXT NOT NULL DEFAULT '',
    area_supporto TEXT NOT NULL DEFAULT '',
    fonte_derivazione_valutazione TEXT NOT NULL DEFAULT '',
    strumento_valutazione TEXT NOT NULL DEFAULT '',
    fonte_derivazione_invalidita TEXT NOT NULL DEFAULT '',
    invalidita_civile TEXT NOT NULL DEFAULT '',
    necessita_interventi TEXT NOT NULL DEFAULT '',
    row_hash BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    PRIMARY KEY (comune, id_valutazione)
);
-- The SIUSS source finds a person's latest assessment on a benefit's date.
CREATE INDEX valutazioni_sina_cf ON valutazioni_sina(comune, codice_fiscale, data_valutazione);

CREATE TABLE sinba (
    id_cartella TEXT NOT NULL,
    comune TEXT NOT NULL,
    minore_straniero_non_accompagnato TEXT NOT NULL DEFAULT '',
    condizione_minore TEXT NOT NULL DEFAULT '',
    luogo_vita TEXT NOT NULL DEFAULT '',
    scuola_frequentata TEXT NOT NULL DEFAULT '',
    condizione_lavoro TEXT NOT NULL DEFAULT '',
    disabilita TEXT NOT NULL DEFAULT '',
    tipo_disabilita TEXT NOT NULL DEFAULT '',
    inv_civ_certificazioni TEXT NOT NULL DEFAULT '',
    cittadinanza_padre TEXT NOT NULL DEFAULT '',
    cittadinanza_madre TEXT NOT NULL DEFAULT '',
    regione_residenza_padre TEXT NOT NULL DEFAULT '',
    regione_residenza_madre TEXT NOT NULL DEFAULT '',
    titolo_studio_padre TEXT NOT NULL DEFAULT '',
    titolo_studio_madre TEXT NOT NULL DEFAULT '',
    occupazione_padre TEXT NOT NULL DEFAULT '',
    occupazione_madre TEXT NOT NULL DEFAULT '',
    data_prima_segnalazione TEXT NOT NULL DEFAULT '',
    fonte_segnalazione TEXT NOT NULL DEFAULT '',
    valutazione_minore TEXT NOT NULL DEFAULT '',
    valutazione_famiglia_minore TEXT NOT NULL DEFAULT '',
    segnalazione_autorita_giudiziaria TEXT NOT NULL DEFAULT '',
    data_segnalazione TEXT NOT NULL DEFAULT '',
    provvedimento_giudiziario TEXT NOT NULL DEFAULT '',
    data_provvedimento_giudiziario TEXT NOT NULL DEFAULT '',
    autorita_provvedimento TEXT NOT NULL DEFAULT '',
    potesta_tutela TEXT NOT NULL DEFAULT '',
    tipo_provvedimento_giudiziario TEXT NOT NULL DEFAULT '',
    forma_intervento_affido TEXT NOT NULL DEFAULT '',
    tipo_intervento_affido TEXT NOT NULL DEFAULT '',
    durata_affido TEXT NOT NULL DEFAULT '',
    carattere_affido TEXT NOT NULL DEFAULT '',
    esito_affido TEXT NOT NULL DEFAULT '',
    carattere_inserimento_residenziale TEXT NOT NULL DEFAULT '',
    forma_inserimento_residenziale TEXT NOT NULL DEFAULT '',
    tipo_inserimento_residenziale TEXT NOT NULL DEFAULT '',
    esito_inserimento_struttura TEXT NOT NULL DEFAULT '',
    motivazione_chiusura_carico TEXT NOT NULL DEFAULT '',
    situazione_chiusura_carico TEXT NOT NULL DEFAULT '',
    collaborazioni_interventi TEXT NOT NULL DEFAULT '',
    numero_componenti_isee TEXT NOT NULL DEFAULT '',
    fascia_eta_beneficiario TEXT NOT NULL DEFAULT '',
    fascia_isee_beneficiario TEXT NOT NULL DEFAULT '',
    anno_nascita TEXT NOT NULL DEFAULT '',
    regione_residenza TEXT NOT NULL DEFAULT '',
    nazione_residenza TEXT NOT NULL DEFAULT '',
    prestazioni TEXT NOT NULL DEFAULT '',
    famiglia TEXT NOT NULL DEFAULT '',
    row_hash BIGINT NOT NULL,
    import_id BIGINT NOT NULL,
    PRIMARY KEY (comune, id_cartella)
);
