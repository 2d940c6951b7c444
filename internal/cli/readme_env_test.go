package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/synth"
)

// The tables of TestReadmeCommands. Each entry names a command line as the
// document writes it (continuations joined, comment stripped); the test
// fails when an entry matches no line, so the tables follow the text.

// docExemptions are the documented commands that cannot run in-process.
var docExemptions = []struct{ doc, cmd, reason string }{
	{"README.md", "go run ./cmd/csi demo", "the whole province (about a minute): TestDemoFullProvince (-tags demofull) runs it; `csi demo --db demo.db --out demo-files` runs below at 1% scale"},
	{"README.md", "csi demo -o json | jq '.indicators[3].rows'", "the same full-province run, piped to jq; `-o json` is TestDemoFullProvince's"},
	{"README.md", "csi demo", "the same run as `csi demo --db demo.db --out demo-files`, which runs below at 1% scale; the whole province is TestDemoFullProvince's"},
	{"README.md", "csi demo --history", "a second whole demo (5 s even at 1% scale: the records are not scaled), over the budget of this test; TestDemoFlags parses --history, internal/synth's TestDemoRecordsConsistent checks its files, and the loading is the run of `csi demo --db demo.db --out demo-files` below"},
	{"README.md", "source <(csi completion bash)", "loads completions into the user's interactive shell; TestCompletionsUpToDate checks the scripts"},
	{"README.md", "csi completion fish > ~/.config/fish/completions/csi.fish", "installs into the user's home folder; TestCompletionsUpToDate checks the scripts"},
	{"README.md", "csi --db /srv/csi/csi.db token create --name monza-coord --role coordinator", "a store on the server's machine, in a system folder; the token commands run below on the prepared store"},
	{"README.md", "csi serve --db /srv/csi/csi.db --addr 0.0.0.0:8787 --tls-cert /etc/csi/cert.pem --tls-key /etc/csi/key.pem", "a long-running server with TLS files in /etc: remote_test.go and the scripts run csi serve on 127.0.0.1"},
	{"README.md", "export CSI_REMOTE=https://csi.comune.monza.it:8787 CSI_TOKEN=csi_...", "points the following commands at a remote server (another machine's shell): TestRemoteParity runs them remotely"},
	{"README.md", "csi anagrafe import anagrafe-desio.csv --comune Desio --rejects scarti.csv", "runs against the remote server set just above: TestRemoteParity"},
	{"README.md", "csi validate --ambito Desio -o junit --fail-on error > validate.xml", "runs against the remote server set just above: TestRemoteParity"},
}

// docExpect is what the text says of one command beyond "exit 0": an exit
// code the parser cannot read, the results it states (quote is the text
// that states them, which must still be there; want what the output then
// contains), files it writes, and a result on running it again.
type docExpect struct {
	doc, cmd string
	exit     *int
	why      string // where exit or want is not read from the text: the reason
	quote    []string
	want     []string
	files    map[string][]string
	private  bool // the files are 0600
	again    string
	// unchanged: the text says the command writes nothing (a dry run);
	// the store's snapshot revision must stay the same.
	unchanged bool
}

func exitCodeOf(n int) *int { return &n }

var docExpectations = []docExpect{
	// README.md
	{doc: "README.md", cmd: `csi comuni update "Vedano al Lambro" --ambito Monza --date 2024-01-01`, want: []string{"Vedano al Lambro\tMonza\t"}},
	{doc: "README.md", cmd: "csi comuni update 108012 --status suspended --yes", want: []string{"Brugherio\tMonza\tsuspended"}},
	{doc: "README.md", cmd: "csi comuni offboard Aicurzio --date 2024-12-31 --dry-run", quote: []string{"what it would do; writes nothing"}, unchanged: true},
	{doc: "README.md", cmd: "csi comuni offboard Aicurzio --date 2024-12-31 --yes", quote: []string{"from that day on its status is `left`"}, want: []string{"Aicurzio\tVimercate\tleft"}},
	{doc: "README.md", cmd: "csi db backup /backup/csi-2024-06-30.db", quote: []string{"consistent copy (0600)"}, files: map[string][]string{"/backup/csi-2024-06-30.db": {"SQLite format 3"}}, private: true},
	{doc: "README.md", cmd: "csi anagrafe import anagrafe-monza-2024-06.csv --comune Monza --as-of 2024-06-30", want: []string{" 0 rejected"}},
	{doc: "README.md", cmd: "csi anagrafe import export.txt --comune Lissone --map colonne.map -o json", quote: []string{"`sha256`, `encoding`", "`import_id`"},
		want: []string{`"rejected": 0`, `"sha256": "`, `"encoding": "utf-8"`, `"import_id": `}},
	{doc: "README.md", cmd: "csi anagrafe revert 42 --yes -o json", quote: []string{"`-o json` prints `import_id`, `comune`, `file`, `mode`, `as_of`, `removed`, `reopened`, `dry_run`"},
		want: []string{`"import_id": `, `"removed": `, `"reopened": `, `"dry_run": false`}},
	{doc: "README.md", cmd: "csi validate -o junit > validate.xml", files: map[string][]string{"validate.xml": {"<testsuites ", "<failure"}}},
	{doc: "README.md", cmd: "csi validate --fail-on none -o json > tutto.json", files: map[string][]string{"tutto.json": {`"findings"`, `"severity": "error"`}}},
	{doc: "README.md", cmd: "csi anagrafe residents --comune Monza --at 2024-06-30 --count", want: []string{"251\n"}, why: "the prepared Monza extract: 250 synthetic people and Mario Rossi"},
	{doc: "README.md", cmd: "csi anagrafe import estratto.csv --comune 108023 --dry-run", quote: []string{"`--dry-run` computes the same summary and writes nothing"}, unchanged: true},
	{doc: "README.md", cmd: "csi anagrafe revert 42 --dry-run", quote: []string{"`--dry-run` only shows it"}, unchanged: true},
	{doc: "README.md", cmd: "csi records import interventi interventi.csv --dry-run -o json", quote: []string{"A `--dry-run` summary has no `import_id` key"}, want: []string{`"dry_run": true`}, unchanged: true},
	{doc: "README.md", cmd: "csi db check", quote: []string{"`integrity ok; audit log intact: N entries verified`"}, want: []string{"integrity ok; audit log intact:"}},
	{doc: "README.md", cmd: "csi anagrafe history RSSMRA85T10F704Z", want: []string{"RSSMRA85T10F704Z"}},
	{doc: "README.md", cmd: `csi token create --name lissone-anagrafe --role operator --comune Lissone -o json`, quote: []string{`{"secret": "csi_…", …}`}, want: []string{`"secret": "csi_`}},
	{doc: "README.md", cmd: "csi validate", exit: exitCodeOf(ExitValidation), quote: []string{"`csi validate` exits 3 when it finds errors"},
		why: "the prepared records hold the examples' four planted errors"},
	{doc: "README.md", cmd: "csi validate --ruleset regole-ambito.yaml", exit: exitCodeOf(ExitValidation), quote: []string{"`csi validate` exits 3 when it finds errors"},
		why: "a copy of the built-in ruleset over the same records"},
	{doc: "README.md", cmd: "csi validate --ambito Desio", exit: exitCodeOf(ExitValidation), quote: []string{"`csi validate` exits 3 when it finds errors"},
		why: "the prepared delta of Desio holds a birth date its codice fiscale contradicts"},
	{doc: "README.md", cmd: "csi audit list --verify", exit: exitCodeOf(0), why: "the log is intact: the comment's exit 1 is for an edited log"},

	// examples/README.md
	{doc: "examples/README.md", cmd: "./csi anagrafe import examples/anagrafe-aicurzio-2020-01-01.csv --comune aicurzio --as-of 2020-01-01",
		quote: []string{"All 2,105 rows are inserted."}, want: []string{"2,105 inserted"}},
	{doc: "examples/README.md", cmd: "./csi anagrafe import examples/anagrafe-aicurzio-2020-04-01.csv --comune aicurzio --as-of 2020-04-01 --dry-run",
		quote: []string{"prints `11 inserted, 46 updated, 2,048 unchanged, 11 closed`"}, want: []string{"11 inserted, 46 updated, 2,048 unchanged, 11 closed"}},
	{doc: "examples/README.md", cmd: "./csi anagrafe import examples/anagrafe-aicurzio-2020-04-01.csv --comune aicurzio --as-of 2020-04-01",
		quote: []string{"prints `11 inserted, 46 updated, 2,048 unchanged, 11 closed`", "Run the same command again and it says it is a no-op."},
		want:  []string{"11 inserted, 46 updated, 2,048 unchanged, 11 closed"}, again: "no-op"},
	{doc: "examples/README.md", cmd: "./csi anagrafe import examples/anagrafe-aicurzio-2020-07-01-gestionale.csv --comune aicurzio --as-of 2020-07-01 --rejects /tmp/scarti.csv",
		quote: []string{"(`iso-8859-1, delimiter ',', CRLF`)", "all 16 columns recognised", "The 5 people *updated*", "line 12:", "line 22:", "line 32:", "line 2107:"},
		want:  []string{"iso-8859-1, delimiter ',', CRLF", "5 updated", "4 rejected"},
		files: map[string][]string{"/tmp/scarti.csv": {"\n12,", "\n22,", "\n32,", "\n2107,"}}},
	{doc: "examples/README.md", cmd: "./csi anagrafe history RDASFN99C17Z129B", quote: []string{"shows `Ștefan` until 2020-07-01 and `?tefan` after"}, want: []string{"Ștefan", "?tefan"}},
	{doc: "examples/README.md", cmd: "./csi records import cartelle examples/cartelle-aicurzio.csv", quote: []string{"(`39 inserted`, `61 inserted`, `185 inserted`)", "importing it again changes nothing"},
		want: []string{"39 inserted"}, again: "no-op"},
	{doc: "examples/README.md", cmd: "./csi records import interventi examples/interventi-aicurzio.csv", quote: []string{"`61 inserted`"}, want: []string{"61 inserted"}, again: "no-op"},
	{doc: "examples/README.md", cmd: "./csi records import accessi examples/accessi-aicurzio.csv", quote: []string{"`185 inserted`"}, want: []string{"185 inserted"}, again: "no-op"},
	{doc: "examples/README.md", cmd: "./csi validate --comune aicurzio --fail-on error",
		quote: []string{"`2,390 records checked, 4 errors, 30 warnings`", "`108002-A-2015-00003`", "`108002-C-00002`", "`108002-C-00002-I1`", "`108002-C-00023-I1`", "The 30 warnings (`cartella-residente`)"},
		want:  []string{"2,390 records checked, 4 errors, 30 warnings", "108002-A-2015-00003", "108002-C-00002", "108002-C-00002-I1", "108002-C-00023-I1", "cartella-residente\twarning\t30"}},
	{doc: "examples/README.md", cmd: "./csi indicators show cartelle-popolazione --year 2020 --comune aicurzio",
		quote: []string{"(2,105 residents on 1/1/2020, `fonte_popolazione` `anagrafe`) and counts 19 cartelle open on 31/12/2020, none of them opened in 2020: 0.90%"},
		want:  []string{"\t2105\tanagrafe\t19\t0\t0.90"}},
	{doc: "examples/README.md", cmd: "./csi indicators show accessi-segretariato --comune aicurzio --by comune",
		quote: []string{"`accessi-segretariato` gives 77 accessi in 2015–2017 and 62 in 2018–2020"}, want: []string{"Vimercate\t108002\tAicurzio\t77\t62"}},
}

// docAdaptations change a documented command's arguments where the text
// uses a placeholder or a size the test cannot afford, with the reason.
var docAdaptations = []struct {
	doc, cmd, why string
	apply         func(r *docRunner, args []string) []string
}{
	{"README.md", "csi demo --db demo.db --out demo-files", "the same steps on 1% of the residents (hidden --scale): the whole province takes a minute",
		func(_ *docRunner, args []string) []string {
			return append(args, "--scale", "0.01", "--progress", "none")
		}},
	{"README.md", "csi anagrafe revert 42 --dry-run", "42 stands for the id of a Comune's latest import", (*docRunner).latestImport},
	{"README.md", "csi anagrafe revert 42 --yes -o json", "42 stands for the id of a Comune's latest import", (*docRunner).latestImport},
}

// latestImport replaces the placeholder id 42 by the latest import's id.
func (r *docRunner) latestImport(args []string) []string {
	out, code := r.csi(docInvocation{args: []string{"anagrafe", "imports", "-o", "json"}})
	var imports []struct {
		ID int64 `json:"id"`
	}
	if code != 0 || json.Unmarshal([]byte(r.lastOut), &imports) != nil || len(imports) == 0 {
		r.t.Fatalf("anagrafe imports: exit %d:\n%s", code, out)
	}
	for i, a := range args {
		if a == "42" {
			args[i] = strconv.FormatInt(imports[0].ID, 10)
		}
	}
	return args
}

// checkPipe checks what a documented pipe expects of csi's output.
func (r *docRunner) checkPipe(c docCommand, inv docInvocation) {
	t := r.t
	switch inv.pipe {
	case "":
	case "jq -r '.[].istat'":
		var rows []map[string]any
		if err := json.Unmarshal([]byte(r.lastOut), &rows); err != nil || len(rows) == 0 || rows[0]["istat"] == nil {
			t.Errorf("%s:%d: %q: jq needs a JSON array of objects with istat: %v\n%s", c.doc, c.line, c.text, err, r.lastOut)
		}
	case "cut -f1,6":
		for _, row := range strings.Split(strings.TrimRight(r.lastOut, "\n"), "\n") {
			if len(strings.Split(row, "\t")) < 6 {
				t.Errorf("%s:%d: %q: cut -f1,6 needs 6 tab-separated fields, got %q", c.doc, c.line, c.text, row)
			}
		}
	default:
		t.Errorf("%s:%d: %q: no check for the pipe %q: add one to checkPipe", c.doc, c.line, c.text, inv.pipe)
	}
}

// docNow is the clock of the documented commands: the day the examples
// were last checked, so that their dates are in the past and the token's
// expiry in the future, as for a reader today.
const docNow = "2026-12-01T10:00:00Z"

// newDocRunner prepares the folder a document's commands run in and moves
// into it.
func newDocRunner(t *testing.T, doc, text string) *docRunner {
	dir := t.TempDir()
	r := &docRunner{t: t, doc: doc, text: text, dir: dir, expected: map[int][]int{}, adapted: map[int]bool{},
		env: map[string]string{"CSI_ACTOR": "tester", "CSI_NOW": docNow, "NO_COLOR": "1",
			"XDG_DATA_HOME": filepath.Join(dir, "xdg"), "HOME": filepath.Join(dir, "home")}}
	for _, d := range []string{"tmp", "backup", "home"} {
		if err := os.Mkdir(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	examples, err := filepath.Abs(filepath.Join("..", "..", "examples"))
	if err != nil {
		t.Fatal(err)
	}
	if doc == "examples/README.md" {
		if err := os.Symlink(examples, filepath.Join(dir, "examples")); err != nil {
			t.Fatal(err)
		}
	} else {
		writeReadmeFiles(t, dir, examples, text)
	}
	t.Chdir(dir)
	return r
}

// writeReadmeFiles writes the files README.md's commands name: registry
// extracts of the Comuni they import (small synthetic ones), the map file
// the text shows, the onboarding file, the examples' records and a copy of
// the built-in ruleset.
func writeReadmeFiles(t *testing.T, dir, examples, text string) {
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("adesioni.csv", "comune;anagrafe;date;contact\nMonza;automatic;2024-01-15;Servizi sociali\nDesio;automatic;2024-01-15;\n"+
		"Aicurzio;manual;2024-01-15;\nBrugherio;manual;2024-01-15;\n")
	write("comuni-lombardia.csv", "istat;ambito;popolazione\n097042;Lecco;48000\n97008;Bellano;3200\n012133;Varese;79000\n")
	monza := synthExtract(t, "108033", "2024-06-30")
	// The person of the `anagrafe history` example.
	monza += "RSSMRA85T10F704Z;Rossi;Mario;M;1985-12-10;F704;100;108033;Via Italia;1;20900;09999999;1;1;2010-01-01;1\n"
	write("anagrafe-monza-2024-06.csv", monza)
	desio := synthExtract(t, "108023", "2026-12-01")
	write("estratto.csv", desio)
	// A delta of 20 people, one with a birth date that its codice fiscale
	// contradicts: an error for `csi validate --ambito Desio` to find.
	rows := strings.SplitAfter(desio, "\n")[:21]
	fields := strings.Split(rows[1], ";")
	fields[4] = "1900-01-01"
	rows[1] = strings.Join(fields, ";")
	write("variazioni.csv", strings.Join(rows, ""))
	lissone := synthExtract(t, "108028", "2026-12-01")
	header, body, _ := strings.Cut(lissone, "\n")
	header = strings.Replace(strings.Replace(header, "codice_fiscale", "ID ASSISTITO", 1), "data_nascita", "NATO IL", 1)
	write("export.txt", header+"\n"+body)
	write("colonne.map", readmeMapFile(t, text))
	for doc, ex := range map[string]string{"accessi-2024.csv": "accessi", "cartelle.csv": "cartelle", "interventi.csv": "interventi"} {
		data, err := os.ReadFile(filepath.Join(examples, ex+"-aicurzio.csv"))
		if err != nil {
			t.Fatal(err)
		}
		write(doc, string(data))
	}
	writeMonitoringFiles(write)
	// The SIUSS section's files, of people of the examples' cartelle.
	write("valutazioni-sina.csv", "id_valutazione;codice_fiscale;comune;data_valutazione;mobilita;attivita_vita_quotidiana;"+
		"disturbi_comportamentali;area_reddituale;area_supporto;fonte_derivazione_valutazione;strumento_valutazione;invalidita_civile\n"+
		"V1;CPPMNL33R65A096Y;108002;2024-02-01;2;2;1;2;1;1;1;2|6\n")
	write("sinba.csv", "id_cartella;comune;minore_straniero_non_accompagnato;condizione_minore;luogo_vita;scuola_frequentata;"+
		"condizione_lavoro;disabilita;data_prima_segnalazione;fonte_segnalazione;valutazione_minore;valutazione_famiglia_minore;"+
		"segnalazione_autorita_giudiziaria;provvedimento_giudiziario;fascia_eta_beneficiario;regione_residenza;prestazioni;famiglia\n"+
		"108002-C-00010;108002;2;1;1;4;1;2;09/2015;13;2;3;2;2;3;03;A2.02;1|2\n")
	// The export's paragraph: a cartella of the Monza resident above, its
	// interventi with the SIUSS columns (I1 over two years gives two flows,
	// I3 has no protocol and is refused), and INPS's outcomes of two flows.
	write("cartelle-siuss.csv", "id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area;case_manager\n"+
		"M-1;RSSMRA85T10F704Z;108033;2024-07-01;;;POV;AS-01\n")
	write("interventi-siuss.csv", "id_intervento;id_cartella;comune;codice_prestazione;carattere;data_inizio;data_fine;importo_mensile;"+
		"data_erogazione;importo;misura;presa_in_carico;protocollo_domanda;prova_mezzi\n"+
		"M-1-I1;M-1;108033;A1.04;P;2024-07-01;2025-02-28;150,00;;;;N;P-2024-1;4\n"+
		"M-1-I2;M-1;108033;A1.04;O;;;;2024-09-15;450,00;;N;P-2024-2;4\n"+
		"M-1-I3;M-1;108033;A1.04;O;;;;2024-10-01;200,00;;N;;4\n")
	write("esiti-siuss.csv", "id_flusso;codice_esito;descrizione;id_acquisizione_siuss\n"+
		"F704.PS.20261201.0000001;OK;;SIUSS-000123\n"+
		"F704.PS.20261201.0000002;RICHIESTA_INVALIDA;struttura non conforme;\n")
	ruleset, err := os.ReadFile(filepath.Join("..", "rules", "dgr-2457-2019.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write("regole-ambito.yaml", string(ruleset))
}

// synthExtract returns a small synthetic extract of one Comune.
func synthExtract(t *testing.T, istat, asOf string) string {
	for _, c := range synth.Comuni() {
		if c.Istat != istat {
			continue
		}
		d, err := time.Parse(time.DateOnly, asOf)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if _, err := synth.WriteAnagrafe(&b, c, synth.Options{Seed: 1, Scale: 0.002, AsOf: d}); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	t.Fatalf("no Comune %s", istat)
	return ""
}

// readmeMapFile returns the --map file README.md shows, so that the import
// that names it reads the text's own example.
func readmeMapFile(t *testing.T, text string) string {
	m := regexp.MustCompile("(?s)in a `--map` file of.*?```\n(.*?)\\s*```").FindStringSubmatch(text)
	if m == nil {
		t.Fatal("README.md no longer shows a --map file after \"in a `--map` file of\"")
	}
	var b strings.Builder
	for _, l := range strings.Split(m[1], "\n") {
		b.WriteString(strings.TrimSpace(l) + "\n")
	}
	return b.String()
}
