package csi

import (
	"sort"
	"strings"
)

// StatusChange is a change of a Comune's status that takes effect on Date
// (YYYY-MM-DD), from that day on.
type StatusChange struct {
	Date   string
	Status string
}

// StatusTimeline is a Comune's status changes, in the order they take
// effect.
type StatusTimeline []StatusChange

// SortTimeline orders changes by date, keeping the recording order of
// changes on the same date.
func SortTimeline(t StatusTimeline) {
	sort.SliceStable(t, func(i, j int) bool { return t[i].Date < t[j].Date })
}

// StatusOn returns the status in effect on day: that of the last change on
// or before it, not_onboarded before the first.
func (t StatusTimeline) StatusOn(day string) string {
	status := StatusNotOnboarded
	for _, c := range t {
		if c.Date > day {
			break
		}
		status = c.Status
	}
	return status
}

// MemberOn reports whether the Comune was an active or suspended member on
// day; with day "" whether it ever was.
func (t StatusTimeline) MemberOn(day string) bool {
	if day == "" {
		for _, c := range t {
			if IsMember(c.Status) {
				return true
			}
		}
		return false
	}
	return IsMember(t.StatusOn(day))
}

// Scheduled describes the changes that take effect after today, e.g.
// "suspended from 2025-01-01, left from 2027-06-30"; "" when none.
func (t StatusTimeline) Scheduled(today string) string {
	var parts []string
	for _, c := range t {
		if c.Date > today {
			parts = append(parts, c.Status+" from "+c.Date)
		}
	}
	return strings.Join(parts, ", ")
}

// IsMember reports whether a status is that of a member of the CSI.
func IsMember(status string) bool { return status == StatusActive || status == StatusSuspended }

// PlanOffboard checks that c (as of today) can leave on date and returns it
// as it will be: left at once when date is today or earlier, otherwise
// still a member with the departure scheduled.
func PlanOffboard(c Comune, date, today string) (Comune, error) {
	if _, err := ParseDay("--date", date); err != nil {
		return c, err
	}
	if !IsMember(c.Status) {
		return c, Errorf(ECONFLICT, "%s is not onboarded (status %s)", c.Nome, StatusWord(c.Status)).
			WithHint("only an onboarded Comune can be offboarded")
	}
	if c.OffboardedOn != "" {
		return c, Errorf(ECONFLICT, "%s is already leaving the shared CSI on %s", c.Nome, c.OffboardedOn).
			WithHint("see 'csi comuni show %s'", c.Istat)
	}
	if date < c.OnboardedOn {
		return c, Errorf(EINVALID, "--date %s is before %s joined (%s)", date, c.Nome, c.OnboardedOn).
			WithHint("give a date on or after the onboarding date")
	}
	c.OffboardedOn = date
	if date <= today {
		c.Status = StatusLeft
	} else {
		c.Scheduled = joinScheduled(c.Scheduled, StatusLeft+" from "+date)
	}
	return c, nil
}

func joinScheduled(a, b string) string {
	if a == "" {
		return b
	}
	return a + ", " + b
}

// StatusWord is a Comune's status as the argument of a domain error: the
// status itself in English (the error's Message, -o json), a word of the
// language where Localize says the error ("uscito").
func StatusWord(status string) any {
	switch status {
	case StatusNotOnboarded:
		return Errorf(EINVALID, "not_onboarded")
	case StatusActive:
		return Errorf(EINVALID, "active")
	case StatusSuspended:
		return Errorf(EINVALID, "suspended")
	case StatusLeft:
		return Errorf(EINVALID, "left")
	}
	return status
}
