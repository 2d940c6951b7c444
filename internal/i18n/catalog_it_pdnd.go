package i18n

// italianPDND holds the Italian of internal/pdnd: why a PDND voucher is
// refused, why the voucher check cannot start, why a key set is unusable.
var italianPDND = map[string]string{
	"no PDND voucher: send it in an 'Authorization: Bearer' header":      "nessun voucher PDND: inviarlo nell'intestazione 'Authorization: Bearer'",
	"the PDND voucher is not a well-formed signed JWT":                   "il voucher PDND non è un JWT firmato ben formato",
	"the PDND voucher is not signed with RS256":                          "il voucher PDND non è firmato con RS256",
	"the PDND voucher's typ header is not at+jwt":                        "l'intestazione typ del voucher PDND non è at+jwt",
	"the PDND voucher's kid names no key of the configured PDND key set": "il kid del voucher PDND non corrisponde a nessuna chiave dell'insieme di chiavi PDND configurato",
	"the PDND voucher's signature does not verify":                       "la firma del voucher PDND non è valida",
	"the PDND voucher was not issued by the configured issuer":           "il voucher PDND non è stato emesso dall'emittente configurato",
	"the PDND voucher is not meant for this e-service's audience":        "il voucher PDND non è destinato all'audience di questo e-service",
	"the PDND voucher has expired or carries no exp":                     "il voucher PDND è scaduto o non ha exp",
	"the PDND voucher is not valid yet or carries no nbf":                "il voucher PDND non è ancora valido o non ha nbf",
	"the PDND voucher is issued in the future or carries no iat":         "il voucher PDND risulta emesso nel futuro o non ha iat",
	"the PDND voucher carries no jti":                                    "il voucher PDND non ha jti",
	"the PDND voucher carries no client_id":                              "il voucher PDND non ha client_id",
	"the PDND voucher's jti was already used":                            "il jti del voucher PDND è già stato usato",
	"the PDND voucher's purposeId is not allowed on this e-service":      "il purposeId del voucher PDND non è ammesso su questo e-service",
	"the PDND voucher is refused":                                        "il voucher PDND è rifiutato",

	"the PDND voucher check has no PDND key set file":             "per la verifica dei voucher PDND manca il file dell'insieme di chiavi",
	"the PDND voucher check has no expected PDND issuer":          "per la verifica dei voucher PDND manca l'emittente PDND atteso",
	"the PDND voucher check has no or empty expected audience":    "per la verifica dei voucher PDND manca l'audience attesa, o è vuota",
	"the PDND voucher check has no or empty allowed purposeId":    "per la verifica dei voucher PDND manca un purposeId ammesso, o è vuoto",
	"the PDND voucher check has a negative clock leeway":          "per la verifica dei voucher PDND la tolleranza sull'orologio è negativa",
	"give --pdnd-jwks FILE":                                       "indicare --pdnd-jwks FILE",
	"give --pdnd-issuer, e.g. interop.pagopa.it":                  "indicare --pdnd-issuer, es. interop.pagopa.it",
	"give --pdnd-audience: the audience of the e-service on PDND": "indicare --pdnd-audience: l'audience dell'e-service su PDND",
	"give --pdnd-purpose once per purpose accepted on PDND":       "indicare --pdnd-purpose una volta per ogni finalità accettata su PDND",
	"give a leeway of zero or more":                               "indicare una tolleranza di zero o più",
	"give the audience of the ente's e-service on PDND":           "indicare l'audience dell'e-service dell'ente su PDND",

	"the PDND key set %s %v":              "l'insieme di chiavi PDND %s %v",
	"is not a JSON Web Key Set":           "non è un JSON Web Key Set",
	"is unusable: its key %s %v":          "non è utilizzabile: la sua chiave %s %v",
	"holds no RSA signing key with a kid": "non contiene alcuna chiave RSA di firma con un kid",
	"cannot be read":                      "non si può leggere",
	"is larger than %d bytes":             "supera i %d byte",
	"is not a valid JSON Web Key":         "non è una JSON Web Key valida",
	"holds a private key":                 "contiene una chiave privata",
	"has no kid":                          "non ha un kid",
	"is shorter than %d bits":             "è più corta di %d bit",
	"repeats the kid of an earlier key":   "ripete il kid di una chiave precedente",
}

func init() { merge("italianPDND", italianPDND) }
