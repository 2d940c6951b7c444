package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
)

// services are the services this test compares.
type services interface {
	csi.RecordService
	csi.ValidationService
}

func recordsActorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "test", Command: "test"})
}

// fileSource is a file of testdata or examples as an import source.
func fileSource(t *testing.T, path string) csi.Source {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return csi.Source{Name: filepath.Base(path), Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

// recordsServices are the services over st with Comuni onboarded and
// registries imported through them: the same setup on either engine.
func recordsServices(t *testing.T, e engine) *app.Services {
	t.Helper()
	ctx, svc := recordsActorCtx(), e.svc
	for _, c := range []string{"108002", "108033", "108023"} {
		if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "automatic", Date: "2019-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []struct{ comune, file, asOf string }{
		{"108002", "../../examples/anagrafe-aicurzio-2020-01-01.csv", "2020-01-01"},
		{"108002", "../../examples/anagrafe-aicurzio-2020-04-01.csv", "2020-04-01"},
		{"108033", "testdata/anagrafe-monza.csv", "2019-06-01"},
	} {
		req := csi.AnagrafeImport{Comune: f.comune, Mode: csi.ModeSnapshot, AsOf: f.asOf}
		if _, err := svc.ImportAnagrafe(ctx, req, fileSource(t, f.file)); err != nil {
			t.Fatalf("%s: %v", f.file, err)
		}
	}
	return svc
}

// recordsStep is one call of the scenario; it returns what the call gave, as
// JSON with the durations (the only values allowed to differ) zeroed.
type recordsStep struct {
	name string
	run  func(t *testing.T, s services) string
}

func records(kind, file string, dryRun bool) recordsStep {
	return recordsStep{fmt.Sprintf("records import %s %s dry=%v", kind, file, dryRun), func(t *testing.T, s services) string {
		var rejects bytes.Buffer
		req := csi.RecordImport{Kind: kind, ImportOptions: csi.ImportOptions{DryRun: dryRun, Rejects: &rejects}}
		sum, err := s.ImportRecords(recordsActorCtx(), req, fileSource(t, file))
		if err != nil {
			return "error: " + err.Error() + " / " + csi.ErrorHint(err)
		}
		sum.DurationMS = 0
		return jsonOf(t, sum) + "\nrejects:\n" + rejects.String()
	}}
}

func validate(scope csi.ValidateScope) recordsStep {
	return recordsStep{fmt.Sprintf("validate %+v", scope), func(t *testing.T, s services) string {
		var findings []string
		run, sum, err := s.RunValidation(recordsActorCtx(), csi.ValidationRequest{Scope: scope}, func(f csi.Finding) error {
			findings = append(findings, jsonOf(t, f))
			return nil
		})
		if err != nil {
			return "error: " + err.Error() + " / " + csi.ErrorHint(err)
		}
		run.DurationMS = 0
		// No sort: the findings come in the same order on both engines.
		return jsonOf(t, run) + "\n" + jsonOf(t, sum) + "\n" + strings.Join(findings, "\n")
	}}
}

func history() recordsStep {
	return recordsStep{"validation history", func(t *testing.T, s services) string {
		runs, err := s.ValidationHistory(recordsActorCtx())
		if err != nil {
			return "error: " + err.Error()
		}
		for i := range runs {
			runs[i].DurationMS = 0
		}
		return jsonOf(t, runs)
	}}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// scenario imports records files (with repeated, moved, ambiguous and
// adopted rows, a dry run and a no-op re-import) and validates them in
// every scope.
var scenario = []recordsStep{
	records("cartelle", "../../examples/cartelle-aicurzio.csv", false),
	records("accessi", "../../examples/accessi-aicurzio.csv", false),
	records("interventi", "testdata/interventi-edge.csv", false),
	records("interventi", "../../examples/interventi-aicurzio.csv", false),
	records("cartelle", "testdata/cartelle-edge.csv", true),
	records("cartelle", "testdata/cartelle-edge.csv", false),
	records("cartelle", "testdata/cartelle-edge.csv", false),
	records("cartelle", "testdata/cartelle-edge2.csv", false),
	records("interventi", "testdata/interventi-edge.csv", false),
	records("interventi", "testdata/interventi-edge2.csv", false),
	records("accessi", "testdata/accessi-edge.csv", false),
	records("visite", "testdata/accessi-edge.csv", false),
	validate(csi.ValidateScope{}),
	validate(csi.ValidateScope{Comune: "Monza"}),
	validate(csi.ValidateScope{Comune: "108002"}),
	validate(csi.ValidateScope{Ambito: "Vimercate"}),
	validate(csi.ValidateScope{Comune: "Atlantide"}),
	validate(csi.ValidateScope{Comune: "Ba"}),
	validate(csi.ValidateScope{Ambito: "Nowhere"}),
	history(),
}

// TestRecordsAndValidationSameOnBothEngines runs the scenario through
// app.Services on SQLite and on PostgreSQL and compares every answer.
func TestRecordsAndValidationSameOnBothEngines(t *testing.T) {
	lite := recordsServices(t, sqliteEngine(t))
	pg := recordsServices(t, postgresEngine(t))
	var want []string
	for _, st := range scenario {
		want = append(want, st.run(t, lite))
	}
	if !strings.Contains(want[len(want)-1], `"scope":"ambito Vimercate"`) || !strings.Contains(want[9], `"updated":`) {
		t.Fatalf("the SQLite scenario did not run as planned:\n%s", strings.Join(want, "\n\n"))
	}
	for i, st := range scenario {
		if got := st.run(t, pg); got != want[i] {
			t.Errorf("%s:\nPostgreSQL: %s\nSQLite:     %s", st.name, got, want[i])
		}
	}
}
