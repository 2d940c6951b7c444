package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/spf13/pflag"
)

// runInLang runs csi in-process in lang with a store under dir and returns
// the exit code, stdout and stderr.
func runInLang(t *testing.T, lang, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"CSI_LANG": lang, "CSI_DB": filepath.Join(dir, "csi.db"), "CSI_ACTOR": "tester",
		"CSI_NOW": "2024-06-30T10:00:00Z", "NO_COLOR": "1"}
	code := Run(context.Background(), args, &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}, enEnv(env))
	return code, out.String(), errOut.String()
}

// TestDateFlagUsageItalian: in Italian every date flag's usage names the
// forms a date may take the Italian way (AAAA-MM-GG o GG/MM/AAAA), and no
// English placeholder is left.
func TestDateFlagUsageItalian(t *testing.T) {
	f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &bytes.Buffer{}, ErrOut: &bytes.Buffer{}}, enEnv(map[string]string{"CSI_LANG": "it"}))
	n := 0
	for _, c := range runnable(NewCmdRoot(f)) {
		c.LocalFlags().VisitAll(func(fl *pflag.Flag) {
			if fl.Value.Type() != dateFlagType {
				return
			}
			n++
			if !strings.Contains(fl.Usage, "AAAA-MM-GG o GG/MM/AAAA") || strings.Contains(fl.Usage, "YYYY") {
				t.Errorf("%s --%s: Italian usage %q does not say AAAA-MM-GG o GG/MM/AAAA", c.CommandPath(), fl.Name, fl.Usage)
			}
		})
	}
	if n < 11 {
		t.Fatalf("found %d date flags: the walk is broken", n)
	}
}

// TestErrorsItalian: domain errors, their hints, usage errors naming a
// flag, pflag's own errors and a date flag's reason read in Italian; the
// same runs in English keep the English text and the exit codes do not
// change.
func TestErrorsItalian(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := runInLang(t, "it", dir, "init"); code != 0 {
		t.Fatalf("init: exit %d: %s", code, errOut)
	}
	for _, tc := range []struct {
		args   []string
		code   int
		it, en []string
	}{
		{[]string{"comuni", "show", "Zzz"}, ExitError,
			[]string{"errore: nessun Comune corrisponde a \"Zzz\"\n", "suggerimento: eseguire 'csi comuni list' per vedere nomi e codici\n"},
			[]string{"error: no Comune matches \"Zzz\"\n", "hint: run 'csi comuni list' to see the names and codes\n"}},
		{[]string{"comuni", "offboard", "Monza"}, ExitUsage,
			[]string{"errore: --date è obbligatorio\n", "suggerimento: indicare la data di uscita del Comune, AAAA-MM-GG o GG/MM/AAAA\n"},
			[]string{"error: --date is required\n", "hint: give the date the Comune leaves, YYYY-MM-DD\n"}},
		{[]string{"comuni", "offboard", "Monza", "--date", "31/02/2024"}, ExitUsage,
			[]string{"errore: --date: \"31/02/2024\" non è una data valida: il giorno 31 non esiste a febbraio 2024 (ha 29 giorni)\n"},
			[]string{"error: --date \"31/02/2024\" is not a valid date: day 31 does not exist in February 2024 (it has 29 days)\n"}},
		{[]string{"comuni", "offboard", "Monza", "--date", "30/06/24"}, ExitUsage,
			[]string{"non è una data valida: data ambigua: scrivere l'anno con quattro cifre\n"},
			[]string{"is not a valid date: ambiguous date: write the year with four digits\n"}},
		{[]string{"comuni", "list", "--bogus"}, ExitUsage,
			[]string{"errore: opzione sconosciuta: --bogus\n", "suggerimento: eseguire il comando con --help per vedere come si usa\n"},
			[]string{"error: unknown flag: --bogus\n"}},
		{[]string{"comuni", "offboard", "Monza", "--date"}, ExitUsage,
			[]string{"errore: manca il valore dell'opzione --date\n"},
			[]string{"error: flag needs an argument: --date\n"}},
		{[]string{"anagrafe", "import", filepath.Join(dir, "nofile.csv"), "--comune", "Monza"}, ExitError,
			[]string{"errore: impossibile leggere " + filepath.Join(dir, "nofile.csv") + ": file o cartella inesistente\n", "suggerimento: controllare il nome del file\n"},
			[]string{"error: cannot read " + filepath.Join(dir, "nofile.csv") + ": no such file or directory\n"}},
	} {
		for _, lang := range []string{"it", "en"} {
			want := tc.it
			if lang == "en" {
				want = tc.en
			}
			code, _, errOut := runInLang(t, lang, dir, tc.args...)
			if code != tc.code {
				t.Errorf("%s csi %s: exit %d, want %d: %s", lang, strings.Join(tc.args, " "), code, tc.code, errOut)
			}
			for _, w := range want {
				if !strings.Contains(errOut, w) {
					t.Errorf("%s csi %s: stderr %q lacks %q", lang, strings.Join(tc.args, " "), errOut, w)
				}
			}
		}
	}
}

// TestImportSummaryItalian: an import's summary, its rejects and the
// warning of exit code 4 read in Italian, with the numbers and the date
// written the Italian way; in English the same import reads as before.
func TestImportSummaryItalian(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{{"init"}, {"comuni", "onboard", "Monza", "--date", "2024-01-01"}} {
		if code, _, errOut := runInLang(t, "it", dir, args...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
	}
	var b strings.Builder
	b.WriteString("codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\n")
	for _, first15 := range []string{"RSSMRA85T10F704", "RSSMRA85T11F704", "RSSMRA85T12F704"} {
		b.WriteString(first15 + string(codicefiscale.CheckChar(first15)) + ";ROSSI;MARIO;M;10/12/1985;Monza\n")
	}
	b.WriteString("XXXX;BIANCHI;ANNA;F;01/01/1970;Monza\n")
	file := filepath.Join(dir, "estratto.csv")
	if err := os.WriteFile(file, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runInLang(t, "it", dir, "anagrafe", "import", file, "--comune", "Monza", "--as-of", "30/06/2024", "--dry-run")
	for _, want := range []string{
		"prova: si caricherebbe " + file + " per 108033 (anagrafe completa al 30/06/2024)\n",
		"  formato:  utf-8, separatore ';', fine riga LF\n",
		"  righe:    4 lette: 3 inserite, 0 aggiornate, 0 invariate, 0 chiuse, 1 scartata\n",
		"  non è stato scritto nulla (--dry-run)\n",
		"righe scartate:\n",
		"5\tcodice_fiscale\tcodice_fiscale non valido: ha 4 caratteri, ne servono 16\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("Italian summary lacks %q:\n%s", want, out)
		}
	}
	if code != ExitRejected || !strings.Contains(errOut, "attenzione: 1 riga verrebbe scartata su 4; --rejects FILE le riporta") {
		t.Errorf("Italian: exit %d, stderr %q", code, errOut)
	}
	_, out, _ = runInLang(t, "en", dir, "anagrafe", "import", file, "--comune", "Monza", "--as-of", "30/06/2024", "--dry-run")
	for _, want := range []string{
		"dry run: would import " + file + " into 108033 (snapshot as of 2024-06-30)\n",
		"  rows:     4 read: 3 inserted, 0 updated, 0 unchanged, 0 closed, 1 rejected\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("English summary lacks %q:\n%s", want, out)
		}
	}
}
