package i18n

import "testing"

func TestHeaderAndValue(t *testing.T) {
	for _, tc := range []struct {
		lang      Lang
		key, want string
	}{
		{Italian, "severity", "gravità"},
		{English, "severity", "severity"},
		{Italian, "rule", "regola"},
		{English, "saldo_iniziale", "opening balance"},
		{Italian, "saldo_iniziale", "saldo iniziale"},
		{English, "anno_2_chiuse", "year 2 closed"},
		{Italian, "anno_2_pic", "anno 2 PIC"},
		{English, "Carate Brianza", "Carate Brianza"}, // a value used as a column
		{Italian, "a_new_column", "a new column"},
	} {
		if got := tc.lang.Header(tc.key); got != tc.want {
			t.Errorf("%s Header(%q) = %q, want %q", tc.lang, tc.key, got, tc.want)
		}
	}
	for _, tc := range []struct {
		lang           Lang
		key, v, wanted string
	}{
		{Italian, "status", "active", "attivo"},
		{English, "status", "not_onboarded", "not onboarded"},
		{Italian, "anagrafe", "manual", "manuale"},
		{Italian, "con_referente", "yes", "sì"},
		{Italian, "nome", "active", "active"}, // only the status column holds statuses
	} {
		if got := tc.lang.Value(tc.key, tc.v); got != tc.wanted {
			t.Errorf("%s Value(%q, %q) = %q, want %q", tc.lang, tc.key, tc.v, got, tc.wanted)
		}
	}
}
