package app

import "github.com/csi-mb/csi/internal/store"

// validateEnv answers what the validation checks cannot see in one record
// (rules.Env): the store's reader, today's date and Comune membership.
type validateEnv struct {
	store.ValidationReader
	today  string
	member store.Membership
}

// Today returns the services clock's date.
func (e *validateEnv) Today() string { return e.today }

// ComuneMemberOn reports whether the Comune was an active or suspended
// member on date (with "" whether it ever was), from its status history: a
// record made while the Comune was a member stays valid after it leaves. A
// date before the first change counts as membership: a Comune brings its
// earlier records when it joins.
func (e *validateEnv) ComuneMemberOn(istat, date string) bool {
	t, ok := e.member.Timelines[istat]
	if !ok {
		return e.member.Members[istat]
	}
	if len(t) > 0 && date < t[0].Date {
		date = ""
	}
	return t.MemberOn(date)
}
