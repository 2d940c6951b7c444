// Package siuss builds the flows that a Comune owes INPS's SIUSS (Sistema
// informativo unitario dei servizi sociali): the PS-PSA-SINA flow of social
// benefits, with the SINA assessment of disability and non-self-sufficiency,
// and the SINBA flow of children taken in charge.
//
// The package is pure logic. It takes domain values (Ente, Beneficiario,
// Prestazione, SINA, SINBA), checks them against what the official XSDs and
// INPS's technical specification require (Check* functions, findings with
// stable rule ids "siuss-…" that the rules engine will run as the ruleset
// "siuss"), splits periodic benefits per calendar year, formats flow ids, and
// encodes the XML flows (namespace http://inps.it/Casellario) for the WaaS
// channel (one beneficiary and one prestazione per flow), for the web upload
// (many beneficiaries per file) and for cancellations (TipoOperazione C).
//
// Its only data are embedded: the versioned SIUSS prestazioni code table
// (data/prestazioni.yaml, replaceable by a local file through LoadCodes), the
// ISTAT → ISO 3166-1 numeric state codes (data/stati-esteri-iso.csv) and the
// ISTAT region codes (data/regioni.csv). The store chooses what to export,
// allocates the daily flow counter and keeps the register of what was sent;
// the CLI writes the files.
//
// Nothing here logs. Findings and errors name the intervento (or the SINBA
// pseudonym), the field and a fix, never a codice fiscale or a name.
package siuss
