package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// Validate checks the records in scope against the ruleset, streaming each
// finding to emit (nothing is kept but counts), and records the run.
func (db *DB) Validate(ctx context.Context, scope csi.ValidateScope, rs *rules.Ruleset,
	emit func(csi.Finding) error) (*csi.ValidationRun, *csi.ValidationSummary, error) {
	start := time.Now()
	v, err := db.newValidation(ctx, scope, rs, emit)
	if err != nil {
		return nil, nil, err
	}
	defer v.env.close()
	for _, step := range []func(context.Context) error{v.persone, v.accessi, v.cartelle, v.interventi} {
		if err := step(ctx); err != nil {
			return nil, nil, err
		}
		if v.err != nil {
			return nil, nil, v.err
		}
		if v.env.err != nil {
			return nil, nil, v.env.err
		}
	}
	sum := v.summary()
	run := &csi.ValidationRun{At: db.now(), Actor: csi.ActorFrom(ctx).Name, Ruleset: rs.Name, RulesetVersion: rs.Version,
		Scope: v.scope, Checked: v.checked, Errors: sum.Errors, Warnings: sum.Warnings, DurationMS: time.Since(start).Milliseconds()}
	if err := db.recordRun(ctx, run, sum); err != nil {
		return nil, nil, err
	}
	return run, sum, nil
}

// validation is the state of one run.
type validation struct {
	db       *DB
	env      *validateEnv
	checker  *rules.Checker
	comuni   []string // ISTAT codes in scope; nil = everything
	scope    string
	emitOut  func(csi.Finding) error
	err      error
	checked  int
	byRule   map[string]*csi.RuleCount
	byComune map[string]*csi.ComuneCount
}

func (db *DB) newValidation(ctx context.Context, scope csi.ValidateScope, rs *rules.Ruleset,
	emit func(csi.Finding) error) (*validation, error) {
	v := &validation{db: db, emitOut: emit, scope: "provincia", byRule: map[string]*csi.RuleCount{}, byComune: map[string]*csi.ComuneCount{}}
	if err := v.resolveScope(ctx, scope); err != nil {
		return nil, err
	}
	env, err := db.newValidateEnv(ctx)
	if err != nil {
		return nil, err
	}
	v.env = env
	v.checker = rules.NewChecker(rs, env)
	for _, r := range rs.Rules {
		v.byRule[r.ID] = &csi.RuleCount{Rule: r.ID, Severity: string(r.Severity)}
	}
	return v, nil
}

func (v *validation) resolveScope(ctx context.Context, s csi.ValidateScope) error {
	switch {
	case s.Comune != "":
		c, err := resolveComune(ctx, v.db.db, s.Comune)
		if err != nil {
			return err
		}
		v.comuni, v.scope = []string{c.Istat}, fmt.Sprintf("comune %s %s", c.Istat, c.Nome)
	case s.Ambito != "":
		a, err := resolveAmbito(ctx, v.db.db, s.Ambito)
		if err != nil {
			return err
		}
		cs, err := listComuni(ctx, v.db.db, "WHERE ambito = ?", a)
		if err != nil {
			return err
		}
		for _, c := range cs {
			v.comuni = append(v.comuni, c.Istat)
		}
		v.scope = "ambito " + a
	}
	return nil
}

// inScope returns a SQL condition on column limiting rows to the scope.
func (v *validation) inScope(column string) string {
	if v.comuni == nil {
		return "1 = 1"
	}
	return column + " IN ('" + strings.Join(v.comuni, "','") + "')"
}

// emit counts a finding and passes it on.
func (v *validation) emit(f rules.Finding) {
	if v.err != nil {
		return
	}
	c := v.byRule[f.Rule]
	if c == nil {
		c = &csi.RuleCount{Rule: f.Rule, Severity: string(f.Severity)}
		v.byRule[f.Rule] = c
	}
	c.Count++
	cc := v.byComune[f.Comune]
	if cc == nil {
		cc = &csi.ComuneCount{Comune: f.Comune}
		v.byComune[f.Comune] = cc
	}
	if f.Severity == rules.Severity(csi.SeverityError) {
		cc.Errors++
	} else {
		cc.Warnings++
	}
	v.err = v.emitOut(csi.Finding{Rule: f.Rule, Severity: string(f.Severity), Kind: f.Kind, ID: f.ID, Comune: f.Comune, Field: f.Field, Message: f.Message})
}

// persone checks the current registry versions in storage order (no sort),
// then the households.
func (v *validation) persone(ctx context.Context) error {
	rows, err := v.db.db.QueryContext(ctx, `SELECT codice_fiscale, comune, dati, valid_from FROM persone
		WHERE valid_to = '' AND `+v.inScope("comune"))
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		p, err := scanCurrentPerson(rows)
		if err != nil {
			return err
		}
		v.checked++
		v.checker.Persona(p, v.emit)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	return v.families(ctx)
}

func scanCurrentPerson(rows *sql.Rows) (csi.PersonVersion, error) {
	var p csi.PersonVersion
	var dati string
	if err := rows.Scan(&p.CodiceFiscale, &p.Comune, &dati, &p.ValidFrom); err != nil {
		return p, err
	}
	d, err := anagrafe.DecodeDati(dati)
	if err != nil {
		return p, err
	}
	p.Cognome, p.Nome, p.Sesso, p.DataNascita, p.LuogoNascita, p.Cittadinanza = d[0], d[1], d[2], d[3], d[4], d[5]
	p.Indirizzo, p.Civico, p.CAP, p.CodiceFamiglia, p.RelazioneParentela, p.StatoCivile = d[6], d[7], d[8], d[9], d[10], d[11]
	p.DataIscrizione, p.MotivoIscrizione, p.DataCancellazione, p.MotivoCancellazione = d[12], d[13], d[14], d[15]
	return p, nil
}

func (v *validation) accessi(ctx context.Context) error {
	rows, err := v.db.db.QueryContext(ctx, `SELECT id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
		FROM accessi WHERE `+v.inScope("comune"))
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var a csi.Accesso
		if err := rows.Scan(&a.ID, &a.Data, &a.Comune, &a.Sportello, &a.CodiceFiscale, &a.Area, &a.Esito, &a.Operatore); err != nil {
			return err
		}
		v.checked++
		v.checker.Accesso(a, v.emit)
	}
	return rows.Err()
}

// cartelle checks each cartella and, person by person, the open ones.
func (v *validation) cartelle(ctx context.Context) error {
	rows, err := v.db.db.QueryContext(ctx, "SELECT "+cartellaCols+" FROM cartelle WHERE "+v.inScope("comune")+" ORDER BY comune, codice_fiscale")
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	var group []csi.Cartella
	flush := func() {
		if len(group) > 0 {
			v.checker.CartellePersona(group[0].Comune, group[0].CodiceFiscale, group, v.emit)
		}
		group = group[:0]
	}
	for rows.Next() {
		c, err := scanCartella(rows)
		if err != nil {
			return err
		}
		if len(group) > 0 && (group[0].Comune != c.Comune || group[0].CodiceFiscale != c.CodiceFiscale) {
			flush()
		}
		group = append(group, c)
		v.checked++
		v.checker.Cartella(c, v.emit)
	}
	flush()
	return rows.Err()
}

func (v *validation) interventi(ctx context.Context) error {
	where := "1 = 1"
	if v.comuni != nil {
		where = v.inScope("i.comune")
	}
	rows, err := v.db.db.QueryContext(ctx, `SELECT i.id_intervento, i.id_cartella, i.codice_prestazione, i.carattere, i.data_inizio,
		i.data_fine, i.importo_mensile, i.data_erogazione, i.importo, i.misura, i.presa_in_carico, i.comune
		FROM interventi i WHERE `+where)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var x csi.Intervento
		var mensile, importo sql.NullInt64
		if err := rows.Scan(&x.ID, &x.IDCartella, &x.CodicePrestazione, &x.Carattere, &x.DataInizio, &x.DataFine, &mensile,
			&x.DataErogazione, &importo, &x.Misura, &x.PresaInCarico, &x.Comune); err != nil {
			return err
		}
		x.ImportoMensile, x.HasMensile, x.Importo, x.HasImporto = mensile.Int64, mensile.Valid, importo.Int64, importo.Valid
		v.checked++
		v.checker.Intervento(x, v.emit)
	}
	return rows.Err()
}

// summary orders the counts: rules as in the ruleset order of ids, Comuni by code.
func (v *validation) summary() *csi.ValidationSummary {
	s := &csi.ValidationSummary{ByRule: []csi.RuleCount{}, ByComune: []csi.ComuneCount{}}
	for _, c := range v.byRule {
		if c.Severity == csi.SeverityError {
			s.Errors += c.Count
		} else {
			s.Warnings += c.Count
		}
		s.ByRule = append(s.ByRule, *c)
	}
	sort.Slice(s.ByRule, func(i, j int) bool { return s.ByRule[i].Rule < s.ByRule[j].Rule })
	names := map[string]string{}
	_ = collectPairs(v.db, names)
	for _, c := range v.byComune {
		c.Nome = names[c.Comune]
		s.ByComune = append(s.ByComune, *c)
	}
	sort.Slice(s.ByComune, func(i, j int) bool { return s.ByComune[i].Comune < s.ByComune[j].Comune })
	return s
}

func collectPairs(db *DB, into map[string]string) error {
	rows, err := db.db.Query("SELECT istat, nome FROM comuni")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k, n string
		if err := rows.Scan(&k, &n); err != nil {
			return err
		}
		into[k] = n
	}
	return rows.Err()
}

func (db *DB) recordRun(ctx context.Context, run *csi.ValidationRun, sum *csi.ValidationSummary) error {
	byRule, _ := json.Marshal(sum.ByRule)
	return db.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO validation_runs(at, actor, ruleset, ruleset_version, scope, checked, errors,
			warnings, by_rule, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?)`, run.At, run.Actor, run.Ruleset, run.RulesetVersion,
			run.Scope, run.Checked, run.Errors, run.Warnings, string(byRule), run.DurationMS)
		if err != nil {
			return err
		}
		run.ID, _ = res.LastInsertId()
		return db.appendAudit(ctx, tx, run.Scope, fmt.Sprintf("validation %d with %s %s: %d checked, %d errors, %d warnings",
			run.ID, run.Ruleset, run.RulesetVersion, run.Checked, run.Errors, run.Warnings))
	})
}

// ValidationHistory lists past validation runs, newest first.
func (db *DB) ValidationHistory(ctx context.Context) ([]csi.ValidationRun, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT id, at, actor, ruleset, ruleset_version, scope, checked, errors, warnings, duration_ms
		FROM validation_runs ORDER BY id DESC`)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.ValidationRun{}
	for rows.Next() {
		var r csi.ValidationRun
		if err := rows.Scan(&r.ID, &r.At, &r.Actor, &r.Ruleset, &r.RulesetVersion, &r.Scope, &r.Checked, &r.Errors, &r.Warnings, &r.DurationMS); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
