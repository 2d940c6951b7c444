package httpapi

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// filled returns a P with every string, number, bool, list and map set to
// a value of its own (nested structs and pointers included), so that a
// field the wire forgets cannot hide behind a zero value.
func filled[P any]() P {
	var p P
	n := 0
	fill(reflect.ValueOf(&p).Elem(), &n)
	return p
}

func fill(v reflect.Value, n *int) {
	*n++
	switch v.Kind() {
	case reflect.String:
		v.SetString(fmt.Sprintf("v%d", *n))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(*n))
	case reflect.Slice:
		switch v.Type().Elem().Kind() {
		case reflect.String:
			v.Set(reflect.ValueOf([]string{fmt.Sprintf("a%d", *n), "b"}))
		case reflect.Uint8:
			v.SetBytes([]byte("body"))
		}
	case reflect.Map:
		v.Set(reflect.ValueOf(map[string]string{"codice_fiscale": fmt.Sprintf("C%d", *n)}))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), n)
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), n)
			}
		}
	}
}

// roundTrip fails unless decode(encode(p)) gives p back for a fully
// filled p, but for what travels elsewhere (the path, the body), which
// elsewhere clears.
func roundTrip[P any](t *testing.T, name string, c codec[P], elsewhere func(*P)) {
	t.Helper()
	want := filled[P]()
	q := c.encode(want)
	got, err := c.decode(q)
	if err != nil {
		t.Fatalf("%s: decode(%s): %v", name, q.Encode(), err)
	}
	elsewhere(&want)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: a field does not travel in the query (%s):\n got %+v\nwant %+v", name, q.Encode(), got, want)
	}
	if len(q) != len(c.names()) {
		t.Errorf("%s: %d of its %d parameters were sent for a filled value: %s", name, len(q), len(c.names()), q.Encode())
	}
}

func keep[P any](*P) {}

// TestWireRoundTrip: every field of each parameter struct reaches the
// server as the client had it, through its one codec or body conversion.
func TestWireRoundTrip(t *testing.T) {
	t.Parallel()
	roundTrip(t, "comuni list", comuniListQuery, keep)
	roundTrip(t, "referenti list", referentiListQuery, keep)
	roundTrip(t, "anagrafe import", anagrafeImportQuery, func(p *anagrafeImportWire) { p.Req.Rejects, p.Req.Progress = nil, nil })
	roundTrip(t, "records import", recordsImportQuery, func(p *recordsImportWire) { p.Req.Kind = "" })
	roundTrip(t, "anagrafe revert", revertQuery, func(r *csi.RevertRequest) { r.ImportID = 0 })
	roundTrip(t, "anagrafe imports", importsQuery, keep)
	roundTrip(t, "anagrafe residents", residentsQuery, keep)
	roundTrip(t, "validate", validationQuery, func(r *csi.ValidationRequest) { r.RulesetData = nil })
	roundTrip(t, "indicators show", indicatorQuery, keep)
	roundTrip(t, "audit list", auditQuery, keep)

	on := filled[csi.OnboardInput]()
	if got := onboardWire(on).input(on.Comune); got != on {
		t.Errorf("onboard body: got %+v, want %+v", got, on)
	}
	up := filled[csi.ComuneUpdate]()
	if got := updateWire(up).input(up.Comune); !reflect.DeepEqual(got, up) {
		t.Errorf("update body: got %+v, want %+v", got, up)
	}
	as := filled[csi.AssignInput]()
	if got := assignWire(as).input(); got != as {
		t.Errorf("assign body: got %+v, want %+v", got, as)
	}
	if got := addComuniWire(addInput).input(); !reflect.DeepEqual(got, addInput) {
		t.Errorf("add body: got %+v, want %+v", got, addInput)
	}
	ons := []csi.OnboardInput{on, {Comune: "108023", Anagrafe: "manual"}}
	if got := onboardingsWire(ons).inputs(); !reflect.DeepEqual(got, ons) {
		t.Errorf("onboardings body: got %+v, want %+v", got, ons)
	}
}

// TestWireParams fails when the server accepts a query parameter the
// client never sends, or the client sends one the server refuses: every
// client call, with every input filled, against a recorder of what
// reaches each route.
func TestWireParams(t *testing.T) {
	t.Parallel()
	routes := (&Server{}).Routes()
	var mu sync.Mutex
	sent := map[string]map[string]bool{}
	mux := http.NewServeMux()
	for _, rt := range routes {
		mux.HandleFunc(rt.Method+" "+rt.Pattern, func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			if sent[rt.Name] == nil {
				sent[rt.Name] = map[string]bool{}
			}
			for k := range r.URL.Query() {
				sent[rt.Name][k] = true
			}
			mu.Unlock()
			writeProblem(w, r, "test", csi.Errorf(csi.EINVALID, "recorded"))
		})
	}
	hs := httptest.NewServer(mux)
	defer hs.Close()
	c, err := NewClient(hs.URL, ClientOptions{Token: "t"})
	if err != nil {
		t.Fatal(err)
	}
	calls := wireCalls(c)
	if n := reflect.TypeFor[csi.Services]().NumMethod(); len(calls) != n {
		t.Fatalf("wireCalls calls %d client methods, csi.Services has %d: call the new one", len(calls), n)
	}
	for _, call := range calls {
		_ = call()
	}
	for _, rt := range routes {
		got := slices.Sorted(mapKeys(sent[rt.Name]))
		want := slices.Clone(rt.Query)
		sort.Strings(want)
		if !slices.Equal(got, want) {
			t.Errorf("route %q: the server accepts [%s], the client sends [%s]", rt.Name, strings.Join(want, " "), strings.Join(got, " "))
		}
	}
}

func mapKeys(m map[string]bool) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// addInput is a filled AddComuniInput.
var addInput = csi.AddComuniInput{File: "comuni.csv", DryRun: true,
	Rows: []csi.ComuneAdd{{Line: 2, Istat: "097042", Ambito: "Lecco", Popolazione: "47000"}}}

// wireCalls calls every method of the client, with filled inputs.
func wireCalls(c *Client) []func() error {
	ctx := ctxTester
	src := csi.Source{Name: "extract.csv", Size: 4, Open: func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader("a,b\n")), nil }}
	ai := filled[csi.AnagrafeImport]()
	ai.Rejects, ai.Progress = io.Discard, nil
	ri := filled[csi.RecordImport]()
	ri.Kind, ri.Rejects, ri.Progress = "accessi", io.Discard, nil
	errOnly := func(_ any, err error) error { return err }
	return append([]func() error{
		func() error { return errOnly(c.ListComuni(ctx, filled[csi.ComuneFilter]())) },
		func() error { return errOnly(c.FindComune(ctx, "Desio")) },
		func() error { return errOnly(c.OnboardComune(ctx, filled[csi.OnboardInput]())) },
		func() error { return errOnly(c.UpdateComune(ctx, filled[csi.ComuneUpdate]())) },
		func() error { return errOnly(c.OffboardComune(ctx, "Desio", "2024-01-01")) },
		func() error { return errOnly(c.AddComuni(ctx, addInput)) },
		func() error { return errOnly(c.OnboardComuni(ctx, []csi.OnboardInput{filled[csi.OnboardInput]()})) },
		func() error { return errOnly(c.ListAmbiti(ctx)) },
		func() error { return errOnly(c.FindAmbito(ctx, "Desio")) },
		func() error { return errOnly(c.AssignReferente(ctx, filled[csi.AssignInput]())) },
		func() error { return errOnly(c.ListReferenti(ctx, true)) },
		func() error { return errOnly(c.EndReferente(ctx, "Desio", "2024-01-01")) },
		func() error { return errOnly(c.ImportAnagrafe(ctx, ai, src)) },
		func() error { return errOnly(c.RevertImport(ctx, csi.RevertRequest{ImportID: 3, DryRun: true})) },
		func() error { return errOnly(c.ListImports(ctx, "Desio")) },
		func() error { return errOnly(c.AnagrafeStatus(ctx)) },
		func() error { return errOnly(c.PersonHistory(ctx, "RSSMRA85T10A562S")) },
		func() error {
			return c.Residents(ctx, "Desio", "2024-01-01", func(csi.PersonVersion) error { return nil })
		},
		func() error { return errOnly(c.CountResidents(ctx, "Desio", "2024-01-01")) },
		func() error { return errOnly(c.ImportRecords(ctx, ri, src)) },
		func() error {
			_, _, err := c.RunValidation(ctx, filled[csi.ValidationRequest](), func(csi.Finding) error { return nil })
			return err
		},
		func() error { return errOnly(c.ValidationHistory(ctx)) },
		func() error { return errOnly(c.ListIndicators(ctx)) },
		func() error {
			return errOnly(c.ComputeIndicator(ctx, "cartelle-popolazione", filled[csi.IndicatorParams]()))
		},
		func() error { return errOnly(c.ListAudit(ctx, "2024-01-01")) },
		func() error { return errOnly(c.VerifyAudit(ctx)) },
	}, monitoringCalls(c)...)
}
