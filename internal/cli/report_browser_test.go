package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

// TestReportInBrowser renders the HTML report of a small store in
// headless Chromium: screenshots at 1280 and 390 px (kept in
// CSI_BROWSER_SHOTS when set, to look at), no horizontal overflow at
// 390 px, and a PDF of a bounded number of A4 pages. It runs when
// CSI_BROWSER_CHECK is set (.ci/run sets it to "require", and then a
// missing chromium fails); without chromium it says, in one line, that
// the browser check did not run.
func TestReportInBrowser(t *testing.T) {
	mode := os.Getenv("CSI_BROWSER_CHECK")
	if mode == "" {
		t.Skip("browser check not asked for (set CSI_BROWSER_CHECK=1; .ci/run sets it)")
	}
	chromium := ""
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			chromium = p
			break
		}
	}
	if chromium == "" {
		if mode == "require" {
			t.Fatal("the browser check must run here, but no chromium is installed (apt-get install chromium)")
		}
		t.Skip("THE BROWSER CHECK DID NOT RUN: no chromium on PATH")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	runCSI(t, db, "init")
	for _, f := range []struct{ name, body string }{{"cartelle.csv", browserCartelle}, {"accessi.csv", browserAccessi}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), []byte(f.body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	runCSI(t, db, "records", "import", "cartelle", filepath.Join(dir, "cartelle.csv"))
	runCSI(t, db, "records", "import", "accessi", filepath.Join(dir, "accessi.csv"))
	html := runCSI(t, db, "report", "--period", "2022-2023", "-o", "html", "--lang", "it")
	page := filepath.Join(dir, "report.html")
	if err := os.WriteFile(page, []byte(html), 0o600); err != nil {
		t.Fatal(err)
	}
	shots := os.Getenv("CSI_BROWSER_SHOTS")
	if shots == "" {
		shots = dir
	}
	headless := func(width int, args ...string) []byte {
		t.Helper()
		all := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--allow-file-access-from-files",
			"--virtual-time-budget=5000", "--window-size=" + strconv.Itoa(width) + ",3000"}, args...)
		out, err := exec.Command(chromium, all...).Output()
		if err != nil {
			t.Fatalf("chromium %v: %v", args, err)
		}
		return out
	}
	headless(1280, "--screenshot="+filepath.Join(shots, "report-1280.png"), "file://"+page)
	// Headless Chromium lays a window out at least 500 px wide: the page
	// is measured in a 390 px frame, as a phone shows it.
	frame := filepath.Join(dir, "frame.html")
	if err := os.WriteFile(frame, []byte(browserFrame), 0o600); err != nil {
		t.Fatal(err)
	}
	dom := headless(390, "--dump-dom", "file://"+frame)
	m := regexp.MustCompile(`data-scroll="(\d+) (\d+)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the frame did not report the page's width:\n%s", dom)
	}
	if sw, cw := string(m[1]), string(m[2]); sw != cw || cw != "390" {
		t.Errorf("at 390 px the page is %s px wide (viewport %s): something overflows", sw, cw)
	}
	headless(390, "--screenshot="+filepath.Join(shots, "report-390.png"), "file://"+frame)
	pdf := filepath.Join(dir, "report.pdf")
	headless(1280, "--no-pdf-header-footer", "--print-to-pdf="+pdf, "file://"+page)
	b, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	pages := len(regexp.MustCompile(`/Type\s*/Page\b`).FindAll(b, -1))
	// Seven parts, each from a new page, two of them long: 7 to 40 pages.
	if pages < 7 || pages > 40 {
		t.Errorf("the PDF has %d pages, want 7 to 40", pages)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Error("not a PDF")
	}
	t.Logf("browser check: no overflow at 390 px, PDF of %d A4 pages, screenshots in %s", pages, shots)
}

// browserFrame shows report.html in a 390 px wide frame and writes the
// page's scroll width and viewport width on its own body.
const browserFrame = `<!DOCTYPE html><html><body style="margin:0">
<iframe id="f" src="report.html" style="border:0;width:390px;height:3000px"></iframe>
<script>
document.getElementById('f').addEventListener('load', function () {
  var d = document.getElementById('f').contentDocument.documentElement;
  document.body.setAttribute('data-scroll', d.scrollWidth + ' ' + d.clientWidth);
});
</script></body></html>`

const browserCartelle = `id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area;case_manager
C1;STNMRA92A65Z129G;108002;2021-03-01;;;FAM;AS1
C2;DMTGRL87E04Z129U;108033;2022-02-10;;;POV;AS1
C3;RVINRC36L07F205Y;108028;2022-05-01;2022-11-30;4;ANZ;AS1
C4;VLLLCU41M59A825T;108033;2023-03-01;;;ANZ;AS2
`

const browserAccessi = `id_accesso;data_accesso;comune;sportello;codice_fiscale;area;esito;operatore
A1;2021-02-01;108002;COMUNE;;FAM;INFORMAZIONE;op1
A2;2022-01-31;108033;COMUNE;;POV;ORIENTAMENTO;op1
A3;2022-06-01;108028;STRANIERI;;IMM;INFORMAZIONE;op2
A4;2023-01-10;108033;COMUNE;;ANZ;ORIENTAMENTO;op2
`
