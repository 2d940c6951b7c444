package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
)

// The process registers and the indicators over them, on a small store
// built by hand on each engine: every figure below is worked out from the
// rows written here, not read back from csi.

// monitoringCFs are synthetic codici fiscali (from examples/).
var monitoringCFs = []string{"CLMLCU57P53A096A", "SRNLSU28R50A096O", "CPPMNL33R65A096Y", "PLMNRC80A11F205V", "HSSMMD07S26Z336L",
	"CLMMRG39A48D142I", "FRRLVC06P55E102U", "CTTDNC55C15A096V", "BRNMSM68P03F704H", "GLMSFO06A51F704D"}

// lario is a made-up Ambito of two Comuni of Lecco with 100 and 200
// residents (no registry: the reference figure counts), so that a few
// cartelle move them between bands.
func lario(t *testing.T, s *app.Services) {
	t.Helper()
	ctx := actorCtx()
	_, err := s.AddComuni(ctx, csi.AddComuniInput{Rows: []csi.ComuneAdd{
		{Line: 2, Istat: "097001", Ambito: "Lario", Popolazione: "100"},
		{Line: 3, Istat: "097002", Ambito: "Lario", Popolazione: "200"}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []string{"097001", "097002"} {
		if _, err := s.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "manual", Date: "2019-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	// Abbadia (100): 1 opened in 2021, 2 more in 2022: open 1 then 3 (1% then 3%).
	// Airuno (200): 5 opened in 2021, 4 of them closed in 2022: open 5 then 1 (2.5% then 0.5%).
	cartelle := "id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area\n" +
		"A1;" + monitoringCFs[0] + ";097001;2021-03-01;;;FAM\n" +
		"A2;" + monitoringCFs[1] + ";097001;2022-02-01;;;ANZ\n" +
		"A3;" + monitoringCFs[2] + ";097001;2022-05-01;;;ANZ\n"
	for i := 0; i < 5; i++ {
		closed, reason := "2022-06-30", "4"
		if i == 4 {
			closed, reason = "", ""
		}
		cartelle += "B" + string(rune('1'+i)) + ";" + monitoringCFs[3+i] + ";097002;2021-0" + string(rune('1'+i)) + "-10;" + closed + ";" + reason + ";POV\n"
	}
	// Accessi: Abbadia 2 in 2021 and 3 in 2022, Airuno 4 in 2021.
	accessi := "id_accesso;data_accesso;comune;sportello;area;esito\n"
	for i, a := range []struct{ comune, day string }{{"097001", "2021-01-05"}, {"097001", "2021-02-05"}, {"097001", "2022-01-05"},
		{"097001", "2022-02-05"}, {"097001", "2022-03-05"}, {"097002", "2021-01-05"}, {"097002", "2021-02-05"}, {"097002", "2021-03-05"}, {"097002", "2021-04-05"}} {
		accessi += "X" + string(rune('a'+i)) + ";" + a.day + ";" + a.comune + ";COMUNE;FAM;INFORMAZIONE\n"
	}
	for kind, data := range map[string]string{"cartelle": cartelle, "accessi": accessi} {
		src := csi.Source{Name: kind + ".csv", Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(strings.NewReader(data)), nil
		}}
		sum, err := s.ImportRecords(ctx, csi.RecordImport{Kind: kind}, src)
		if err != nil || sum.Rejected > 0 {
			t.Fatalf("%s: %v (%+v)", kind, err, sum)
		}
	}
}

// registers records the events, operators and channels of the scenario.
func registers(t *testing.T, s *app.Services) {
	t.Helper()
	ctx := actorCtx()
	res, err := s.ImportEventi(ctx, csi.ImportEventiInput{File: "eventi.csv", Rows: []csi.EventoInput{
		{Line: 2, Tipo: "incontro_istituzionale", Data: "2022-03-15", Ambiti: []string{"Desio"}, PerRuolo: map[string]string{"politici": "4", "dirigenti": "3"}},
		{Line: 3, Tipo: "incontro_istituzionale", Data: "15/10/2022", Comuni: []string{"Lissone", "Desio"}, Partecipanti: "12", PerRuolo: map[string]string{"posizioni_organizzative": "5"}},
		{Line: 4, Tipo: "corso_assistenti_sociali", Data: "2022-06-15", Ambiti: []string{"tutti"}, Partecipanti: "42", Accreditamento: "CROAS-2022-1"},
		{Line: 5, Tipo: "corso_assistenti_sociali", Data: "2023-01-20", Ambiti: []string{"Monza"}, Partecipanti: "15"},
		{Line: 6, Tipo: "corso_amministrativi", Data: "2022-09-01", Ambiti: []string{"Desio", "Monza"}, Partecipanti: "20"},
		{Line: 7, Tipo: "tavolo_linee_guida", Data: "2023-02-01", Ambiti: []string{"Vimercate"}, Partecipanti: "9"},
	}})
	if err != nil || len(res.Rejects) > 0 || res.Added != 6 {
		t.Fatalf("events: %v %+v", err, res)
	}
	ops, err := s.ImportOperatori(ctx, csi.ImportOperatoriInput{File: "utenti-2022.csv", Rows: []csi.OperatoreInput{
		{Line: 2, ID: "mario.rossi", Comune: "Desio", Ruolo: "Assistente sociale", UltimoAccesso: "2022-11-15"},
		{Line: 3, ID: "anna.b", Comune: "108023", Ruolo: "amministrativo", UltimoAccesso: "2022-12-01"},
		{Line: 4, ID: "mario.rossi", Comune: "Monza", Ruolo: "assistente_sociale", UltimoAccesso: "2022-02-01"},
		{Line: 5, ID: "luca", Comune: "Lissone", Ruolo: "educatore"},
	}})
	if err != nil || !ops.Replaced {
		t.Fatalf("operators 2022: %v %+v", err, ops)
	}
	// The 2023 list replaces the 2022 one: anna.b left; mario.rossi of Desio was active again.
	ops, err = s.ImportOperatori(ctx, csi.ImportOperatoriInput{File: "utenti-2023.csv", Rows: []csi.OperatoreInput{
		{Line: 2, ID: "MARIO.ROSSI", Comune: "Desio", Ruolo: "assistente_sociale", UltimoAccesso: "2023-10-01"},
		{Line: 3, ID: "luca", Comune: "Lissone", Ruolo: "educatore", UltimoAccesso: "2023-05-05"},
	}})
	if err != nil || ops.Before != 4 || ops.After != 2 || ops.Accessi != 2 {
		t.Fatalf("operators 2023: %v %+v", err, ops)
	}
	for _, c := range []csi.CanaleInput{
		{Controparte: "gepi", Stato: "richiesto", Data: "2021-11-01"},
		{Controparte: "isee_inps", Stato: "richiesto", Data: "2022-02-01"},
		{Controparte: "protocollo_comunale", Comune: "Lissone", Stato: "in_test", Data: "2022-04-01"},
	} {
		if _, err := s.AddCanale(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	for _, u := range []csi.CanaleUpdate{{ID: 1, Stato: "autorizzato", Data: "2022-05-01"}, {ID: 1, Stato: "attivo", Data: "2023-03-01"},
		{ID: 3, Stato: "attivo", Data: "2022-10-01"}, {ID: 3, Stato: "sospeso", Data: "2023-01-10"}} {
		if _, err := s.UpdateCanale(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
}

// rowsJSON is a result's rows and notes as compact JSON.
func rowsJSON(t *testing.T, res *csi.IndicatorResult) string {
	t.Helper()
	b, err := json.Marshal(struct {
		Rows  []csi.IndicatorRow  `json:"rows"`
		Notes []csi.IndicatorNote `json:"notes,omitempty"`
	}{res.Rows, res.Notes})
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestMonitoringIndicators(t *testing.T) {
	const prov = `"livello":"provincia","codice":"MB","nome":"Provincia di Monza e Brianza"`
	cases := []struct {
		name   string
		params csi.IndicatorParams
		want   string
	}{
		{"incontri-istituzionali", csi.IndicatorParams{Period: []string{"2022"}, Comune: "Desio"},
			// Desio: both meetings (the first names no Comune of the Ambito, the second names Desio).
			`{"rows":[{"periodo":"2022","livello":"comune","codice":"108023","nome":"Desio","incontri":2,"partecipanti":19,"politici":4,"dirigenti":3,"posizioni_organizzative":5}]}`},
		{"incontri-istituzionali", csi.IndicatorParams{Period: []string{"2022"}, Comune: "108010"},
			// Bovisio-Masciago: only the meeting of the whole Ambito.
			`{"rows":[{"periodo":"2022","livello":"comune","codice":"108010","nome":"Bovisio-Masciago","incontri":1,"partecipanti":7,"politici":4,"dirigenti":3,"posizioni_organizzative":0}]}`},
		{"incontri-istituzionali", csi.IndicatorParams{Period: []string{"2022", "2023"}, By: csi.ByProvincia},
			`{"rows":[{"periodo":"2022",` + prov + `,"incontri":2,"partecipanti":19,"politici":4,"dirigenti":3,"posizioni_organizzative":5},` +
				`{"periodo":"2023",` + prov + `,"incontri":0,"partecipanti":0,"politici":0,"dirigenti":0,"posizioni_organizzative":0}]}`},
		{"corsi-formazione", csi.IndicatorParams{Period: []string{"2022-2023"}, Ambito: "Monza"},
			`{"rows":[{"periodo":"2022-2023","livello":"ambito","codice":"Monza","nome":"Monza","corsi_assistenti_sociali":2,"accreditati":1,"partecipanti_assistenti_sociali":57,"corsi_amministrativi":1,"partecipanti_amministrativi":20}]}`},
		{"tavoli-linee-guida", csi.IndicatorParams{Period: []string{"2023"}, By: csi.ByProvincia},
			`{"rows":[{"periodo":"2023",` + prov + `,"incontri":1,"partecipanti":9}]}`},
		{"formazione-debiti", csi.IndicatorParams{Period: []string{"2022"}, By: csi.ByProvincia},
			`{"rows":[{"periodo":"2022",` + prov + `,"incontri":0,"partecipanti":0}],"notes":[{"code":"not_recorded","subject":"formazione_debiti",` +
				`"command":"csi eventi add --tipo formazione_debiti --data YYYY-MM-DD --ambito AMBITO --partecipanti N",` +
				`"message":"nothing recorded: no formazione_debiti in the period and scope; record them with 'csi eventi add --tipo formazione_debiti --data YYYY-MM-DD --ambito AMBITO --partecipanti N'"}]}`},
		{"operatori-attivi", csi.IndicatorParams{Period: []string{"2022", "2023"}, By: csi.ByProvincia},
			// 2022: mario.rossi in Desio and in Monza (two accounts), anna.b; 2023: mario.rossi in Desio, luca.
			`{"rows":[{"periodo":"2022",` + prov + `,"operatori_attivi":2,"comuni_con_operatori":2},` +
				`{"periodo":"2023",` + prov + `,"operatori_attivi":2,"comuni_con_operatori":2}]}`},
		{"operatori-attivi", csi.IndicatorParams{Period: []string{"2022"}, Comune: "Desio"},
			`{"rows":[{"periodo":"2022","livello":"comune","codice":"108023","nome":"Desio","operatori_attivi":2,"comuni_con_operatori":1}]}`},
		{"canali-interoperabilita", csi.IndicatorParams{Period: []string{"2022"}},
			`{"rows":[{"periodo":"2022","canale":1,"controparte":"gepi","descrizione":"","ambito":"","comune":"","stato_inizio":"richiesto","stato_fine":"autorizzato","aperto":0,"rafforzato":1},` +
				`{"periodo":"2022","canale":2,"controparte":"isee_inps","descrizione":"","ambito":"","comune":"","stato_inizio":"","stato_fine":"richiesto","aperto":1,"rafforzato":0},` +
				`{"periodo":"2022","canale":3,"controparte":"protocollo_comunale","descrizione":"","ambito":"Carate Brianza","comune":"108028","stato_inizio":"","stato_fine":"attivo","aperto":1,"rafforzato":0},` +
				`{"periodo":"2022","canale":null,"controparte":"Totale","descrizione":"","ambito":"","comune":"","stato_inizio":"","stato_fine":"","aperto":2,"rafforzato":1}]}`},
		{"canali-interoperabilita", csi.IndicatorParams{Period: []string{"2023"}, Ambito: "Desio"},
			// Lissone's channel is not Desio's; gepi became attivo; isee_inps did not move.
			`{"rows":[{"periodo":"2023","canale":1,"controparte":"gepi","descrizione":"","ambito":"","comune":"","stato_inizio":"autorizzato","stato_fine":"attivo","aperto":0,"rafforzato":1},` +
				`{"periodo":"2023","canale":2,"controparte":"isee_inps","descrizione":"","ambito":"","comune":"","stato_inizio":"richiesto","stato_fine":"richiesto","aperto":0,"rafforzato":0},` +
				`{"periodo":"2023","canale":null,"controparte":"Totale","descrizione":"","ambito":"","comune":"","stato_inizio":"","stato_fine":"","aperto":0,"rafforzato":1}]}`},
		{"collegamenti-attivati", csi.IndicatorParams{},
			`{"rows":[{"periodo":"2022-2023","canale":1,"controparte":"gepi","descrizione":"","ambito":"","comune":"","attivato_il":"2023-03-01","collegamenti":1},` +
				`{"periodo":"2022-2023","canale":3,"controparte":"protocollo_comunale","descrizione":"","ambito":"Carate Brianza","comune":"108028","attivato_il":"2022-10-01","collegamenti":1},` +
				`{"periodo":"2022-2023","canale":null,"controparte":"Totale","descrizione":"","ambito":"","comune":"","attivato_il":"","collegamenti":2}]}`},
		{"utilizzo-csi", csi.IndicatorParams{Period: []string{"2022"}, Ambito: "Lario", By: csi.ByComune},
			`{"rows":[{"periodo":"2022","anno":2022,"livello":"comune","codice":"097001","nome":"Abbadia Lariana","accessi":3,"variazione_accessi":50.00,"aperte":2,"variazione_aperte":100.00,"popolazione":100,"cartelle_aperte":3,"percentuale":3.00,"variazione_percentuale":2.00},` +
				`{"periodo":"2022","anno":2022,"livello":"comune","codice":"097002","nome":"Airuno","accessi":0,"variazione_accessi":-100.00,"aperte":0,"variazione_aperte":-100.00,"popolazione":200,"cartelle_aperte":1,"percentuale":0.50,"variazione_percentuale":-2.00},` +
				`{"periodo":"2022","anno":2022,"livello":"ambito","codice":"Lario","nome":"Lario","accessi":3,"variazione_accessi":-50.00,"aperte":2,"variazione_aperte":-66.67,"popolazione":300,"cartelle_aperte":4,"percentuale":1.33,"variazione_percentuale":-0.67}]}`},
		{"utilizzo-fasce", csi.IndicatorParams{Period: []string{"2021-2022"}, Ambito: "Lario"},
			// Abbadia went from 1% (1-2%) to 3% (>2%), Airuno from 2.5% to 0.5%.
			`{"rows":[{"periodo":"2021-2022","anno_iniziale":2021,"anno_finale":2022,"movimento":"salita","comuni":1,"percentuale":50.00},` +
				`{"periodo":"2021-2022","anno_iniziale":2021,"anno_finale":2022,"movimento":"stabile","comuni":0,"percentuale":0.00},` +
				`{"periodo":"2021-2022","anno_iniziale":2021,"anno_finale":2022,"movimento":"discesa","comuni":1,"percentuale":50.00},` +
				`{"periodo":"2021-2022","anno_iniziale":2021,"anno_finale":2022,"movimento":"Totale","comuni":2,"percentuale":100.00}],` +
				`"notes":[{"code":"no_data","subject":"2020","command":"csi records import cartelle FILE","message":"no data for 2020: the cartelle recorded go from 2021 to 2022"}]}`},
	}
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		s := newEngine(t).services()
		lario(t, s)
		registers(t, s)
		for _, c := range cases {
			res, err := s.ComputeIndicator(context.Background(), c.name, c.params)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if got := rowsJSON(t, res); got != c.want {
				t.Errorf("%s %+v:\n got %s\nwant %s", c.name, c.params, got, c.want)
			}
		}
	})
}

// TestUtilizzoSuppression: with --suppress-below, a change computed from
// a small count of the year before is withheld with it.
func TestUtilizzoSuppression(t *testing.T) {
	s := sqliteEngine(t).services()
	lario(t, s)
	res, err := s.ComputeIndicator(context.Background(), "utilizzo-csi", csi.IndicatorParams{Period: []string{"2022"}, Comune: "097001", SuppressBelow: 3})
	if err != nil {
		t.Fatal(err)
	}
	// Abbadia: 2 accessi and 1 cartella opened, 1 open in 2021: every change
	// rests on a small count. Its 3 open cartelle are withheld too: with the
	// Ambito's 4 they would give away Airuno's 1.
	want := `{"rows":[{"periodo":"2022","anno":2022,"livello":"comune","codice":"097001","nome":"Abbadia Lariana","accessi":3,"variazione_accessi":null,` +
		`"aperte":null,"variazione_aperte":null,"popolazione":100,"cartelle_aperte":null,"percentuale":null,"variazione_percentuale":null,` +
		`"suppressed":["aperte","cartelle_aperte","percentuale","variazione_accessi","variazione_aperte","variazione_percentuale"],"complementary":["cartelle_aperte","percentuale"]}]}`
	if got := rowsJSON(t, res); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
