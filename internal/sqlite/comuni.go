package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

var _ csi.ComuneService = (*DB)(nil)

const comuneCols = `istat, belfiore, nome, ambito, popolazione, status, anagrafe, onboarded_on, offboarded_on, contact`

type scanner interface{ Scan(dest ...any) error }

func scanComune(s scanner) (csi.Comune, error) {
	var c csi.Comune
	err := s.Scan(&c.Istat, &c.Belfiore, &c.Nome, &c.Ambito, &c.Popolazione, &c.Status, &c.Anagrafe,
		&c.OnboardedOn, &c.OffboardedOn, &c.Contact)
	return c, err
}

// querier is satisfied by *sql.DB and *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func listComuni(ctx context.Context, q querier, where string, args ...any) ([]csi.Comune, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+comuneCols+" FROM comuni "+where+" ORDER BY nome_fold", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Comune{}
	for rows.Next() {
		c, err := scanComune(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// ListComuni lists the Comuni, optionally of one Ambito and one status.
func (db *DB) ListComuni(ctx context.Context, f csi.ComuneFilter) ([]csi.Comune, error) {
	where, args := "WHERE 1=1", []any{}
	if f.Ambito != "" {
		a, err := resolveAmbito(ctx, db.db, f.Ambito)
		if err != nil {
			return nil, err
		}
		where, args = where+" AND ambito = ?", append(args, a)
	}
	if f.Status != "" {
		if err := csi.ValidateStatus(f.Status); err != nil {
			return nil, err
		}
	}
	cs, err := listComuni(ctx, db.db, where, args...)
	if err != nil {
		return nil, err
	}
	tl, err := loadTimelines(ctx, db.db)
	if err != nil {
		return nil, err
	}
	asOf(cs, tl, db.today())
	return withStatus(cs, f.Status), nil
}

// withStatus keeps the Comuni with that status as of today (all with "").
func withStatus(cs []csi.Comune, status string) []csi.Comune {
	if status == "" {
		return cs
	}
	out := []csi.Comune{}
	for _, c := range cs {
		if c.Status == status {
			out = append(out, c)
		}
	}
	return out
}

var istatRe = regexp.MustCompile(`^\d{6}$`)

// resolveComune finds one Comune by ISTAT code or by name, accent- and
// case-insensitively; a partial name must match exactly one Comune.
func resolveComune(ctx context.Context, q querier, ref string) (csi.Comune, error) {
	ref = strings.TrimSpace(ref)
	if istatRe.MatchString(ref) {
		c, err := scanComune(q.QueryRowContext(ctx, "SELECT "+comuneCols+" FROM comuni WHERE istat = ?", ref))
		if err == sql.ErrNoRows {
			return c, csi.Errorf(csi.ENOTFOUND, "no Comune with ISTAT code %s", ref).
				WithHint("run 'csi comuni list' to see the codes (Monza e Brianza codes start with 108)")
		}
		return c, err
	}
	fold := csi.FoldName(ref)
	if fold == "" {
		return csi.Comune{}, csi.Errorf(csi.EINVALID, "empty Comune name").WithHint("give an ISTAT code or a name")
	}
	exact, err := listComuni(ctx, q, "WHERE nome_fold = ?", fold)
	if err != nil || len(exact) == 1 {
		return first(exact), err
	}
	like, err := listComuni(ctx, q, "WHERE instr(nome_fold, ?) > 0", fold)
	if err != nil {
		return csi.Comune{}, err
	}
	switch len(like) {
	case 0:
		return csi.Comune{}, csi.Errorf(csi.ENOTFOUND, "no Comune matches %q", ref).
			WithHint("run 'csi comuni list' to see the names and codes")
	case 1:
		return like[0], nil
	}
	return csi.Comune{}, csi.Errorf(csi.EINVALID, "%q matches %d Comuni: %s", ref, len(like), candidates(like)).
		WithHint("give the ISTAT code or more of the name")
}

func first(cs []csi.Comune) csi.Comune {
	if len(cs) == 0 {
		return csi.Comune{}
	}
	return cs[0]
}

func candidates(cs []csi.Comune) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
	}
	return strings.Join(parts, ", ")
}

// FindComune returns a Comune and its history.
func (db *DB) FindComune(ctx context.Context, ref string) (*csi.ComuneDetail, error) {
	c, err := db.comuneToday(ctx, db.db, ref)
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `SELECT date, event, detail, actor, created_at FROM comune_history
		WHERE istat = ? ORDER BY id`, c.Istat)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	d := &csi.ComuneDetail{Comune: c, History: []csi.ComuneEvent{}}
	for rows.Next() {
		var e csi.ComuneEvent
		if err := rows.Scan(&e.Date, &e.Event, &e.Detail, &e.Actor, &e.Created); err != nil {
			return nil, err
		}
		d.History = append(d.History, e)
	}
	return d, rows.Err()
}

// addHistory records a Comune event and the matching audit entry.
func (db *DB) addHistory(ctx context.Context, tx *sql.Tx, c csi.Comune, date, event, detail string) error {
	a := csi.ActorFrom(ctx)
	if _, err := tx.ExecContext(ctx, `INSERT INTO comune_history(istat, date, event, detail, actor, created_at)
		VALUES (?,?,?,?,?,?)`, c.Istat, date, event, detail, a.Name, db.now()); err != nil {
		return err
	}
	return db.appendAudit(ctx, tx, "comune "+c.Istat, fmt.Sprintf("%s %s: %s", c.Nome, event, detail))
}

// OnboardComune makes a Comune an active member of the shared CSI.
func (db *DB) OnboardComune(ctx context.Context, in csi.OnboardInput) (*csi.Comune, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.Date == "" {
		in.Date = db.today()
	}
	var out csi.Comune
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		if err := db.applyDue(ctx, tx); err != nil {
			return err
		}
		c, err := db.comuneToday(ctx, tx, in.Comune)
		if err != nil {
			return err
		}
		if c.Status == csi.StatusActive || c.Status == csi.StatusSuspended {
			return csi.Errorf(csi.ECONFLICT, "%s (%s) is already onboarded since %s", c.Nome, c.Istat, c.OnboardedOn).
				WithHint("use 'csi comuni update %s' to change it", c.Istat)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE comuni SET status = 'active', anagrafe = ?, onboarded_on = ?,
			offboarded_on = '', contact = ? WHERE istat = ?`, in.Anagrafe, in.Date, in.Contact, c.Istat); err != nil {
			return err
		}
		c.Status, c.Anagrafe, c.OnboardedOn, c.OffboardedOn, c.Contact = csi.StatusActive, in.Anagrafe, in.Date, "", in.Contact
		out = c
		return db.addHistory(ctx, tx, c, in.Date, "onboarded", "anagrafe "+in.Anagrafe)
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}
