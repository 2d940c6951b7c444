package sqlite

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// householdStore holds two Comuni whose households have one head, none,
// or several, one code used in both Comuni, and persons without a household.
func householdStore(t *testing.T) *DB {
	t.Helper()
	db, ctx := onboarded(t, "108033")
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108002", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	extract := func(members [][2]string) []byte { // codice_famiglia, relazione_parentela
		var b strings.Builder
		b.WriteString("codice_fiscale,cognome,nome,sesso,data_nascita,luogo_nascita,indirizzo,codice_famiglia,relazione_parentela\n")
		for _, m := range members {
			n++
			base := fmt.Sprintf("RSSMRA%02dA%02dF704", 50+n/28, 1+n%28)
			fmt.Fprintf(&b, "%s%c,Rossi,Mario,M,19%02d-01-%02d,F704,Via Po,%s,%s\n", base, codicefiscale.CheckChar(base), 50+n/28, 1+n%28, m[0], m[1])
		}
		return []byte(b.String())
	}
	files := map[string][][2]string{
		"108033": {{"F1", "1"}, {"F1", "2"}, {"F2", "3"}, {"F2", "3"}, {"F3", "1"}, {"F3", "1"}, {"F3", "2"}, {"F4", "2"}, {"", ""}, {"", "1"}, {"F0", "1"}, {"F0", "1"}},
		"108002": {{"F1", "2"}, {"F9", "1"}, {"F9", "1"}, {"F8", "1"}, {"", "3"}},
	}
	for _, comune := range []string{"108033", "108002"} {
		req := csi.AnagrafeImport{Comune: comune, Mode: csi.ModeSnapshot, AsOf: "2020-01-01"}
		sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource(comune+".csv", extract(files[comune])))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rejected > 0 {
			t.Fatalf("%s: %d rows rejected: %v", comune, sum.Rejected, sum.Rejects)
		}
	}
	return db
}

func collectHouseholds(t *testing.T, each func(func(store.Household) error) error) []store.Household {
	t.Helper()
	var out []store.Household
	if err := each(func(h store.Household) error {
		slices.Sort(h.Heads) // the grouped query's group_concat has no order
		out = append(out, h)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	return out
}

// householdEnv opens a validation reader on householdStore's store,
// closed when the test ends.
func householdEnv(t *testing.T) (*DB, *validateEnv, context.Context) {
	t.Helper()
	db := householdStore(t)
	ctx := context.Background()
	rd, err := db.OpenValidation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { rd.Close() })
	return db, rd.(*validateEnv), ctx
}

// TestHouseholdsFromThePersonsPass: after a persons pass, the irregular
// households come from its tally, and are those the grouped query returns,
// in its order, in every scope; another scope, a pass stopped early or a
// tally past its bound falls back to the query.
func TestHouseholdsFromThePersonsPass(t *testing.T) {
	_, e, ctx := householdEnv(t)
	grouped := func(scope []string) []store.Household {
		return collectHouseholds(t, func(fn func(store.Household) error) error { return e.groupedHouseholds(ctx, scope, fn) })
	}
	pass := func(scope []string) int {
		n := 0
		if err := e.EachCurrentPerson(ctx, scope, func(csi.PersonVersion) error { n++; return nil }); err != nil {
			t.Fatal(err)
		}
		return n
	}
	tallied := func(scope []string) []store.Household {
		return collectHouseholds(t, func(fn func(store.Household) error) error { return e.EachIrregularHousehold(ctx, scope, fn) })
	}
	if all := grouped(nil); len(all) != 6 {
		t.Fatalf("the grouped query finds %d irregular households, want 6: %+v", len(all), all)
	}
	for _, scope := range [][]string{nil, {"108033"}, {"108002", "108033"}, {"108002"}, {}} {
		want := grouped(scope)
		if n := pass(scope); n == 0 && len(scope) > 0 {
			t.Fatalf("scope %v: no person", scope)
		}
		if e.tally == nil {
			t.Fatalf("scope %v: the pass left no tally", scope)
		}
		if got := tallied(scope); !reflect.DeepEqual(got, want) {
			t.Errorf("scope %v: from the pass\n%+v\nwant (grouped query)\n%+v", scope, got, want)
		}
	}
	// Another scope than the pass's: the query's answer.
	pass([]string{"108002"})
	if got, want := tallied(nil), grouped(nil); !reflect.DeepEqual(got, want) {
		t.Errorf("after a pass over another scope: %+v, want %+v", got, want)
	}
	// A pass stopped by its callback returns the callback's error and leaves no tally.
	stop := errors.New("stop")
	seen := 0
	if err := e.EachCurrentPerson(ctx, nil, func(csi.PersonVersion) error { seen++; return stop }); err != stop {
		t.Fatalf("stopped pass: %v, want the callback's error", err)
	}
	if seen != 1 || e.tally != nil {
		t.Errorf("stopped pass: fn called %d times (want 1), tally %v (want none)", seen, e.tally)
	}
	// Past the bound, the tally gives up and the query answers.
	defer func(n int) { maxTallied = n }(maxTallied)
	maxTallied = 1
	pass(nil)
	if e.tally == nil || !e.tally.overflow {
		t.Fatalf("a tally past its bound should give up: %+v", e.tally)
	}
	if got, want := tallied(nil), grouped(nil); !reflect.DeepEqual(got, want) {
		t.Errorf("past the bound: %+v, want %+v", got, want)
	}
}

// TestPersonsPassOrderAndBatches: the pipelined pass hands every current
// version over once, in Comune and CF order, across several batches.
func TestPersonsPassOrderAndBatches(t *testing.T) {
	db, e, ctx := householdEnv(t)
	var want []string
	rows, err := db.SQL().QueryContext(ctx, "SELECT comune || ' ' || codice_fiscale FROM persone WHERE valid_to = '' ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var s string
		rows.Scan(&s)
		want = append(want, s)
	}
	rows.Close()
	defer func(n int) { personBatch = n }(personBatch)
	personBatch = 4 // 17 persons: five hand-overs, the last one short
	var got []string
	if err := e.EachCurrentPerson(ctx, nil, func(p csi.PersonVersion) error {
		got = append(got, p.Comune+" "+p.CodiceFiscale)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, want) || len(want) != 17 {
		t.Errorf("pass: %d persons %v, want 17 %v", len(got), got, want)
	}
}
