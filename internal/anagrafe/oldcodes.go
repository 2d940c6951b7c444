package anagrafe

// OldCodes maps the ISTAT codes that the Comuni of Monza e Brianza had in the
// province of Milano before 2009 to their current codes (source: ANPR archive of Comuni).
var OldCodes = map[string]string{
	"015149": "108033",
}
