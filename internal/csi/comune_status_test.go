package csi

import "testing"

// TestStatusTimeline reads a Comune's status on a day from its changes:
// each takes effect on its own date, later ones are scheduled.
func TestStatusTimeline(t *testing.T) {
	t.Parallel()
	tl := StatusTimeline{{"2020-01-01", StatusActive}, {"2027-06-30", StatusLeft}, {"2025-01-01", StatusSuspended}}
	SortTimeline(tl)
	for day, want := range map[string]string{
		"2019-12-31": StatusNotOnboarded, "2020-01-01": StatusActive, "2024-06-30": StatusActive,
		"2025-01-01": StatusSuspended, "2027-06-29": StatusSuspended, "2027-06-30": StatusLeft,
	} {
		if got := tl.StatusOn(day); got != want {
			t.Errorf("StatusOn(%s) = %s, want %s", day, got, want)
		}
	}
	if !tl.MemberOn("") || !tl.MemberOn("2026-01-01") || tl.MemberOn("2028-01-01") || tl.MemberOn("2019-01-01") {
		t.Error("MemberOn disagrees with StatusOn")
	}
	if got := tl.Scheduled("2024-06-30"); got != "suspended from 2025-01-01, left from 2027-06-30" {
		t.Errorf("Scheduled = %q", got)
	}
}

// TestPlanOffboard: a later date schedules the departure, today or earlier
// acts at once, and a Comune already leaving or not onboarded is refused.
func TestPlanOffboard(t *testing.T) {
	t.Parallel()
	c := Comune{Istat: "108028", Nome: "Lissone", Status: StatusActive, OnboardedOn: "2020-01-01"}
	p, err := PlanOffboard(c, "2027-06-30", "2024-06-30")
	if err != nil || p.Status != StatusActive || p.Scheduled != "left from 2027-06-30" || p.OffboardedOn != "2027-06-30" {
		t.Errorf("future: %+v %v", p, err)
	}
	if p, err := PlanOffboard(c, "2024-06-30", "2024-06-30"); err != nil || p.Status != StatusLeft {
		t.Errorf("today: %+v %v", p, err)
	}
	if _, err := PlanOffboard(p, "2028-01-01", "2024-06-30"); ErrorCode(err) != ECONFLICT {
		t.Errorf("already leaving: %v", err)
	}
	if _, err := PlanOffboard(c, "2019-01-01", "2024-06-30"); ErrorCode(err) != EINVALID {
		t.Errorf("before joining: %v", err)
	}
	if _, err := PlanOffboard(Comune{Status: StatusLeft}, "2024-06-30", "2024-06-30"); ErrorCode(err) != ECONFLICT {
		t.Errorf("not onboarded: %v", err)
	}
}
